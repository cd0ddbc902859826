extension ForbidCheck {
    func evaluate(in analysis: CallAnalysis) -> CheckOutcome {
        let turns = analysis.turns(by: speaker)
        let hits = analysis.matches(of: group, inTurns: turns)
        guard !hits.isEmpty else {
            return CheckOutcome(status: .pass, share: 1,
                                note: "no forbidden phrase in the \(speaker.rawValue)'s \(CallAnalysis.turnCount(turns.count))")
        }
        let evidence = hits.map { analysis.evidence($0.match, inTurn: $0.turn) }
        let phrases = evidence.map(\.text)
        return CheckOutcome(status: .fail, share: 0, evidence: evidence, missing: [],
                            note: "said \(counted(hits.count, "forbidden phrase")): \(quoted(phrases))"
                                + (critical ? " — a critical failure" : ""))
    }
}
