/// A call prepared for checking: every turn normalised and matched once
/// against all of a rubric's lists.
struct CallAnalysis {
    /// The call as said: what every check reads, even when it was redacted.
    let call: Call
    /// The redaction of a redacted call, whose masked turns evidence quotes.
    let redaction: (redactor: Redactor, turns: [String])?
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
    /// Scalar offsets of the long turns' bytes, by turn, so that evidence
    /// in a long turn costs the same wherever it is.
    private let scalarOffsets: [Int: ScalarOffsets]

    /// What the call tells the matcher about its people (`{name}`, `{agent}`, `{company}`).
    let context: MatchContext

    /// Normalises and matches every turn of `call`, and computes its metrics
    /// with `settings`. The slots `{name}`, `{agent}` and `{company}` find
    /// the call's header values (`customer`, `agent`, `company` metadata)
    /// and `customerNames`, other forms of the customer's name. A redacted
    /// call is matched on what was said and quoted as masked.
    init(
        call given: Call, matcher: any PhraseMatching,
        settings: ConversationMetrics.Settings = ConversationMetrics.Settings(), customerNames: [String] = []
    ) {
        // Only valid times are scored: a call built in code may hold others.
        let call = given.unredacted.withValidTimes()
        self.call = call
        self.redaction = given.redaction.map { ($0.redactor, given.turns.map(\.text)) }
        self.context = MatchContext(call: call, customerNames: customerNames)
        let forms = context.forms
        self.metrics = ConversationMetrics.compute(for: call, settings: settings)
        var scalarOffsets: [Int: ScalarOffsets] = [:]
        for index in call.turns.indices where call.turns[index].text.utf8.count > ScalarOffsets.unindexedBytes {
            var text = call.turns[index].text
            scalarOffsets[index] = text.withUTF8 { ScalarOffsets($0) }
        }
        self.scalarOffsets = scalarOffsets
        var normalized: [NormalizedText] = []
        normalized.reserveCapacity(call.turns.count)
        var all: [PhraseMatcher.Hit] = []
        var allTurns: [Int32] = []
        var scratch = PhraseMatcher.Scratch()
        for index in call.turns.indices {
            let text = TextNormalizer.shared.normalize(call.turns[index].text)
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
        for index in call.turns.indices {
            if call.turns[index].role == .agent {
                agentTurns.append(index)
            } else if call.turns[index].role == .customer {
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
            let cancelling = Exceptions(matches(of: PhraseGroup(name: "except", lists: group.except), inTurns: turns))
            found.removeAll { cancelling.overlap(turn: Int($0.turn), Int($0.hit.start)..<Int($0.hit.end)) }
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

    /// The occurrences of a group's exception lists, ready to say in a few
    /// steps whether one overlaps a range of a turn, however many there are.
    private struct Exceptions {
        /// Non-empty ranges by turn, then start.
        private let spans: [(turn: Int, range: Range<Int>)]
        /// The furthest end among each span and the spans before it in its turn.
        private let reach: [Int]

        init(_ matches: [(turn: Int, match: PhraseMatch)]) {
            spans = matches.filter { !$0.match.range.isEmpty }.map { (turn: $0.turn, range: $0.match.range) }
                .sorted { ($0.turn, $0.range.lowerBound) < ($1.turn, $1.range.lowerBound) }
            var reach: [Int] = []
            reach.reserveCapacity(spans.count)
            for (index, span) in spans.enumerated() {
                let before = index > 0 && spans[index - 1].turn == span.turn ? reach[index - 1] : Int.min
                reach.append(max(before, span.range.upperBound))
            }
            self.reach = reach
        }

        /// Whether a span of `turn` overlaps `range` (a non-empty range in common).
        func overlap(turn: Int, _ range: Range<Int>) -> Bool {
            guard !range.isEmpty else { return false }
            // The spans of the turn that start before the range ends: the last reaches furthest.
            let after = partition { ($0.turn, $0.range.lowerBound) >= (turn, range.upperBound) }
            guard after > 0, spans[after - 1].turn == turn else { return false }
            return reach[after - 1] > range.lowerBound
        }

        private func partition(where isAfter: ((turn: Int, range: Range<Int>)) -> Bool) -> Int {
            var low = 0
            var high = spans.count
            while low < high {
                let middle = (low + high) / 2
                if isAfter(spans[middle]) { high = middle } else { low = middle + 1 }
            }
            return low
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

    /// Evidence quoting the original UTF-8 range `bytes` of a turn (masked,
    /// when the call was redacted: masks keep every byte where it was).
    ///
    /// Costs the length of the quote, not of the turn before it: a long
    /// turn's offsets come from its index (``ScalarOffsets``).
    func evidence(turn: Int, utf8 bytes: Range<Int>, phrase: String, kind: Evidence.Kind = .quote) -> Evidence {
        let spoken = call.turns[turn]
        var source = quotedText(turn)
        let offsets = scalarOffsets[turn]
        let (text, begin, length) = source.withUTF8 { utf8 in
            let quote = UnsafeBufferPointer(rebasing: utf8[bytes])
            let begin =
                offsets?.scalars(before: bytes.lowerBound, in: utf8)
                ?? UTF8Scalars.count(in: UnsafeBufferPointer(rebasing: utf8[0..<bytes.lowerBound]))
            return (String(decoding: quote, as: UTF8.self), begin, UTF8Scalars.count(in: quote))
        }
        return Evidence(
            turn: turn, speaker: spoken.role, start: spoken.start, text: text, phrase: phrase, kind: kind,
            offsets: begin..<(begin + length))
    }

    /// A turn's text as outputs may quote it: masked when the call was redacted.
    func quotedText(_ turn: Int) -> String {
        redaction?.turns[turn] ?? call.turns[turn].text
    }

    /// A turn's normalised text as outputs may quote it: the masked text's
    /// when the call was redacted.
    func quotedNormalized(_ turn: Int) -> NormalizedText {
        guard let redaction else { return normalized[turn] }
        return TextNormalizer.shared.normalize(redaction.turns[turn])
    }

    /// Of the content units `turn` repeats, those a note may spell out: all
    /// of them, unless the call was redacted — then those its masked text
    /// still holds (no piece of a masked number).
    func quotable(_ units: [String], saidIn turn: Int) -> [String] {
        guard redaction != nil else { return units }
        let kept = ContentUnits.of(quotedNormalized(turn))
        return units.filter(kept.contains)
    }

    /// Evidence that is a whole turn picked out by a rule the phrase describes.
    func evidence(wholeTurn turn: Int, phrase: String) -> Evidence {
        evidence(turn: turn, utf8: 0..<call.turns[turn].text.utf8.count, phrase: phrase, kind: .rule)
    }

    static func turnCount(_ count: Int) -> String {
        count == 1 ? "turn" : "\(count) turns"
    }
}
