import Yams

/// `paraphrase`: the agent restates the customer, by a cue phrase or by
/// re-using enough of a customer turn's content.
///
/// With `shared`, a cue counts only in a sentence that repeats that many
/// content units (numbers, Chinese character pairs, English content words)
/// of the customer's last `recent` turns, and is not a question that asks
/// for information (`asks`): "so you were charged twice, correct?" restates;
/// "press 1 to confirm" and "what do you mean?" do not. A restatement in
/// other words than the customer's counts through `topics`: lists of
/// wordings for one matter (a refund: "refund", "money back", "cancel the
/// charge"), each shared topic counting as one shared unit.
public struct ParaphraseCheck: Sendable, Equatable {
    /// Cue phrases (`为了确认一下`, "just to confirm"); `nil` for none.
    public var cues: PhraseGroup?
    /// Content units a cue's sentence must share with the customer's recent
    /// turns; 0 to take a cue on its own.
    public var shared: Int = 0
    /// How many of the customer's turns before the agent's count as recent.
    public var recent: Int = 3
    /// Wording that makes a sentence a request for information, not a restatement.
    public var asks: PhraseGroup?
    /// Words too general to count as restated content ("the issue", 订单).
    public var generic: PhraseGroup?
    /// Lists that each hold the wordings of one matter (发票, 增票, 专票):
    /// naming a matter the customer raised, in any of its wordings, counts
    /// as one shared unit.
    public var topics: [String] = []
    /// The share (0–1) of a customer turn's content units that an agent turn
    /// must repeat; `nil` to rely on cues alone.
    public var overlap: Double?
    /// Customer turns with fewer content units than this are not compared.
    public var minimumContent: Int
}

extension ParaphraseCheck: CheckKind {
    static let kind = "paraphrase"

    static func decode(_ site: CheckSite, parser: inout RubricParser) -> ParaphraseCheck? {
        guard
            let entries = parser.entries(
                of: site, allowed: ["cues", "overlap", "min-content", "shared", "recent", "asks", "generic", "topics"])
        else { return nil }
        let cues = parser.phraseGroup(under: "cues", of: entries, item: site.item)
        let asks = parser.phraseGroup(under: "asks", of: entries, item: site.item)
        let generic = parser.phraseGroup(under: "generic", of: entries, item: site.item)
        let shared = entries["shared"].map { parser.reader.integer($0, "'shared'", minimum: 0) } ?? 0
        let recent = entries["recent"].map { parser.reader.integer($0, "'recent'", minimum: 1) } ?? 3
        let overlap = entries["overlap"].flatMap { parser.reader.number($0, "'overlap'", in: 0.01...1) }
        let minimum = entries["min-content"].map { parser.reader.integer($0, "'min-content'", minimum: 1) } ?? 3
        var topics: [String] = []
        if let topicsNode = entries["topics"], let names = parser.reader.strings(topicsNode, "'topics'") {
            if names.isEmpty { parser.reader.problem(topicsNode, "'topics' is empty") }
            if entries["shared"] == nil {
                parser.reader.problem(topicsNode, "'topics' count only with 'shared': add 'shared: 1'")
            }
            for name in names { parser.refer(to: name, at: topicsNode) }
            topics = names
        }
        if entries["cues"] == nil && entries["overlap"] == nil {
            parser.reader.problem(site.node, "\(site.what) needs 'cues', 'overlap' or both")
        }
        guard let minimum, let shared, let recent, cues != nil || overlap != nil else { return nil }
        if entries["asks"] != nil, asks == nil { return nil }
        if entries["generic"] != nil, generic == nil { return nil }
        return ParaphraseCheck(
            cues: cues, shared: shared, recent: recent, asks: asks, generic: generic, topics: topics,
            overlap: overlap, minimumContent: minimum)
    }

