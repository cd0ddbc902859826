import Yams

/// `metric`: a conversation metric within bounds (`interruptions` at most 2,
/// `pace-ratio` within 0.7–1.4). Not applicable when the call has no times
/// or the metric has no value (no customer speech for a pace ratio).
public struct MetricCheck: Sendable, Equatable {
    /// The metric checked.
    public var metric: ConversationMetric
    /// The lowest value that passes, if any.
    public var minimum: Double?
    /// The highest value that passes, if any.
    public var maximum: Double?
}

extension MetricCheck: CheckKind {
    static let kind = "metric"

    static func decode(_ site: CheckSite, parser: inout RubricParser) -> MetricCheck? {
        guard let entries = parser.entries(of: site, allowed: ["metric", "min", "max", "within"], required: ["metric"])
        else { return nil }
        var metric: ConversationMetric?
        if let metricNode = entries["metric"], let name = parser.reader.string(metricNode, "'metric'") {
            metric = ConversationMetric(rawValue: name)
            if metric == nil {
                parser.reader.problem(
                    metricNode,
                    "unknown metric '\(name)'"
                        + " (expected \(YAMLNodeReader.list(ConversationMetric.allCases.map(\.rawValue))))"
                )
            }
        }
        var minimum = entries["min"].flatMap { parser.reader.number($0, "'min'", in: -1_000_000...1_000_000) }
        var maximum = entries["max"].flatMap { parser.reader.number($0, "'max'", in: -1_000_000...1_000_000) }
        if let withinNode = entries["within"] {
            if entries["min"] != nil || entries["max"] != nil {
                parser.reader.problem(withinNode, "give 'within' or 'min'/'max', not both")
                return nil
            }
            let values = parser.reader.sequence(withinNode, "'within'")?.compactMap {
                parser.reader.number($0, "a 'within' bound", in: -1_000_000...1_000_000)
            }
            guard let values, values.count == 2, values[0] <= values[1] else {
                parser.reader.problem(withinNode, "'within' takes two numbers, the lower first: [0.7, 1.4]")
                return nil
            }
            (minimum, maximum) = (values[0], values[1])
        }
        if minimum == nil && maximum == nil {
            parser.reader.problem(site.node, "\(site.what) needs 'max', 'min' or 'within'")
            return nil
        }
        if let minimum, let maximum, minimum > maximum {
            parser.reader.problem(
                site.node, "'min' (\(NumberText.shortest(minimum))) is above 'max' (\(NumberText.shortest(maximum)))")
            return nil
        }
        guard let metric else { return nil }
        return MetricCheck(metric: metric, minimum: minimum, maximum: maximum)
    }

    func writeCanonical(to json: inout JSONWriter) {
        json.field("metric", metric.rawValue)
        json.field("min", minimum)
        json.field("max", maximum)
    }

    var lintFacts: CheckLintFacts { CheckLintFacts() }

    func evaluate(in analysis: CallAnalysis) -> CheckOutcome {
        let found = analysis.metrics(for: "no \(metric.title)")
        guard let metrics = found.metrics else { return found.unavailable! }
        guard let value = metric.value(in: metrics) else {
            return .notApplicable(
                "no \(metric.title): "
                    + (metric == .paceRatio || metric == .customerRate
                        ? "the customer has no timed speech" : "the agent never answers a customer turn"))
        }
        let shown = metric.describe(value, in: metrics)
        let bounds = boundsText(metrics)
        let evidence = evidence(metrics, in: analysis)
        if let minimum, value < minimum {
            return CheckOutcome(
                status: .fail, share: 0, evidence: evidence, missing: ["\(metric.title) \(bounds)"],
                note: "\(metric.title) \(shown), below \(bounds)\(detail(metrics))")
        }
        if let maximum, value > maximum {
            return CheckOutcome(
                status: .fail, share: 0, evidence: evidence, missing: ["\(metric.title) \(bounds)"],
                note: "\(metric.title) \(shown), above \(bounds)\(detail(metrics))")
        }
        return CheckOutcome(
            status: .pass, share: 1, evidence: evidence, note: "\(metric.title) \(shown) (\(bounds))\(detail(metrics))")
    }

    /// `at most 2`, `at least 0.7`, `within 0.7–1.4`.
    private func boundsText(_ metrics: ConversationMetrics) -> String {
        switch (minimum, maximum) {
        case (let low?, let high?): "within \(metric.describe(low, in: metrics))–\(metric.describe(high, in: metrics))"
        case (let low?, nil): "the minimum \(metric.describe(low, in: metrics))"
        case (nil, let high?): "the maximum \(metric.describe(high, in: metrics))"
        case (nil, nil): "no bounds"
        }
    }

    /// Where in the call the metric comes from, for notes.
    private func detail(_ metrics: ConversationMetrics) -> String {
        switch metric {
        case .interruptions where !metrics.interruptions.isEmpty:
            "; at "
                + metrics.interruptions.map {
                    "\(ClockText.text($0.at)) (turn \($0.turn), \(NumberText.seconds($0.overlap)) over the customer)"
                }
                .joined(separator: ", ")
        case .longestSilence:
            metrics.longestSilence.map {
                "; \(ClockText.text($0.start))–\(ClockText.text($0.end)) after turn \($0.afterTurn)"
            } ?? ""
        case .deadAir where !metrics.deadAir.isEmpty:
            "; "
                + metrics.deadAir.map { "\(ClockText.text($0.start))–\(ClockText.text($0.end))" }.joined(
                    separator: ", ")
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
                analysis.evidence(
                    wholeTurn: $0.turn, phrase: "interruption: \(NumberText.seconds($0.overlap)) over the customer")
            }
        case .longestSilence:
            return metrics.longestSilence.map {
                [
                    analysis.evidence(
                        wholeTurn: $0.beforeTurn, phrase: "after \(NumberText.seconds($0.duration)) of silence")
                ]
            } ?? []
        case .deadAir:
            return metrics.deadAir.map {
                analysis.evidence(
                    wholeTurn: $0.beforeTurn, phrase: "after \(NumberText.seconds($0.duration)) of dead air")
            }
        case .longestResponseLatency:
            return metrics.longestResponse.map {
                [analysis.evidence(wholeTurn: $0.turn, phrase: "answered after \(NumberText.seconds($0.latency))")]
            } ?? []
        default:
            return []
        }
    }
}
