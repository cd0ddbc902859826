/// A conversation metric a rubric item can check, by the name rubric files use.
public enum ConversationMetric: String, Sendable, Equatable, Hashable, CaseIterable {
    /// The agent's share of the call's time, 0–100.
    case agentTalkShare = "agent-talk-share"
    /// The customer's share of the call's time, 0–100.
    case customerTalkShare = "customer-talk-share"
    /// The share of the call in which nobody speaks, 0–100.
    case nonTalkShare = "non-talk-share"
    /// The longest silence, in seconds (0 when there is none).
    case longestSilence = "longest-silence"
    /// Seconds of dead air in all.
    case deadAir = "dead-air"
    /// How many times the agent talked over the customer.
    case interruptions
    /// The agent's speaking rate (characters per second, or words per minute).
    case agentRate = "agent-rate"
    /// The customer's speaking rate.
    case customerRate = "customer-rate"
    /// The agent's rate over the customer's.
    case paceRatio = "pace-ratio"
    /// The mean seconds the agent took to answer the customer.
    case responseLatency = "response-latency"
    /// The longest the agent took to answer the customer, in seconds.
    case longestResponseLatency = "longest-response-latency"

    /// The metric's value in a call's metrics, or `nil` when it has none
    /// (no customer speech for a pace ratio, no answers for a latency).
    public func value(in metrics: ConversationMetrics) -> Double? {
        switch self {
        case .agentTalkShare: metrics.agentTalkShare
        case .customerTalkShare: metrics.customerTalkShare
        case .nonTalkShare: metrics.nonTalkShare
        case .longestSilence: metrics.longestSilence?.duration ?? 0
        case .deadAir: metrics.deadAirSeconds
        case .interruptions: Double(metrics.interruptions.count)
        case .agentRate: metrics.agentRate
        case .customerRate: metrics.customerRate
        case .paceRatio: metrics.paceRatio
        case .responseLatency: metrics.meanResponseLatency
        case .longestResponseLatency: metrics.longestResponse?.latency
        }
    }

    /// A value with its unit, for notes: `32 s`, `41.5%`, `2`, `1.12`.
    public func describe(_ value: Double, in metrics: ConversationMetrics) -> String {
        switch self {
        case .agentTalkShare, .customerTalkShare, .nonTalkShare: "\(NumberText.shortest(value, places: 1))%"
        case .longestSilence, .deadAir, .responseLatency, .longestResponseLatency: NumberText.seconds(value)
        case .interruptions: NumberText.shortest(value)
        case .agentRate, .customerRate: "\(NumberText.shortest(value, places: 1)) \(metrics.rateUnit)"
        case .paceRatio: NumberText.shortest(value, places: 2)
        }
    }

    /// The metric's name in words.
    public var title: String {
        switch self {
        case .agentTalkShare: "agent talk share"
        case .customerTalkShare: "customer talk share"
        case .nonTalkShare: "non-talk time"
        case .longestSilence: "longest silence"
        case .deadAir: "dead air"
        case .interruptions: "interruptions"
        case .agentRate: "agent speaking rate"
        case .customerRate: "customer speaking rate"
        case .paceRatio: "pace ratio"
        case .responseLatency: "mean response latency"
        case .longestResponseLatency: "longest response latency"
        }
    }

}