    func writeCanonical(to json: inout JSONWriter) {
        if let cues {
            json.key("cues")
            cues.writeCanonical(to: &json)
        }
        json.field("overlap", overlap)
        json.field("min-content", minimumContent)
        if shared > 0 {
            json.field("shared", shared)
            json.field("recent", recent)
        }
        if let asks {
            json.key("asks")
            asks.writeCanonical(to: &json)
        }
        if let generic {
            json.key("generic")
            generic.writeCanonical(to: &json)
        }
        if !topics.isEmpty { json.field("topics", topics) }
    }

    var lintFacts: CheckLintFacts {
        CheckLintFacts(rewarded: cues?.lists ?? [])
    }

    func evaluate(in analysis: CallAnalysis) -> CheckOutcome {
        let agentTurns = analysis.turns(by: .agent)
        if let cues, shared == 0, let first = analysis.matches(of: cues, inTurns: agentTurns).first {
            return CheckOutcome(
                status: .pass, share: 1, evidence: [analysis.evidence(first.match, inTurn: first.turn)],
                note: "restated the customer with a confirming phrase at turn \(first.turn)")
        }
        if let cues, shared > 0, let found = restatement(cues: cues, in: analysis) {
            return CheckOutcome(
                status: .pass, share: 1, evidence: [found.evidence],
                note: "restated the customer at turn \(found.evidence.turn): \(found.note)")
        }
        let cueNote = cues.map { "\($0.name): none said" } ?? "no restatement"
        guard let overlap else {
            return CheckOutcome(
                status: .fail, share: 0, missing: [cues?.name ?? "paraphrase"],
                note: "\(cueNote) in the agent's \(CallAnalysis.turnCount(agentTurns.count))")
        }

        // Compare each agent turn with the customer turn it follows.
        // Units are compared as fingerprints; only the best pair's are spelt out.
        var best: (share: Double, agent: Int, customer: Int)?
        var comparable = false
        var lastCustomer: (turn: Int, units: [UInt64])?
        for (index, turn) in analysis.call.turns.enumerated() {
            if turn.role == .customer {
                let units = ContentUnits.fingerprints(of: analysis.normalized[index])
                lastCustomer = units.count >= minimumContent ? (index, units) : nil
                comparable = comparable || lastCustomer != nil
            } else if turn.role == .agent, let customer = lastCustomer {
                let repeated = ContentUnits.sharedCount(
                    customer.units, ContentUnits.fingerprints(of: analysis.normalized[index]))
                let share = Double(repeated) / Double(customer.units.count)
                if share > (best?.share ?? -1) { best = (share, index, customer.turn) }
            }
        }
        guard comparable, let best else {
            return .notApplicable(
                "the customer gave no details to restate"
                    + " (no turn with \(minimumContent) or more content words or numbers)"
            )
        }
        let percent = NumberText.percent(best.share)
        if best.share >= overlap {
            let repeated = analysis.quotable(
                ContentUnits.shared(
                    in: analysis.normalized[best.agent].bytes,
                    heard: ContentUnits.fingerprints(of: analysis.normalized[best.customer])),
                saidIn: best.agent)
            let rule = "repeats \(percent) of turn \(best.customer): \(repeated.prefix(6).joined(separator: ", "))"
            return CheckOutcome(
                status: .pass, share: 1,
                evidence: [analysis.evidence(wholeTurn: best.agent, phrase: rule)],
                note: "restated the customer's details at turn \(best.agent) (\(rule))")
        }
        return CheckOutcome(
            status: .fail, share: 0, missing: [cues?.name ?? "paraphrase"],
            note:
                "\(cueNote), and no agent turn repeats \(NumberText.percent(overlap)) of a customer turn's details"
                + " (best: \(percent) at turn \(best.agent))"
        )
    }

