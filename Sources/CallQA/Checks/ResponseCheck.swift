import Yams

/// `response`: when the customer says a trigger, the agent responds within
/// `within` of its next turns (or has just responded, within as many of its
/// previous turns: a complaint repeated after an apology needs no second
/// one). With `answer: first` only the customer's first trigger counts, and
/// only a response after it. Not applicable when no trigger is said.
public struct ResponseCheck: Sendable, Equatable {
    /// What the customer says that calls for a response.
    public var trigger: PhraseGroup
    /// Ways of writing that call for a response too (emphatic punctuation, capitals).
    public var signals: [CustomerSignal] = []
    /// What counts as the response.
    public var response: PhraseGroup
    /// How many of the agent's next turns may pass before the response.
    public var within: Int
    /// Which triggers need a response.
    public var answer: Answer
    /// Whether answering some triggers but not all earns a share of the points.
    public var partialCredit: Bool
    /// With `answer: first`, how many of the agent's turns just before the
    /// trigger may hold the response too: empathy already shown when the
    /// customer's feelings boil over. 0 by default: an apology made before the
    /// complaint does not answer it.
    public var before: Int = 0

    /// Which triggers need a response.
    public enum Answer: String, Sendable, Equatable {
        /// Every trigger (`answer: every`): an apology for each complaint.
        case every
        /// At least one (`answer: any`): empathy shown once when the customer is upset.
        case any
        /// The first trigger only (`answer: first`), answered in the agent's
        /// next turns: an apology right after the first complaint.
        case first
    }
}

extension ResponseCheck: CheckKind {
    static let kind = "response"

    static func decode(_ site: CheckSite, parser: inout RubricParser) -> ResponseCheck? {
        guard
            let entries = parser.entries(
                of: site, allowed: ["trigger", "respond", "within", "answer", "partial", "before"],
                required: ["trigger", "respond"])
        else { return nil }
        let trigger = entries["trigger"].flatMap {
            parser.phraseGroup($0, "'trigger'", item: site.item, label: "trigger", extraKeys: ["signals"])
        }
        var signals: [CustomerSignal] = []
        if let node = entries["trigger"]?["signals"], let names = parser.reader.strings(node, "'signals'") {
            for name in names {
                if let signal = CustomerSignal(rawValue: name) {
                    signals.append(signal)
                } else {
                    let known = YAMLNodeReader.list(CustomerSignal.allCases.map(\.rawValue))
                    parser.reader.problem(node, "unknown signal '\(name)' (expected \(known))")
                }
            }
        }
        let response = parser.phraseGroup(under: "respond", of: entries, item: site.item)
        let within = entries["within"].map { parser.reader.integer($0, "'within'", minimum: 1) } ?? 2
        let partial = entries["partial"].map { parser.reader.bool($0, "'partial'") } ?? true
        let before = entries["before"].map { parser.reader.integer($0, "'before'", minimum: 0) } ?? 0
        var answer = Answer.every
        if let node = entries["answer"], let text = parser.reader.string(node, "'answer'") {
            if let value = Answer(rawValue: text) {
                answer = value
            } else {
                parser.reader.problem(node, "'answer' must be every, any or first, not '\(text)'")
            }
        }
        guard let trigger, let response, let within, let partial, let before else { return nil }
        if entries["before"] != nil, answer != .first {
            parser.reader.problem(entries["before"], "'before' applies only with answer: first")
        }
        return ResponseCheck(
            trigger: trigger, signals: signals, response: response, within: within, answer: answer,
            partialCredit: partial, before: before)
    }

    func writeCanonical(to json: inout JSONWriter) {
        json.key("trigger")
        trigger.writeCanonical(to: &json)
        if !signals.isEmpty { json.field("signals", signals.map(\.rawValue)) }
        json.key("respond")
        response.writeCanonical(to: &json)
        json.field("within", within)
        json.field("answer", answer.rawValue)
        json.field("partial", partialCredit)
        if before > 0 { json.field("before", before) }
    }

    var lintFacts: CheckLintFacts {
        CheckLintFacts(rewarded: response.lists)
    }

