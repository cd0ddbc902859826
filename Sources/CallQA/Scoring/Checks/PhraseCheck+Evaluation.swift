extension PhraseCheck {
    func evaluate(in analysis: CallAnalysis) -> CheckOutcome {
        let (turns, windowNote) = analysis.turns(by: speaker, in: window)
        let scope = windowNote ?? scopeDescription(turnCount: turns.count)
        guard !turns.isEmpty else {
            return CheckOutcome(status: .fail, share: 0, missing: groups.map(\.name),
                                note: "the \(speaker.rawValue) has no turns to check (\(scope))")
        }
        var evidence: [Evidence] = []
        var said: [String] = []
        var missing: [String] = []
        for group in groups {
            if let first = analysis.matches(of: group, inTurns: turns).first {
                evidence.append(analysis.evidence(first.match, inTurn: first.turn))
                said.append(group.name)
            } else {
                missing.append(group.name)
            }
        }
        switch requirement {
        case .all:
            let share = Double(said.count) / Double(groups.count)
            let note = missing.isEmpty
                ? "said every part (\(said.joined(separator: ", "))) in \(scope)"
                : "said \(said.count) of \(groups.count) parts in \(scope); missing: \(missing.joined(separator: ", "))"
            return .graded(share: share, partialCredit: partialCredit, evidence: evidence, missing: missing, note: note)
        case .any:
            let note = said.isEmpty
                ? "said none of \(missing.joined(separator: ", ")) in \(scope)"
                : "said \(said.joined(separator: ", ")) in \(scope)"
            return .graded(share: said.isEmpty ? 0 : 1, partialCredit: false, evidence: evidence,
                           missing: said.isEmpty ? missing : [], note: note)
        }
    }

    private func scopeDescription(turnCount: Int) -> String {
        switch window {
        case nil: "the \(speaker.rawValue)'s \(CallAnalysis.turnCount(turnCount))"
        case .firstTurns(let count)?: "the \(speaker.rawValue)'s first \(CallAnalysis.turnCount(count))"
        case .lastTurns(let count)?: "the \(speaker.rawValue)'s last \(CallAnalysis.turnCount(count))"
        case .firstSeconds(let seconds, _)?: "the first \(JSONWriter.number(seconds)) s"
        case .lastSeconds(let seconds, _)?: "the last \(JSONWriter.number(seconds)) s"
        }
    }
}
