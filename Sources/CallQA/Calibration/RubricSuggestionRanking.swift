/// Ranks what one group of calls says against another, for rubric suggestions.
enum RubricSuggestionRanking {
    typealias CallGroup = RubricSuggestions.CallGroup

    /// The suggestions for one planned item over `calls` (sorted by id).
    static func item(
        _ planned: RubricSuggestionPlan.PlannedItem, calls: [RubricSuggestionCall],
        settings: RubricSuggestions.Settings
    ) -> RubricSuggestions.Item {
        let id = planned.item.id
        var members: [CallGroup: [Int]] = [:]
        var observations: [Int: RubricSuggestionObservation] = [:]
        var tied = 0
        for (index, call) in calls.enumerated() {
            switch call.items[id] {
            case nil: continue
            case .tied: tied += 1
            case .judged(let observation):
                observations[index] = observation
                members[observation.group, default: []].append(index)
                if let group = observation.applicabilityGroup { members[group, default: []].append(index) }
            }
        }
        let focus = planned.focus
        let groups: [CallGroup] =
            focus?.triggers == nil
            ? [.bothPass, .bothNotPass, .humanOnlyPass, .machineOnlyPass] : CallGroup.allCases
        var item = RubricSuggestions.Item(
            id: id, title: planned.item.title, kind: planned.item.check.kind,
            counts: Dictionary(uniqueKeysWithValues: groups.map { ($0, members[$0]?.count ?? 0) }), tied: tied)
        guard let focus else {
            item.note = "a \(item.kind) check judges no wording: nothing to suggest"
            return item
        }

        func list<Key: Hashable>(
            _ group: CallGroup, against: CallGroup, scope: RubricSuggestionScope, evidence: Bool = false,
            features: @escaping (RubricSuggestionObservation) -> [Key: RubricSuggestionPlace],
            phrase: (Key) -> String, speaker: (Key) -> SpeakerRole, units: Bool
        ) -> RubricSuggestions.CandidateList {
            let target = members[group] ?? []
            let contrast = members[against] ?? []
            let place = { (key: Key, call: Int) in features(observations[call]!)[key] }
            var ranked = tally(
                target: target, contrast: contrast, features: { features(observations[$0]!) },
                minimumSupport: units ? settings.minimumSupport : 1
            ).map { (key: $0.key, tally: $0.value) }
            if units {
                ranked = pieces(ranked.filter { $0.tally.score > 0 }, text: phrase) { place($0, $1)! }
            }
            ranked.sort { lhs, rhs in
                let (left, right) = (lhs.tally, rhs.tally)
                if left.score != right.score { return left.score > right.score }
                if left.found.count != right.found.count { return left.found.count > right.found.count }
                if left.against.count != right.against.count { return left.against.count < right.against.count }
                let (first, second) = (phrase(lhs.key), phrase(rhs.key))
                if first != second { return precedes(first, second) }
                return precedes(speaker(lhs.key).rawValue, speaker(rhs.key).rawValue)
            }
            return RubricSuggestions.CandidateList(
                group: group, groupSize: target.count, against: against, againstSize: contrast.count,
                scope: evidence ? "the machine's evidence" : scope.description, speaker: scope.speaker,
                candidates: ranked.prefix(settings.top).map { entry in
                    let examples = entry.tally.found.prefix(2).compactMap { index -> RubricSuggestions.Example? in
                        guard let place = place(entry.key, index) else { return nil }
                        let call = calls[index]
                        return RubricSuggestions.Example(
                            callID: call.callID, turn: place.turn,
                            text: quote(call.texts[place.turn], around: place.utf8))
                    }
                    return entry.tally.candidate(
                        phrase: phrase(entry.key), speaker: speaker(entry.key), examples: examples)
                })
        }

        let (addGroup, addAgainst): (CallGroup, CallGroup) =
            focus.penalises ? (.machineOnlyPass, .bothPass) : (.humanOnlyPass, .bothNotPass)
        let (removeGroup, removeAgainst): (CallGroup, CallGroup) =
            focus.penalises ? (.humanOnlyPass, .bothNotPass) : (.machineOnlyPass, .bothPass)
        let speaker = focus.words.speaker
        item.add = list(
            addGroup, against: addAgainst, scope: focus.words, features: \.words, phrase: { $0 },
            speaker: { _ in speaker }, units: true)
        item.removeQuoted = list(
            removeGroup, against: removeAgainst, scope: focus.words, evidence: true, features: \.quoted,
            phrase: \.phrase,
            speaker: \.speaker, units: false)
        item.remove = list(
            removeGroup, against: removeAgainst, scope: focus.words, features: \.words, phrase: { $0 },
            speaker: { _ in speaker }, units: true)
        if let triggers = focus.triggers {
            item.triggers = list(
                .humanApplicableMachineNA, against: .bothNA, scope: triggers, features: \.triggerWords,
                phrase: { $0 }, speaker: { _ in triggers.speaker }, units: true)
        }
        return item
    }

    // MARK: - Counting

    /// In which calls of each group a candidate was said, and its score.
    struct Tally {
        /// Calls of the group it was said in (indices, ascending).
        var found: [Int]
        /// Calls of the group held against that it was said in.
        var against: [Int]
        var groupSize: Int
        var againstSize: Int
        var score: Double

        func candidate(phrase: String, speaker: SpeakerRole, examples: [RubricSuggestions.Example])
            -> RubricSuggestions.Candidate
        {
            RubricSuggestions.Candidate(
                phrase: phrase, speaker: speaker, calls: found.count, groupSize: groupSize,
                callsAgainst: against.count, againstSize: againstSize, score: score, examples: examples)
        }
    }

