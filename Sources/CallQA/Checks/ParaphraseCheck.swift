import Yams

/// `paraphrase`: the agent restates the customer, by a cue phrase or by
/// re-using enough of a customer turn's content.
public struct ParaphraseCheck: Sendable, Equatable {
    /// Cue phrases (`为了确认一下`, "just to confirm"); `nil` for none.
    public var cues: PhraseGroup?
    /// The share (0–1) of a customer turn's content units that an agent turn
    /// must repeat; `nil` to rely on cues alone.
    public var overlap: Double?
    /// Customer turns with fewer content units than this are not compared.
    public var minimumContent: Int
}

extension ParaphraseCheck: CheckKind {
    static let kind = "paraphrase"

    static func decode(_ site: CheckSite, parser: inout RubricParser) -> ParaphraseCheck? {
        guard let entries = parser.entries(of: site, allowed: ["cues", "overlap", "min-content"]) else { return nil }
        let cues = parser.phraseGroup(under: "cues", of: entries, item: site.item)
        let overlap = entries["overlap"].flatMap { parser.reader.number($0, "'overlap'", in: 0.01...1) }
        let minimum = entries["min-content"].map { parser.reader.integer($0, "'min-content'", minimum: 1) } ?? 3
        if entries["cues"] == nil && entries["overlap"] == nil {
            parser.reader.problem(site.node, "\(site.what) needs 'cues', 'overlap' or both")
        }
        guard let minimum, cues != nil || overlap != nil else { return nil }
        return ParaphraseCheck(cues: cues, overlap: overlap, minimumContent: minimum)
    }

    func writeCanonical(to json: inout JSONWriter) {
        if let cues {
            json.key("cues")
            cues.writeCanonical(to: &json)
        }
        json.field("overlap", overlap)
        json.field("min-content", minimumContent)
    }

    var lintFacts: CheckLintFacts {
        CheckLintFacts(rewarded: cues?.lists ?? [])
    }

    func evaluate(in analysis: CallAnalysis) -> CheckOutcome {
        let agentTurns = analysis.turns(by: .agent)
        if let cues, let first = analysis.matches(of: cues, inTurns: agentTurns).first {
            return CheckOutcome(
                status: .pass, share: 1, evidence: [analysis.evidence(first.match, inTurn: first.turn)],
                note: "restated the customer with a confirming phrase at turn \(first.turn)")
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
            let repeated = ContentUnits.of(analysis.normalized[best.customer])
                .intersection(ContentUnits.of(analysis.normalized[best.agent])).sorted()
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
}
