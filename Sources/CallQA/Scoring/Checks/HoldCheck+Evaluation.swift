extension HoldCheck {
    func evaluate(in analysis: CallAnalysis) -> CheckOutcome {
        let metrics: ConversationMetrics
        switch analysis.metrics {
        case .success(let value): metrics = value
        case .failure(let why): return .notApplicable("holds cannot be seen: \(why.reason)")
        }
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
            let span = "\(clockTime(hold.start))–\(clockTime(hold.end)) (\(JSONWriter.number(ConversationMetric.rounded(hold.duration))) s)"
            // The agent's last turn ending by the silence's start, and first starting from its end.
            let before = agentTurns.last { (call.turns[$0].end ?? .infinity) <= hold.start + 1e-9 }
            let after = agentTurns.first { (call.turns[$0].start ?? -.infinity) >= hold.end - 1e-9 }
            var parts: [String] = []
            if let before, let asked = analysis.matches(of: ask, inTurn: before).first {
                evidence.append(analysis.evidence(asked, inTurn: before))
                done += 1
            } else {
                missing.append("\(ask.name) before the silence at \(clockTime(hold.start))")
                parts.append("no \(ask.name) before it")
            }
            if let after, let thanked = analysis.matches(of: thank, inTurn: after).first {
                evidence.append(analysis.evidence(thanked, inTurn: after))
                done += 1
            } else {
                missing.append("\(thank.name) after the silence ending \(clockTime(hold.end))")
                parts.append("no \(thank.name) after it")
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
