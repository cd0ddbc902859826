/// A call prepared for checking: every turn normalised and matched once
/// against all of a rubric's lists.
struct CallAnalysis {
    let call: Call
    let normalized: [NormalizedText]
    /// Every counted occurrence, ordered by list, then turn, then start.
    private let hits: [PhraseMatcher.Hit]
    /// The turn of each of ``hits``.
    private let hitTurns: [Int32]
    /// Where each list's occurrences start in ``hits``; one more entry than lists.
    private let listStarts: [Int]
    /// List names and their indices, and the phrases hits refer to.
    private let listIndex: [String: Int]
    private let listNames: [String]
    private let phrases: [String]
    /// The turns each role spoke, in order.
    private let agentTurns: [Int]
    private let customerTurns: [Int]
    /// The call's conversation metrics, or why it has none.
    let metrics: Result<ConversationMetrics, ConversationMetrics.Unavailable>

    /// What the call tells the matcher about its people (`{name}`, `{agent}`, `{company}`).
    let context: MatchContext

    /// Normalises and matches every turn of `call`, and computes its metrics
    /// with `settings`. The slots `{name}`, `{agent}` and `{company}` find
    /// the call's header values (`customer`, `agent`, `company` metadata)
    /// and `customerNames`, other forms of the customer's name.
    init(
        call: Call, matcher: any PhraseMatching,
        settings: ConversationMetrics.Settings = ConversationMetrics.Settings(), customerNames: [String] = []
    ) {
        // Only valid times are scored: a call built in code may hold others.
        let call = call.withValidTimes()
        self.call = call
        self.context = MatchContext(call: call, customerNames: customerNames)
        let forms = context.forms
        self.metrics = ConversationMetrics.compute(for: call, settings: settings)
        var normalized: [NormalizedText] = []
        normalized.reserveCapacity(call.turns.count)
        var all: [PhraseMatcher.Hit] = []
        var allTurns: [Int32] = []
        var scratch = PhraseMatcher.Scratch()
        for (index, turn) in call.turns.enumerated() {
            let text = TextNormalizer.shared.normalize(turn.text)
            normalized.append(text)
            let before = all.count
            matcher.collect(in: text, forms: forms, into: &all, scratch: &scratch)
            allTurns.append(contentsOf: repeatElement(Int32(index), count: all.count - before))
        }
        listIndex = matcher.listIndex
        listNames = matcher.listNames
        phrases = matcher.phrases
        self.normalized = normalized

        // Order by list, keeping turn and start order within each (a stable counting sort).
        var starts = [Int](repeating: 0, count: listNames.count + 1)
        for hit in all { starts[Int(hit.list) + 1] += 1 }
        for list in 0..<listNames.count { starts[list + 1] += starts[list] }
        var next = starts
        var ordered = all
        var orderedTurns = allTurns
        for (position, hit) in all.enumerated() {
            let slot = next[Int(hit.list)]
            next[Int(hit.list)] += 1
            ordered[slot] = hit
            orderedTurns[slot] = allTurns[position]
        }
        hits = ordered
        hitTurns = orderedTurns
        listStarts = starts

        var agentTurns: [Int] = []
        var customerTurns: [Int] = []
        for (index, turn) in call.turns.enumerated() {
            if turn.role == .agent {
                agentTurns.append(index)
            } else if turn.role == .customer {
                customerTurns.append(index)
            }
        }
        self.agentTurns = agentTurns
        self.customerTurns = customerTurns
    }

    /// The call's metrics, or the not-applicable outcome of a check that
    /// needs them, saying why there are none.
    func metrics(for what: String) -> (metrics: ConversationMetrics?, unavailable: CheckOutcome?) {
        switch metrics {
        case .success(let value): (value, nil)
        case .failure(let why): (nil, .notApplicable("\(what): \(why.reason)"))
        }
    }

    /// The indices of the turns spoken by `role`.
    func turns(by role: SpeakerRole) -> [Int] {
        switch role {
        case .agent: agentTurns
        case .customer: customerTurns
        default: call.turns.indices.filter { call.turns[$0].role == role }
        }
    }

