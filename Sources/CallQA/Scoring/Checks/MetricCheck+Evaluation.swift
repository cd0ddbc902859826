extension MetricCheck {
    func evaluate(in analysis: CallAnalysis) -> CheckOutcome {
        let found = analysis.metrics(for: "no \(metric.title)")
        guard let metrics = found.metrics else { return found.unavailable! }
        guard let value = metric.value(in: metrics) else {
            return .notApplicable("no \(metric.title): " + (metric == .paceRatio || metric == .customerRate
                ? "the customer has no timed speech" : "the agent never answers a customer turn"))
        }
        let shown = metric.describe(value, in: metrics)
        let bounds = boundsText(metrics)
        let evidence = evidence(metrics, in: analysis)
        if let minimum, value < minimum {
            return CheckOutcome(status: .fail, share: 0, evidence: evidence, missing: ["\(metric.title) \(bounds)"],
                                note: "\(metric.title) \(shown), below \(bounds)\(detail(metrics))")
        }
        if let maximum, value > maximum {
            return CheckOutcome(status: .fail, share: 0, evidence: evidence, missing: ["\(metric.title) \(bounds)"],
                                note: "\(metric.title) \(shown), above \(bounds)\(detail(metrics))")
        }
        return CheckOutcome(status: .pass, share: 1, evidence: evidence, note: "\(metric.title) \(shown) (\(bounds))\(detail(metrics))")
    }

    /// `at most 2`, `at least 0.7`, `within 0.7–1.4`.
    private func boundsText(_ metrics: ConversationMetrics) -> String {
        switch (minimum, maximum) {
        case let (low?, high?): "within \(metric.describe(low, in: metrics))–\(metric.describe(high, in: metrics))"
        case let (low?, nil): "the minimum \(metric.describe(low, in: metrics))"
        case let (nil, high?): "the maximum \(metric.describe(high, in: metrics))"
        case (nil, nil): "no bounds"
        }
    }

    /// Where in the call the metric comes from, for notes.
    private func detail(_ metrics: ConversationMetrics) -> String {
        switch metric {
        case .interruptions where !metrics.interruptions.isEmpty:
            "; at " + metrics.interruptions.map { "\(clockTime($0.at)) (turn \($0.turn), \(JSONWriter.number(Scorer.rounded($0.overlap, places: 1))) s over the customer)" }
                .joined(separator: ", ")
        case .longestSilence:
            metrics.longestSilence.map { "; \(clockTime($0.start))–\(clockTime($0.end)) after turn \($0.afterTurn)" } ?? ""
        case .deadAir where !metrics.deadAir.isEmpty:
            "; " + metrics.deadAir.map { "\(clockTime($0.start))–\(clockTime($0.end))" }.joined(separator: ", ")
        case .paceRatio:
            "; agent \(metric(.agentRate, metrics)), customer \(metric(.customerRate, metrics))"
        case .longestResponseLatency:
            metrics.longestResponse.map { "; turn \($0.turn) answering turn \($0.customerTurn)" } ?? ""
        default:
            ""
        }
    }

    private func metric(_ other: ConversationMetric, _ metrics: ConversationMetrics) -> String {
        other.value(in: metrics).map { other.describe($0, in: metrics) } ?? "n/a"
    }

    /// The turns behind the value: the agent's interrupting turns, the turns
    /// that end a silence, the slowest answer.
    private func evidence(_ metrics: ConversationMetrics, in analysis: CallAnalysis) -> [Evidence] {
        switch metric {
        case .interruptions:
            return metrics.interruptions.map {
                analysis.evidence(wholeTurn: $0.turn, phrase: "interruption: \(JSONWriter.number(Scorer.rounded($0.overlap, places: 1))) s over the customer")
            }
        case .longestSilence:
            return metrics.longestSilence.map {
                [analysis.evidence(wholeTurn: $0.beforeTurn, phrase: "after \(JSONWriter.number(Scorer.rounded($0.duration, places: 1))) s of silence")]
            } ?? []
        case .deadAir:
            return metrics.deadAir.map {
                analysis.evidence(wholeTurn: $0.beforeTurn, phrase: "after \(JSONWriter.number(Scorer.rounded($0.duration, places: 1))) s of dead air")
            }
        case .longestResponseLatency:
            return metrics.longestResponse.map {
                [analysis.evidence(wholeTurn: $0.turn, phrase: "answered after \(JSONWriter.number(Scorer.rounded($0.latency, places: 1))) s")]
            } ?? []
        default:
            return []
        }
    }
}