    /// Every key said in at least `minimumSupport` calls of `target`, with the
    /// calls of each group it was said in and its score.
    static func tally<Key: Hashable>(
        target: [Int], contrast: [Int], features: (Int) -> [Key: RubricSuggestionPlace], minimumSupport: Int
    ) -> [Key: Tally] {
        var found: [Key: [Int]] = [:]
        for call in target {
            for key in features(call).keys { found[key, default: []].append(call) }
        }
        found = found.filter { $0.value.count >= minimumSupport }
        var against: [Key: [Int]] = [:]
        for call in contrast {
            for key in features(call).keys where found[key] != nil { against[key, default: []].append(call) }
        }
        return found.reduce(into: [:]) { result, entry in
            let counter = against[entry.key] ?? []
            result[entry.key] = Tally(
                found: entry.value, against: counter, groupSize: target.count, againstSize: contrast.count,
                score: RubricSuggestions.score(
                    calls: entry.value.count, groupSize: target.count, callsAgainst: counter.count,
                    againstSize: contrast.count))
        }
    }

    // MARK: - One phrase, once

    /// The calls of both groups a candidate was said in.
    private struct Signature: Hashable {
        var found: [Int]
        var against: [Int]
    }

    /// Keeps one unit of each phrase: units said in exactly the same calls of
    /// both groups are pieces of one longer phrase when one lies inside
    /// another (the shorter is dropped) or when they overlap where they are
    /// first said in the first call (only the one that starts first is kept).
    static func pieces<Key: Hashable>(
        _ ranked: [(key: Key, tally: Tally)], text: (Key) -> String, place: (Key, Int) -> RubricSuggestionPlace
    ) -> [(key: Key, tally: Tally)] {
        var kept: [(key: Key, tally: Tally)] = []
        for group in Dictionary(grouping: ranked, by: { Signature(found: $0.tally.found, against: $0.tally.against) })
            .values
        {
            guard group.count > 1 else {
                kept += group
                continue
            }
            var inside = Set<String>()
            for member in group { inside.formUnion(RubricSuggestionUnits.shorterUnits(of: text(member.key))) }
            let first = group[0].tally.found[0]
            let whole = group.filter { !inside.contains(text($0.key)) }.map { (entry: $0, place: place($0.key, first)) }
                .sorted { lhs, rhs in
                    if lhs.place.turn != rhs.place.turn { return lhs.place.turn < rhs.place.turn }
                    if lhs.place.utf8.lowerBound != rhs.place.utf8.lowerBound {
                        return lhs.place.utf8.lowerBound < rhs.place.utf8.lowerBound
                    }
                    let (first, second) = (text(lhs.entry.key), text(rhs.entry.key))
                    let (left, right) = (
                        RubricSuggestionUnits.length(of: first), RubricSuggestionUnits.length(of: second)
                    )
                    return left != right ? left > right : precedes(first, second)
                }
            var reach: (turn: Int, end: Int)?
            for member in whole {
                if let current = reach, current.turn == member.place.turn, member.place.utf8.lowerBound < current.end {
                    reach = (current.turn, max(current.end, member.place.utf8.upperBound))
                    continue
                }
                kept.append(member.entry)
                reach = (member.place.turn, member.place.utf8.upperBound)
            }
        }
        return kept
    }

    /// Orders text by its Unicode scalars, the same on every platform and locale.
    static func precedes(_ text: String, _ other: String) -> Bool {
        text.unicodeScalars.lexicographicallyPrecedes(other.unicodeScalars)
    }

    // MARK: - Quotes

    /// The clause of `text` around the UTF-8 range `utf8` — from the end of
    /// the sentence before it (`.`, `!`, `?`, `;`, their Chinese forms, a line
    /// break) to the end of its own — cut around the words to at most
    /// ``RubricSuggestions/quoteLength`` characters, with `…` where it was cut.
    static func quote(_ text: String, around utf8: Range<Int>) -> String {
        let scalars = Array(text.unicodeScalars)
        var start = 0
        var end = 0
        var offset = 0
        for (index, scalar) in scalars.enumerated() {
            if offset < utf8.lowerBound { start = index + 1 }
            if offset < utf8.upperBound { end = index + 1 }
            offset += String(scalar).utf8.count
        }
        start = min(start, scalars.count)
        end = max(start, min(end, scalars.count))
        func endsClause(_ index: Int) -> Bool {
            switch scalars[index] {
            case "!", "?", ";", "\n", "\r", "\u{3002}", "\u{FF01}", "\u{FF1F}", "\u{FF1B}": true
            case ".": index + 1 == scalars.count || scalars[index + 1].isTranscriptWhitespace
            default: false
            }
        }
        var lower = start
        while lower > 0 && !endsClause(lower - 1) { lower -= 1 }
        var upper = end
        while upper < scalars.count && !endsClause(upper) { upper += 1 }
        if upper < scalars.count && scalars[upper] != "\n" && scalars[upper] != "\r" { upper += 1 }
        while lower < start && scalars[lower].isTranscriptWhitespace { lower += 1 }
        while upper > end && scalars[upper - 1].isTranscriptWhitespace { upper -= 1 }

        let limit = RubricSuggestions.quoteLength
        var (from, to) = (lower, upper)
        if upper - lower > limit {
            let budget = limit - 2
            let spare = max(0, budget - (end - start))
            let before = min(start - lower, max(spare / 2, spare - (upper - end)))
            let after = min(upper - end, spare - before)
            from = start - before
            to = min(end + after, from + budget)
        }
        var quote = String(String.UnicodeScalarView(scalars[from..<to]))
        if from > lower { quote = "…" + quote }
        if to < upper { quote += "…" }
        return quote
    }
}