    /// The matches of one turn among matches ordered by turn.
    private static func matches(
        inTurn turn: Int, of found: [(turn: Int, match: PhraseMatch)]
    ) -> ArraySlice<(turn: Int, match: PhraseMatch)> {
        found[found.partitioningIndex { $0.turn >= turn }..<found.partitioningIndex { $0.turn > turn }]
    }

    /// The first agent sentence with a cue that repeats `shared` content
    /// units of the customer's recent turns and asks for nothing.
    private func restatement(cues: PhraseGroup, in analysis: CallAnalysis) -> (evidence: Evidence, note: String)? {
        let found = analysis.matches(of: cues, inTurns: analysis.turns(by: .agent))
        guard !found.isEmpty else { return nil }
        // Both ordered by turn: a turn's matches are found by binary search.
        let asking = asks.map { group in
            var turns = found.map(\.turn)
            turns.sortAndRemoveRepeats()
            return analysis.matches(of: group, inTurns: turns)
        }
        let customerTurns = analysis.turns(by: .customer)
        let general = generic.map { analysis.matches(of: $0, inTurns: Array(analysis.call.turns.indices)) } ?? []
        var contents: [Int: [UInt8]] = [:]
        /// A turn's normalised bytes with its general words blanked out, made once a turn.
        func content(_ turn: Int) -> [UInt8] {
            if let made = contents[turn] { return made }
            var bytes = analysis.normalized[turn].bytes
            for found in Self.matches(inTurn: turn, of: general) {
                for index in found.match.range { bytes[index] = 0x20 }
            }
            Self.blankCompanyTokens(in: &bytes)
            contents[turn] = bytes
            return bytes
        }
        var checked: Set<Range<Int>> = []
        var heardByTurn: [Int: [UInt64]] = [:]
        var sentences: [Int: Sentences] = [:]
        for (turn, match) in found {
            if sentences[turn] == nil {
                sentences[turn] = Sentences(
                    of: analysis.normalized[turn], original: Array(analysis.call.turns[turn].text.utf8))
            }
            let sentence = sentences[turn]!.sentence(around: match.range, in: analysis.normalized[turn].bytes)
            guard checked.insert(sentence).inserted else { continue }
            if let asking, Self.matches(inTurn: turn, of: asking).contains(where: { sentence.overlaps($0.match.range) })
            {
                continue
            }
            let before = customerTurns[..<customerTurns.partitioningIndex { $0 >= turn }].suffix(recent)
            guard !before.isEmpty else { continue }
            // Compared as fingerprints; only the restatement found is spelt out.
            let said = ContentUnits.fingerprints(of: Array(content(turn)[sentence]))
            var heard: [UInt64] = []
            for customer in before {
                if heardByTurn[customer] == nil {
                    heardByTurn[customer] = ContentUnits.fingerprints(of: content(customer))
                }
                heard += heardByTurn[customer]!
            }
            heard.sortAndRemoveRepeats()
            let sharedUnits = ContentUnits.sharedCount(said, heard)
            let matters =
                sharedUnits >= shared
                ? [] : sharedTopics(sentence: sentence, turn: turn, before: Array(before), in: analysis)
            guard sharedUnits + matters.count >= shared else { continue }
            let units = ContentUnits.shared(in: Array(content(turn)[sentence]), heard: heard)
            let repeated = analysis.quotable(units, saidIn: turn) + matters
            let original = analysis.normalized[turn].originalRange(of: sentence)
            let evidence = analysis.evidence(turn: turn, utf8: original, phrase: match.phrase)
            return (
                evidence,
                "\"\(match.phrase)\" with the customer's \(repeated.prefix(6).joined(separator: ", "))"
            )
        }
        return nil
    }

