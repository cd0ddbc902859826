extension HoldCheck {
    func evaluate(in analysis: CallAnalysis) -> CheckOutcome {
        let found = analysis.metrics(for: "holds cannot be seen")
        guard let metrics = found.metrics else { return found.unavailable! }
        let holds = metrics.silences.filter { $0.duration >= minimumSilence }
        guard !holds.isEmpty else {
            return .notApplicable("no silence of \(JSONWriter.number(minimumSilence)) s or more")
        }
        let call = analysis.call
        let agentTurns = analysis.turns(by: .agent)
        var evidence: [Evidence] = []
        var missing: [String] = []
        var problems: [String] = []
        var done = 0
        for hold in holds {
            let span = "\(clockTime(hold.start))–\(clockTime(hold.end)) (\(JSONWriter.number(Scorer.rounded(hold.duration, places: 1))) s)"
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
                    missing.append("\(group.name) \(side) the silence \(side == "before" ? "at" : "ending") \(clockTime(time))")
                    parts.append("no \(group.name) \(side) it")
                }
            }
            if !parts.isEmpty { problems.append("silence \(span): " + parts.joined(separator: ", ")) }
        }
        let share = Double(done) / Double(holds.count * 2)
        let note = problems.isEmpty
            ? "\(counted(holds.count, "hold")) of \(JSONWriter.number(minimumSilence)) s or more, each asked for and thanked for"
            : problems.joined(separator: "; ")
        return .graded(share: share, partialCredit: partialCredit, evidence: evidence, missing: missing, note: note)
    }
}
