extension WordingCheck {
    func evaluate(in analysis: CallAnalysis) -> CheckOutcome {
        let hits = analysis.matches(of: group, inTurns: analysis.turns(by: .agent))
        let evidence = hits.map { analysis.evidence($0.match, inTurn: $0.turn) }
        let count = hits.count
        let said = count == 0 ? "said none" : "said \(counted(count, "phrase")): \(quoted(evidence.map(\.text)))"
        switch target {
        case .use(let full):
            return .graded(share: Double(count) / Double(full), partialCredit: true, evidence: evidence,
                           missing: count >= full ? [] : ["\(full - count) more of \(group.name)"],
                           note: "\(said) (full points at \(full))")
        case .avoid(let allow, let zero):
            let share = count <= allow ? 1 : count >= zero ? 0 : 1 - Double(count - allow) / Double(zero - allow)
            return .graded(share: share, partialCredit: true, evidence: evidence, missing: [],
                           note: "\(said) (full points up to \(allow), none from \(zero))")
        }
    }
}
