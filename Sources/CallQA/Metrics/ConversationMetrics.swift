/// How a call sounded, from its turns' times: who talked how much, the
/// silences, interruptions, pace and how quickly the agent answered.
///
/// Computed only for calls whose agent and customer turns all carry a start
/// and an end time (see ``compute(for:settings:)``); every figure is in
/// seconds or a percentage of the call's duration, from the first turn's
/// start to the last turn's end.
///
/// ```swift
/// switch ConversationMetrics.compute(for: call) {
/// case .success(let metrics): print(metrics.interruptions.count, metrics.longestSilence?.duration ?? 0)
/// case .failure(let unavailable): print(unavailable.reason)
/// }
/// ```
///
/// Not `Codable`: the JSON CallQA writes for a call's metrics is a summary
/// (``ScorecardMetrics``) — figures rounded to the millisecond, only the
/// longest and the dead-air silences, response latencies as a count, a mean
/// and the slowest — so it cannot be read back into every silence and every
/// answer. Encode and decode ``ScorecardMetrics`` instead.
public struct ConversationMetrics: Sendable, Equatable {
    /// Seconds from the first turn's start to the last turn's end.
    public var duration: Double
    /// The share of the call in which the agent speaks, 0–100.
    public var agentTalkShare: Double
    /// The share of the call in which the customer speaks, 0–100.
    public var customerTalkShare: Double
    /// The share of the call in which nobody speaks, 0–100.
    public var nonTalkShare: Double
    /// Every stretch in which nobody speaks, in time order.
    public var silences: [Silence]
    /// The longest silence, if there is any.
    public var longestSilence: Silence?
    /// Silences of at least ``Settings/deadAir`` seconds that the agent
    /// ends: the customer waits on the agent.
    public var deadAir: [Silence]
    /// Times the agent started while the customer was still speaking, by more
    /// than ``Settings/interruptionOverlap`` seconds.
    public var interruptions: [Interruption]
    /// How fast each side speaks, in ``rateUnit``.
    public var agentRate: Double?
    /// How fast the customer speaks, in ``rateUnit``.
    public var customerRate: Double?
    /// `chars/s` (Chinese: characters per second) or `words/min` (English).
    public var rateUnit: String
    /// The agent's rate over the customer's: near 1 when the agent matches the customer's pace.
    public var paceRatio: Double?
    /// The gaps between a customer's turn ending and the agent's next turn
    /// (0 when the agent answers at once or overlaps), in time order.
    public var responses: [Response]

    /// The total seconds of dead air.
    public var deadAirSeconds: Double { deadAir.reduce(0) { $0 + $1.duration } }

    /// The mean response latency in seconds, if the agent ever answered the customer.
    public var meanResponseLatency: Double? {
        responses.isEmpty ? nil : responses.reduce(0) { $0 + $1.latency } / Double(responses.count)
    }

    /// The slowest answer, if any.
    public var longestResponse: Response? {
        responses.max { $0.latency < $1.latency }
    }

    /// A stretch with nobody speaking.
    ///
    /// Its `Codable` form is the one `callqa score --format json` writes:
    /// `{"start", "end", "duration", "afterTurn", "beforeTurn"}`, times
    /// rounded to the millisecond.
    public struct Silence: Sendable, Equatable {
        /// When it starts (the turn before it ends), in seconds.
        public var start: Double
        /// When it ends (the next turn starts), in seconds.
        public var end: Double
        /// The turn whose end begins it.
        public var afterTurn: Int
        /// The turn that ends it.
        public var beforeTurn: Int
        /// Its length in seconds: `end - start` as measured, or as written
        /// when decoded (each of the three is rounded on its own).
        public var duration: Double

        /// A silence from `start` to `end`, between two turns.
        public init(start: Double, end: Double, afterTurn: Int, beforeTurn: Int) {
            self.start = start
            self.end = end
            self.afterTurn = afterTurn
            self.beforeTurn = beforeTurn
            self.duration = end - start
        }
    }

    /// The agent talking over the customer.
    ///
    /// Its `Codable` form is the one `callqa score --format json` writes:
    /// `{"turn", "interruptedTurn", "at", "overlap"}`, times rounded to the
    /// millisecond.
    public struct Interruption: Sendable, Equatable {
        /// The agent's turn.
        public var turn: Int
        /// The customer's turn it cut into.
        public var interruptedTurn: Int
        /// When the agent started, in seconds.
        public var at: Double
        /// How long both spoke at once, in seconds.
        public var overlap: Double
    }

    /// How long the agent took to answer one customer turn.
    ///
    /// Not `Codable`: CallQA's JSON lists no single answer, only their count,
    /// mean and slowest (``ScorecardMetrics/responseLatency``).
    public struct Response: Sendable, Equatable {
        /// The customer's turn.
        public var customerTurn: Int
        /// The agent's answering turn.
        public var turn: Int
        /// Seconds from the customer's end to the agent's start (0 when it overlaps).
        public var latency: Double
    }

    /// The thresholds metrics are computed with; a rubric's `metrics:` block sets them.
    ///
    /// Not `Codable`: they are read from a rubric's YAML (`dead-air`,
    /// `interruption-overlap`) and written in its canonical form, and appear
    /// in no JSON output.
    public struct Settings: Sendable, Equatable, Hashable {
        /// Silences the agent ends that count as dead air, in seconds (default 5).
        public var deadAir: Double
        /// How long the agent must talk over the customer for it to count as
        /// an interruption, in seconds (default 1): shorter overlaps are
        /// back-channels ("mm-hm", "对").
        public var interruptionOverlap: Double

        /// Creates settings.
        public init(deadAir: Double = 5, interruptionOverlap: Double = 1) {
            self.deadAir = deadAir
            self.interruptionOverlap = interruptionOverlap
        }
    }

    /// Why a call has no metrics.
    ///
    /// Its `Codable` form is the scorecard's `metrics` object for a call
    /// without them: `{"available": false, "reason": "…"}`.
    public struct Unavailable: Error, Sendable, Equatable {
        /// In words, for reports.
        public var reason: String

        /// Creates a reason.
        public init(reason: String) {
            self.reason = reason
        }
    }
}
