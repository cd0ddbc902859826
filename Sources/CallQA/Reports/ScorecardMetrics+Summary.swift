extension ScorecardMetrics {
    /// The metrics in a few lines of words, as `explain` shows them:
    ///
    /// ```text
    /// duration 01:05 · talk: agent 35.5%, customer 14.2% · no talk 52.6%
    /// longest silence 32 s (00:20–00:52, after turn 4) · dead air 32 s (1)
    /// interruptions 1: 00:09 turn 2 over turn 1 (1.5 s)
    /// speaking rate: agent 210.4 words/min, customer 169.6 words/min · pace ratio 1.24
    /// response latency: mean 0.3 s, longest 0.6 s (turn 7)
    /// ```
    public var summaryLines: [String] {
        func seconds(_ value: Double) -> String { NumberText.seconds(value) }
        func share(_ value: Double) -> String { "\(NumberText.shortest(value, places: 1))%" }
        var lines = [
            "duration \(ClockText.text(duration)) · talk: agent \(share(agentTalkShare)),"
                + " customer \(share(customerTalkShare))"
                + " · no talk \(share(nonTalkShare))"
        ]
        if let longest = longestSilence {
            let span = "\(ClockText.text(longest.start))–\(ClockText.text(longest.end))"
            lines.append(
                "longest silence \(seconds(longest.duration)) (\(span), after turn \(longest.afterTurn))"
                    + " · dead air \(seconds(deadAirSeconds)) (\(deadAir.count))")
        } else {
            lines.append("no silence between turns")
        }
        lines.append(
            "interruptions \(interruptions.count)"
                + (interruptions.isEmpty
                    ? ""
                    : ": "
                        + interruptions.map {
                            "\(ClockText.text($0.at)) turn \($0.turn) over turn \($0.interruptedTurn)"
                                + " (\(seconds($0.overlap)))"
                        }.joined(separator: ", ")))
        func rate(_ value: Double?) -> String {
            value.map { "\(NumberText.shortest($0, places: 1)) \(rateUnit)" } ?? "n/a"
        }
        lines.append(
            "speaking rate: agent \(rate(agentRate)), customer \(rate(customerRate))"
                + " · pace ratio \(paceRatio.map { NumberText.shortest($0, places: 2) } ?? "n/a")")
        if let mean = responseLatency.mean, let longest = responseLatency.longest,
            let turn = responseLatency.longestTurn
        {
            lines.append("response latency: mean \(seconds(mean)), longest \(seconds(longest)) (turn \(turn))")
        }
        return lines
    }
}