    /// The topics named both in the agent's `sentence` of `turn` and in one
    /// of the customer's turns `before`, each as `topic (said / heard)`.
    private func sharedTopics(sentence: Range<Int>, turn: Int, before: [Int], in analysis: CallAnalysis) -> [String] {
        guard !topics.isEmpty else { return [] }
        var named: [String] = []
        for topic in topics {
            let group = PhraseGroup(name: topic, lists: [topic])
            guard
                let said = analysis.matches(of: group, inTurn: turn).first(where: {
                    sentence.lowerBound <= $0.range.lowerBound && $0.range.upperBound <= sentence.upperBound
                }),
                let heard = analysis.matches(of: group, inTurns: before).first
            else { continue }
            named.append("\(topic) (\(said.phrase) / \(heard.match.phrase))")
        }
        return named
    }

    /// Where the sentences of a turn's normalised text begin and end, found
    /// in one pass, so that finding the sentence around each of many cues
    /// costs a binary search, not a walk to the sentence's ends.
    ///
    /// A sentence runs from after the previous sentence end (`.`, `!`, `?`,
    /// `。！？`) or line break to the next one, the end included; a space
    /// that stands for a line break of the original ends one too, and so
    /// does one between characters of a script written without spaces:
    /// there it parts two chat messages (`…途中哦 请问…`).
    struct Sentences {
        /// Where a sentence may begin: 0, and after every sentence end or break.
        private var starts: [Int] = [0]
        /// Spaces that stand for a line break, then the text's end.
        private var breaks: [Int] = []
        /// The offsets just after every sentence end.
        private var ends: [Int] = []

        init(of text: NormalizedText, original: [UInt8]) {
            let bytes = text.bytes
            var index = 0
            while index < bytes.count {
                let (value, width) = UTF8Scalars.decode(at: index, in: bytes)
                if bytes[index] == 0x20, Self.isBreak(at: index, in: text, original: original) {
                    breaks.append(index)
                    starts.append(index + 1)
                }
                index += width
                if let scalar = Unicode.Scalar(value), ParaphraseCheck.isSentenceEnd(scalar) {
                    starts.append(index)
                    ends.append(index)
                }
            }
            breaks.append(bytes.count)
        }

        /// Whether the space at `index` ends a sentence: it stands for a line
        /// break of the original, or parts two characters of a script
        /// written without spaces.
        private static func isBreak(at index: Int, in text: NormalizedText, original: [UInt8]) -> Bool {
            if original[text.originalRange(of: index..<(index + 1)).lowerBound] == 0x0A { return true }
            guard let before = UTF8Scalars.scalar(before: index, in: text.bytes),
                let after = UTF8Scalars.scalar(at: index + 1, in: text.bytes)
            else { return false }
            return UnicodeFacts.isWrittenWithoutSpaces(before) && UnicodeFacts.isWrittenWithoutSpaces(after)
        }

        /// The sentence around `range` of `bytes` (the text it was made
        /// of), without the spaces around it.
        func sentence(around range: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
            var start = starts[starts.partitioningIndex { $0 > range.lowerBound } - 1]
            var end = breaks[breaks.partitioningIndex { $0 >= range.upperBound }]
            let after = ends.partitioningIndex { $0 > range.upperBound }
            if after < ends.count { end = min(end, ends[after]) }
            while start < end, bytes[start] == 0x20 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0A { end -= 1 }
            return start..<end
        }
    }

    fileprivate static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "!", "?", "\n", "\u{3002}", "\u{FF01}", "\u{FF1F}": true
        default: false
        }
    }

    /// Blanks out the tokens anonymised transcripts put in place of a
    /// company or organisation (`#prs_org#`, `[公司x]`, after normalisation):
    /// naming the company restates nothing of the customer's. Tokens for the
    /// customer's own data (`[地址x]`, `#number#`) stay: reading them back is
    /// a restatement.
    static func blankCompanyTokens(in bytes: inout [UInt8]) {
        let organisations = bytes.withUnsafeBufferPointer { buffer in
            RedactionToken.tokens(in: buffer).filter { $0.kind == .organization }.map(\.range)
        }
        for range in organisations {
            for index in range { bytes[index] = 0x20 }
        }
    }
}
