extension ParaphraseCheck {
    func evaluate(in analysis: CallAnalysis) -> CheckOutcome {
        let agentTurns = analysis.turns(by: .agent)
        if let cues, let first = analysis.matches(of: cues, inTurns: agentTurns).first {
            return CheckOutcome(status: .pass, share: 1, evidence: [analysis.evidence(first.match, inTurn: first.turn)],
                                note: "restated the customer with a confirming phrase at turn \(first.turn)")
        }
        let cueNote = cues.map { "\($0.name): none said" } ?? "no restatement"
        guard let overlap else {
            return CheckOutcome(status: .fail, share: 0, missing: [cues?.name ?? "paraphrase"],
                                note: "\(cueNote) in the agent's \(CallAnalysis.turnCount(agentTurns.count))")
        }

        // Compare each agent turn with the customer turn it follows.
        var best: (share: Double, agent: Int, customer: Int, repeated: [String])?
        var comparable = false
        var lastCustomer: (turn: Int, units: Set<String>)?
        for (index, turn) in analysis.call.turns.enumerated() {
            if turn.role == .customer {
                let units = ContentUnits.of(analysis.normalized[index])
                lastCustomer = units.count >= minimumContent ? (index, units) : nil
                comparable = comparable || lastCustomer != nil
            } else if turn.role == .agent, let customer = lastCustomer {
                let repeated = customer.units.intersection(ContentUnits.of(analysis.normalized[index]))
                let share = Double(repeated.count) / Double(customer.units.count)
                if share > (best?.share ?? -1) { best = (share, index, customer.turn, repeated.sorted()) }
            }
        }
        guard comparable, let best else {
            return .notApplicable("the customer gave no details to restate (no turn with \(minimumContent) or more content words or numbers)")
        }
        let percent = Int((best.share * 100).rounded())
        if best.share >= overlap {
            let rule = "repeats \(percent)% of turn \(best.customer): \(best.repeated.prefix(6).joined(separator: ", "))"
            return CheckOutcome(status: .pass, share: 1,
                                evidence: [analysis.evidence(wholeTurn: best.agent, phrase: rule)],
                                note: "restated the customer's details at turn \(best.agent) (\(rule))")
        }
        return CheckOutcome(status: .fail, share: 0, missing: [cues?.name ?? "paraphrase"],
                            note: "\(cueNote), and no agent turn repeats \(Int((overlap * 100).rounded()))% of a customer turn's details (best: \(percent)% at turn \(best.agent))")
    }
}