    func evaluate(in analysis: CallAnalysis) -> CheckOutcome {
        let agentTurns = analysis.turns(by: .agent)
        var evidence: [Evidence] = []
        var missing: [String] = []
        var triggers = 0
        var answered = 0
        // Each group matched once over the whole call: the first trigger in
        // each customer turn, the first and last response in each agent turn.
        // The first trigger in each customer turn: a listed phrase or a signal, whichever comes first.
        var firstTrigger: [Int: (range: Range<Int>, evidence: Evidence)] = [:]
        for found in analysis.matches(of: self.trigger, inTurns: analysis.turns(by: .customer))
        where firstTrigger[found.turn] == nil {
            let original = analysis.normalized[found.turn].originalRange(of: found.match.range)
            firstTrigger[found.turn] = (original, analysis.evidence(found.match, inTurn: found.turn))
        }
        if !signals.isEmpty {
            var scanner = CustomerSignalScanner(signals: signals)
            for turn in analysis.turns(by: .customer) {
                guard let found = scanner.first(in: analysis.call.turns[turn].text) else { continue }
                if let listed = firstTrigger[turn], listed.range.lowerBound <= found.range.lowerBound { continue }
                firstTrigger[turn] = (
                    found.range,
                    analysis.evidence(turn: turn, utf8: found.range, phrase: found.signal.label, kind: .rule)
                )
            }
        }
        var firstResponse: [Int: PhraseMatch] = [:]
        var lastResponse: [Int: PhraseMatch] = [:]
        for found in analysis.matches(of: response, inTurns: agentTurns) {
            if firstResponse[found.turn] == nil { firstResponse[found.turn] = found.match }
            lastResponse[found.turn] = found.match
        }
        var triggerTurns = firstTrigger.keys.sorted()
        if answer == .first { triggerTurns = Array(triggerTurns.prefix(1)) }
        for turn in triggerTurns {
            let trigger = firstTrigger[turn]!
            // Agent turns are in order: those after the customer's start where the earlier ones end.
            let split = agentTurns.partitioningIndex { $0 > turn }
            let next = agentTurns[split...].prefix(within)
            // A trigger at the very end, with no agent turn after it, gave no chance to respond.
            guard !next.isEmpty else { continue }
            triggers += 1
            evidence.append(trigger.evidence)
            // A complaint repeated just after the agent responded to it has been answered already.
            let previous = answer == .first ? agentTurns[..<split].suffix(before) : agentTurns[..<split].suffix(within)
            let reply =
                next.lazy.compactMap { turn in firstResponse[turn].map { (turn: turn, match: $0) } }.first
                ?? previous.reversed().lazy.compactMap { turn in lastResponse[turn].map { (turn: turn, match: $0) } }
                .first
            if let reply {
                answered += 1
                evidence.append(analysis.evidence(reply.match, inTurn: reply.turn))
            } else {
                let said = trigger.evidence.text
                missing.append("\(response.name) after turn \(turn) (\"\(said)\")")
            }
        }
        guard triggers > 0 else {
            return .notApplicable("the customer said nothing that calls for \(response.name) (\(trigger.name))")
        }
        if answer == .first {
            let note =
                answered > 0
                ? "answered the customer's first trigger (turn \(triggerTurns[0])) with \(response.name)"
                : "no \(response.name) within the agent's next \(CallAnalysis.turnCount(within))"
                    + " after the customer's first trigger (turn \(triggerTurns[0]))"
            return .graded(
                share: answered > 0 ? 1 : 0, partialCredit: false, evidence: evidence, missing: missing, note: note)
        }
        if answer == .any {
            let note =
                answered > 0
                ? "showed \(response.name) after \(answered) of \(counted(triggers, "trigger"))"
                : "never showed \(response.name) within the agent's next \(CallAnalysis.turnCount(within))"
                    + " after \(counted(triggers, "trigger"))"
            return .graded(
                share: answered > 0 ? 1 : 0, partialCredit: false, evidence: evidence,
                missing: answered > 0 ? [] : [response.name], note: note)
        }
        let note =
            answered == triggers
            ? "answered \(counted(triggers, "trigger")) with \(response.name) within \(CallAnalysis.turnCount(within))"
            : "answered \(answered) of \(counted(triggers, "trigger")) with \(response.name)"
                + " within the agent's next \(CallAnalysis.turnCount(within))"
        return .graded(
            share: Double(answered) / Double(triggers), partialCredit: partialCredit, evidence: evidence,
            missing: missing, note: note)
    }
}
