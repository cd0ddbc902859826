/// A call prepared for checking: every turn normalised and matched once
/// against all of a rubric's lists.
struct CallAnalysis {
    let call: Call
    let normalized: [NormalizedText]
    /// For each turn, its matches by list name.
    let matches: [[String: [PhraseMatch]]]

    init(call: Call, matcher: any PhraseMatching) {
        self.call = call
        var normalized: [NormalizedText] = []
        var matches: [[String: [PhraseMatch]]] = []
        normalized.reserveCapacity(call.turns.count)
        matches.reserveCapacity(call.turns.count)
        for turn in call.turns {
            let text = TextNormalizer.shared.normalize(turn.text)
            normalized.append(text)
            matches.append(Dictionary(grouping: matcher.matches(in: text), by: \.list))
        }
        self.normalized = normalized
        self.matches = matches
    }

    /// The indices of the turns spoken by `role`.
    func turns(by role: SpeakerRole) -> [Int] {
        call.turns.indices.filter { call.turns[$0].role == role }
    }

    /// The matches of a group's lists in one turn, in order.
    func matches(of group: PhraseGroup, inTurn turn: Int) -> [PhraseMatch] {
        let found = group.lists.flatMap { matches[turn][$0] ?? [] }
        return group.lists.count == 1 ? found : found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The matches of a group's lists in several turns, with their turn.
    func matches(of group: PhraseGroup, inTurns turns: [Int]) -> [(turn: Int, match: PhraseMatch)] {
        turns.flatMap { turn in matches(of: group, inTurn: turn).map { (turn, $0) } }
    }

    /// Evidence for a match: the original words, with the turn's facts.
    func evidence(_ match: PhraseMatch, inTurn turn: Int) -> Evidence {
        evidence(turn: turn, utf8: normalized[turn].originalRange(of: match.range), phrase: match.phrase)
    }

    /// Evidence quoting the original UTF-8 range `bytes` of a turn.
    func evidence(turn: Int, utf8 bytes: Range<Int>, phrase: String) -> Evidence {
        let spoken = call.turns[turn]
        let utf8 = Array(spoken.text.utf8)
        let text = String(decoding: utf8[bytes], as: UTF8.self)
        // Scalars start at every byte that is not a UTF-8 continuation byte.
        let begin = utf8[..<bytes.lowerBound].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        let length = text.unicodeScalars.count
        return Evidence(turn: turn, speaker: spoken.role, start: spoken.start, text: text, phrase: phrase,
                        offsets: begin..<(begin + length))
    }

    /// Evidence quoting a whole turn.
    func evidence(wholeTurn turn: Int, phrase: String) -> Evidence {
        evidence(turn: turn, utf8: 0..<call.turns[turn].text.utf8.count, phrase: phrase)
    }

    /// The turns by `role` a window covers, and a note when timestamps were
    /// missing and a turn window stood in for a time window.
    func turns(by role: SpeakerRole, in window: TurnWindow?) -> (turns: [Int], note: String?) {
        let all = turns(by: role)
        guard let window else { return (all, nil) }
        switch window {
        case .firstTurns(let count):
            return (Array(all.prefix(count)), nil)
        case .lastTurns(let count):
            return (Array(all.suffix(count)), nil)
        case .firstSeconds(let seconds, let fallback):
            guard call.isTimed else {
                return (Array(all.prefix(fallback)), "no timestamps: the \(role.rawValue)'s first \(Self.turnCount(fallback)) stood in for the first \(JSONWriter.number(seconds)) s")
            }
            let origin = call.turns.compactMap(\.start).min() ?? 0
            return (all.filter { call.turns[$0].start! - origin < seconds }, nil)
        case .lastSeconds(let seconds, let fallback):
            guard call.isTimed else {
                return (Array(all.suffix(fallback)), "no timestamps: the \(role.rawValue)'s last \(Self.turnCount(fallback)) stood in for the last \(JSONWriter.number(seconds)) s")
            }
            let end = call.turns.map { $0.end ?? $0.start! }.max() ?? 0
            return (all.filter { (call.turns[$0].end ?? call.turns[$0].start!) > end - seconds }, nil)
        }
    }

    static func turnCount(_ count: Int) -> String {
        count == 1 ? "turn" : "\(count) turns"
    }
}
