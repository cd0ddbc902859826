/// A call's conversation metrics as its scorecard carries them: every figure
/// of ``ConversationMetrics``, with the silences and answers cut to those
/// reports show — the longest silence, the dead air, the slowest answer.
///
/// Its `Codable` form is the scorecard's `metrics` object in `callqa score
/// --format json`, figures rounded to the millisecond and percentages and
/// rates to 0.01. Made from measured metrics, a value
/// holds the figures unrounded, so that tables, CSV and explanations round
/// them once; decoded, it holds them as written.
///
/// ```swift
/// let card = scorer.score(call)
/// if let metrics = card.metrics { print(metrics.agentTalkShare, metrics.interruptions.count) }
/// ```
public struct ScorecardMetrics: Sendable, Equatable {
    /// Seconds from the first turn's start to the last turn's end.
    public var duration: Double
    /// The share of the call in which the agent speaks, 0–100.
    public var agentTalkShare: Double
    /// The share of the call in which the customer speaks, 0–100.
    public var customerTalkShare: Double
    /// The share of the call in which nobody speaks, 0–100.
    public var nonTalkShare: Double
    /// The longest silence, if there is any.
    public var longestSilence: ConversationMetrics.Silence?
    /// The silences that count as dead air, in time order.
    public var deadAir: [ConversationMetrics.Silence]
    /// The total seconds of dead air.
    public var deadAirSeconds: Double
    /// Times the agent talked over the customer, in time order.
    public var interruptions: [ConversationMetrics.Interruption]
    /// The unit of the speaking rates: `chars/s` or `words/min`.
    public var rateUnit: String
    /// How fast the agent speaks, in ``rateUnit``.
    public var agentRate: Double?
    /// How fast the customer speaks, in ``rateUnit``.
    public var customerRate: Double?
    /// The agent's rate over the customer's.
    public var paceRatio: Double?
    /// How quickly the agent answered the customer.
    public var responseLatency: ResponseLatency

    /// How quickly the agent answered the customer, in seconds.
    public struct ResponseLatency: Sendable, Equatable {
        /// How many customer turns the agent answered.
        public var count: Int
        /// The mean latency, when the agent answered at all.
        public var mean: Double?
        /// The slowest answer's latency.
        public var longest: Double?
        /// The slowest answer's turn.
        public var longestTurn: Int?

        /// Creates latency figures.
        public init(count: Int, mean: Double?, longest: Double?, longestTurn: Int?) {
            self.count = count
            self.mean = mean
            self.longest = longest
            self.longestTurn = longestTurn
        }
    }

    /// The mean response latency in seconds, if the agent ever answered the customer.
    public var meanResponseLatency: Double? { responseLatency.mean }

    /// The figures of measured metrics, unrounded.
    public init(_ metrics: ConversationMetrics) {
        duration = metrics.duration
        agentTalkShare = metrics.agentTalkShare
        customerTalkShare = metrics.customerTalkShare
        nonTalkShare = metrics.nonTalkShare
        longestSilence = metrics.longestSilence
        deadAir = metrics.deadAir
        deadAirSeconds = metrics.deadAirSeconds
        interruptions = metrics.interruptions
        rateUnit = metrics.rateUnit
        agentRate = metrics.agentRate
        customerRate = metrics.customerRate
        paceRatio = metrics.paceRatio
        responseLatency = ResponseLatency(
            count: metrics.responses.count, mean: metrics.meanResponseLatency,
            longest: metrics.longestResponse?.latency,
            longestTurn: metrics.longestResponse?.turn)
    }
}