    /// The matches of a group's lists in one turn, in order.
    func matches(of group: PhraseGroup, inTurn turn: Int) -> [PhraseMatch] {
        matches(of: group, inTurns: [turn]).map(\.match)
    }

    /// The matches of a group's lists in several turns, with their turn: turn
    /// by turn as given, and within a turn in order of position.
    func matches(of group: PhraseGroup, inTurns turns: [Int]) -> [(turn: Int, match: PhraseMatch)] {
        guard !turns.isEmpty else { return [] }
        guard zip(turns, turns.dropFirst()).allSatisfy({ $0 < $1 }) else {
            return turns.flatMap { turn in matches(of: group, inTurn: turn).map { (turn, $0) } }
        }
        var found: [Found] = []
        for (position, name) in group.lists.enumerated() {
            guard let list = listIndex[name] else { continue }
            var cursor = 0
            for slot in listStarts[list]..<listStarts[list + 1] {
                let turn = Int(hitTurns[slot])
                while cursor < turns.count && turns[cursor] < turn { cursor += 1 }
                if cursor == turns.count { break }
                if turns[cursor] == turn {
                    found.append(Found(turn: hitTurns[slot], position: position, hit: hits[slot]))
                }
            }
        }
        if group.lists.count > 1 {
            found.sort { ($0.turn, $0.hit.start, $0.position) < ($1.turn, $1.hit.start, $1.position) }
        }
        if !group.except.isEmpty {
            let cancelling = matches(of: PhraseGroup(name: "except", lists: group.except), inTurns: turns)
            found.removeAll { found in
                cancelling.contains {
                    $0.turn == Int(found.turn) && $0.match.range.overlaps(Int(found.hit.start)..<Int(found.hit.end))
                }
            }
        }
        return found.map { found in
            (
                Int(found.turn),
                PhraseMatch(
                    list: listNames[Int(found.hit.list)], phrase: phrases[Int(found.hit.phrase)],
                    range: Int(found.hit.start)..<Int(found.hit.end))
            )
        }
    }

    /// An occurrence in a group's lists: its turn, and which of the group's lists found it.
    private struct Found {
        var turn: Int32
        var position: Int
        var hit: PhraseMatcher.Hit
    }

    /// Evidence for a match: the original words, with the turn's facts.
    func evidence(_ match: PhraseMatch, inTurn turn: Int) -> Evidence {
        evidence(turn: turn, utf8: normalized[turn].originalRange(of: match.range), phrase: match.phrase)
    }

    /// Evidence quoting the original UTF-8 range `bytes` of a turn.
    func evidence(turn: Int, utf8 bytes: Range<Int>, phrase: String, kind: Evidence.Kind = .quote) -> Evidence {
        let spoken = call.turns[turn]
        var source = spoken.text
        let (text, begin, length) = source.withUTF8 { utf8 in
            (
                String(decoding: UnsafeBufferPointer(rebasing: utf8[bytes]), as: UTF8.self),
                UTF8Scalars.count(in: utf8[0..<bytes.lowerBound]), UTF8Scalars.count(in: utf8[bytes])
            )
        }
        return Evidence(
            turn: turn, speaker: spoken.role, start: spoken.start, text: text, phrase: phrase, kind: kind,
            offsets: begin..<(begin + length))
    }

    /// Evidence that is a whole turn picked out by a rule the phrase describes.
    func evidence(wholeTurn turn: Int, phrase: String) -> Evidence {
        evidence(turn: turn, utf8: 0..<call.turns[turn].text.utf8.count, phrase: phrase, kind: .rule)
    }

    static func turnCount(_ count: Int) -> String {
        count == 1 ? "turn" : "\(count) turns"
    }
}

extension Array where Element == Int {
    /// The index of the first element for which `isAfter` holds, in an array
    /// where it holds for a suffix (a binary search).
    func partitioningIndex(where isAfter: (Int) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if isAfter(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
