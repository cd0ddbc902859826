extension LimitCheck {
    func evaluate(in analysis: CallAnalysis) -> CheckOutcome {
        let hits = analysis.matches(of: group, inTurns: analysis.turns(by: speaker))
        let evidence = hits.map { analysis.evidence($0.match, inTurn: $0.turn) }
        let times = counted(hits.count, "time")
        if hits.count <= maximum {
            return CheckOutcome(status: .pass, share: 1, evidence: evidence,
                                note: "said \(times) (at most \(maximum) allowed)")
        }
        return CheckOutcome(status: .fail, share: 0, evidence: evidence, missing: [],
                            note: "said \(times): \(quoted(evidence.map(\.text))); at most \(maximum) allowed")
    }
}
