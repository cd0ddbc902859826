import Yams

/// `hold`: before a silence of at least `minimumSilence` seconds the agent
/// asks the customer to hold (请稍等, "could you please hold"), and after it
/// thanks them for waiting (感谢您的耐心等待, "thank you for waiting").
/// Not applicable when the call has no such silence or no times.
public struct HoldCheck: Sendable, Equatable {
    /// The shortest silence that counts as a hold, in seconds.
    public var minimumSilence: Double
    /// What asks permission, said in the agent's last turn before the silence.
    public var ask: PhraseGroup
    /// What thanks the customer, said in the agent's first turn after it.
    public var thank: PhraseGroup
    /// Whether doing half of what is due earns a share of the points.
    public var partialCredit: Bool
}

extension HoldCheck: CheckKind {
    static let kind = "hold"

    static func decode(_ site: CheckSite, parser: inout RubricParser) -> HoldCheck? {
        guard
            let entries = parser.entries(
                of: site, allowed: ["min-silence", "ask", "thank", "partial"],
                required: ["ask", "thank"])
        else { return nil }
        let ask = parser.phraseGroup(under: "ask", of: entries, item: site.item)
        let thank = parser.phraseGroup(under: "thank", of: entries, item: site.item)
        let minimum = entries["min-silence"].map { parser.reader.number($0, "'min-silence'", in: 1...3_600) } ?? 20
        let partial = entries["partial"].map { parser.reader.bool($0, "'partial'") } ?? true
        guard let ask, let thank, let minimum, let partial else { return nil }
        return HoldCheck(minimumSilence: minimum, ask: ask, thank: thank, partialCredit: partial)
    }

    func writeCanonical(to json: inout JSONWriter) {
        json.field("min-silence", minimumSilence)
        json.key("ask")
        ask.writeCanonical(to: &json)
        json.key("thank")
        thank.writeCanonical(to: &json)
        json.field("partial", partialCredit)
    }

    var lintFacts: CheckLintFacts {
        CheckLintFacts(rewarded: ask.lists + thank.lists)
    }

    func evaluate(in analysis: CallAnalysis) -> CheckOutcome {
        let found = analysis.metrics(for: "holds cannot be seen")
        guard let metrics = found.metrics else { return found.unavailable! }
        let holds = metrics.silences.filter { $0.duration >= minimumSilence }
        guard !holds.isEmpty else {
            return .notApplicable("no silence of \(NumberText.shortest(minimumSilence)) s or more")
        }
        let call = analysis.call
        let agentTurns = analysis.turns(by: .agent)
        var evidence: [Evidence] = []
        var missing: [String] = []
        var problems: [String] = []
        var done = 0
        for hold in holds {
            let span =
                "\(ClockText.text(hold.start))–\(ClockText.text(hold.end)) (\(NumberText.seconds(hold.duration)))"
            // The agent's last turn ending by the silence's start, and first starting from its end.
            let before = agentTurns.last { (call.turns[$0].end ?? .infinity) <= hold.start + 1e-9 }
            let after = agentTurns.first { (call.turns[$0].start ?? -.infinity) >= hold.end - 1e-9 }
            var parts: [String] = []
            // Each side of the silence: the agent's turn there, what it must say, and how a miss reads.
            for (turn, group, side, time) in [(before, ask, "before", hold.start), (after, thank, "after", hold.end)] {
                if let turn, let said = analysis.matches(of: group, inTurn: turn).first {
                    evidence.append(analysis.evidence(said, inTurn: turn))
                    done += 1
                } else {
                    missing.append(
                        "\(group.name) \(side) the silence \(side == "before" ? "at" : "ending")"
                            + " \(ClockText.text(time))"
                    )
                    parts.append("no \(group.name) \(side) it")
                }
            }
            if !parts.isEmpty { problems.append("silence \(span): " + parts.joined(separator: ", ")) }
        }
        let share = Double(done) / Double(holds.count * 2)
        let note =
            problems.isEmpty
            ? "\(counted(holds.count, "hold")) of \(NumberText.shortest(minimumSilence)) s or more,"
                + " each asked for and thanked for"
            : problems.joined(separator: "; ")
        return .graded(share: share, partialCredit: partialCredit, evidence: evidence, missing: missing, note: note)
    }
}
