/// The headline conversation metrics of one call, as summaries need them:
/// made from a scorecard's ``ScorecardMetrics``, or decoded from the
/// `metrics` object of `callqa score --format jsonl` output.
public struct MetricFigures: Sendable, Equatable, Decodable {
    /// The agent's talk share, 0–100.
    public var agentTalkShare: Double
    /// The customer's talk share, 0–100.
    public var customerTalkShare: Double
    /// The longest silence in seconds.
    public var longestSilence: Double
    /// Seconds of dead air.
    public var deadAir: Double
    /// How many times the agent interrupted.
    public var interruptions: Int
    /// The pace ratio, when both sides spoke.
    public var paceRatio: Double?
    /// The mean response latency, when the agent answered.
    public var responseLatency: Double?

    /// The figures of a call's metrics.
    public init(_ metrics: ScorecardMetrics) {
        agentTalkShare = metrics.agentTalkShare
        customerTalkShare = metrics.customerTalkShare
        longestSilence = metrics.longestSilence?.duration ?? 0
        deadAir = metrics.deadAirSeconds
        interruptions = metrics.interruptions.count
        paceRatio = metrics.paceRatio
        responseLatency = metrics.meanResponseLatency
    }

    private enum CodingKeys: String, CodingKey {
        case available, agentTalkShare, customerTalkShare, longestSilence, deadAir, interruptions, paceRatio,
            responseLatency
    }
    private enum Nested: String, CodingKey { case seconds, count, mean }

    /// Decodes the `metrics` object of a scorecard in CallQA's JSON output;
    /// fails for `{"available": false}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard try container.decode(Bool.self, forKey: .available) else {
            throw DecodingError.dataCorruptedError(
                forKey: .available, in: container, debugDescription: "metrics unavailable")
        }
        agentTalkShare = try container.decode(Double.self, forKey: .agentTalkShare)
        customerTalkShare = try container.decode(Double.self, forKey: .customerTalkShare)
        longestSilence = try container.decodeIfPresent([String: Double].self, forKey: .longestSilence)?["duration"] ?? 0
        deadAir = try container.nestedContainer(keyedBy: Nested.self, forKey: .deadAir).decode(
            Double.self, forKey: .seconds)
        interruptions = try container.nestedContainer(keyedBy: Nested.self, forKey: .interruptions).decode(
            Int.self, forKey: .count)
        paceRatio = try container.decodeIfPresent(Double.self, forKey: .paceRatio)
        responseLatency = try container.nestedContainer(keyedBy: Nested.self, forKey: .responseLatency)
            .decodeIfPresent(Double.self, forKey: .mean)
    }
}

/// An agent's conversation metrics, averaged over their timed calls.
///
/// Its `Codable` form is the `metrics` object of an agent summary in CallQA's JSON.
public struct AgentMetrics: Sendable, Codable, Equatable {
    /// How many of the agent's calls had timing metrics.
    public var timedCalls: Int
    /// Mean agent talk share, 0–100.
    public var agentTalkShare: Double
    /// Mean customer talk share, 0–100.
    public var customerTalkShare: Double
    /// Mean longest silence, seconds.
    public var longestSilence: Double
    /// Mean dead air per call, seconds.
    public var deadAir: Double
    /// Mean interruptions per call.
    public var interruptions: Double
    /// Mean pace ratio over the calls that have one.
    public var paceRatio: Double?
    /// Mean response latency over the calls that have one, seconds.
    public var responseLatency: Double?

    /// The averages of `figures`; `nil` when there are none.
    init?(_ figures: [MetricFigures]) {
        guard !figures.isEmpty else { return nil }
        func mean(_ values: [Double]) -> Double? {
            values.isEmpty ? nil : NumberText.rounded(values.reduce(0, +) / Double(values.count), places: 2)
        }
        timedCalls = figures.count
        agentTalkShare = mean(figures.map(\.agentTalkShare))!
        customerTalkShare = mean(figures.map(\.customerTalkShare))!
        longestSilence = mean(figures.map(\.longestSilence))!
        deadAir = mean(figures.map(\.deadAir))!
        interruptions = mean(figures.map { Double($0.interruptions) })!
        paceRatio = mean(figures.compactMap(\.paceRatio))
        responseLatency = mean(figures.compactMap(\.responseLatency))
    }
}
