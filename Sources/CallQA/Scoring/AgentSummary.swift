/// How one agent's calls scored.
///
/// Its `Codable` form is an element of `agents` in the JSON of `callqa score`
/// and `callqa report`.
public struct AgentSummary: Sendable, Codable, Equatable {
    /// The agent, as transcripts name them (`(unknown)` when they do not).
    public var agent: String
    /// How many calls were scored.
    public var calls: Int
    /// The mean score.
    public var mean: Double
    /// The median score.
    public var median: Double
    /// The lowest score.
    public var min: Double
    /// The highest score.
    public var max: Double
    /// The share of calls that passed, 0–1.
    public var passRate: Double
    /// The agent's lowest-scoring calls, worst first (at most ``worstCallCount``).
    public var worstCalls: [String]
    /// Whether the agent has fewer calls than the minimum to judge them by.
    public var tooFewCalls: Bool
    /// Each item's pass rate over the calls it applied to, in rubric order.
    public var items: [ItemRate]
    /// Conversation metrics averaged over the agent's timed calls; `nil` when none was timed.
    public var metrics: AgentMetrics?

    /// The JSON field names, in the order CallQA writes them.
    enum CodingKeys: String, CodingKey {
        case agent, calls, mean, median, min, max, passRate, worstCalls, tooFewCalls, items, metrics
    }

    /// One item's pass rate for an agent.
    public struct ItemRate: Sendable, Codable, Equatable {
        /// The item's ID.
        public var id: String
        /// The share of applicable calls where the item passed, 0–1.
        public var passRate: Double
        /// How many of the agent's calls the item applied to.
        public var applicable: Int
    }

    /// The name used for calls whose transcript names no agent.
    public static let unknownAgent = "(unknown)"
    /// How many of an agent's worst calls a summary lists.
    public static let worstCallCount = 3
    /// The fewest calls an agent is judged by, unless a report says otherwise.
    public static let defaultMinimumCalls = 5

    /// Summaries of `scorecards`, one per agent, in agent order.
    public static func summarize(_ scorecards: [Scorecard], minimumCalls: Int = defaultMinimumCalls) -> [AgentSummary] {
        var builder = Builder()
        scorecards.forEach { builder.add(ScoreRecord($0)) }
        return builder.summaries(minimumCalls: minimumCalls)
    }

    /// Gathers what agent summaries need, one call at a time, without keeping the calls.
    public struct Builder: Sendable {
        private struct Tally: Sendable {
            var scores: [Double] = []
            var passed = 0
            var worst: [(score: Double, call: String)] = []
            var itemOrder: [String] = []
            var itemPasses: [String: (passed: Int, applicable: Int)] = [:]
            var metrics: [MetricFigures] = []
        }
        private var tallies: [String: Tally] = [:]

        /// Creates an empty builder.
        public init() {}

        /// Counts one call.
        public mutating func add(_ record: ScoreRecord) {
            let agent = record.agent ?? AgentSummary.unknownAgent
            var tally = tallies[agent] ?? Tally()
            tally.scores.append(record.score)
            if let figures = record.metrics { tally.metrics.append(figures) }
            if record.passed { tally.passed += 1 }
            // Keep the worst few; equal scores in call-id order, so that the result does
            // not depend on the order calls arrive in (shards, threads).
            let entry = (score: record.score, call: record.callID)
            if tally.worst.count < AgentSummary.worstCallCount || entry < tally.worst.last! {
                let position = tally.worst.firstIndex { entry < $0 } ?? tally.worst.count
                tally.worst.insert(entry, at: position)
                if tally.worst.count > AgentSummary.worstCallCount { tally.worst.removeLast() }
            }
            for item in record.items {
                if tally.itemPasses[item.id] == nil {
                    tally.itemOrder.append(item.id)
                    tally.itemPasses[item.id] = (0, 0)
                }
                guard item.status != .na else { continue }
                tally.itemPasses[item.id]!.applicable += 1
                if item.status == .pass { tally.itemPasses[item.id]!.passed += 1 }
            }
            tallies[agent] = tally
        }

        /// The summaries so far, one per agent, in agent order.
        public func summaries(minimumCalls: Int = AgentSummary.defaultMinimumCalls) -> [AgentSummary] {
            tallies.keys.sorted().map { agent in
                let tally = tallies[agent]!
                let scores = tally.scores.sorted()
                let middle = scores.count / 2
                let median = scores.count % 2 == 1 ? scores[middle] : (scores[middle - 1] + scores[middle]) / 2
                return AgentSummary(
                    agent: agent, calls: scores.count,
                    mean: NumberText.rounded(scores.reduce(0, +) / Double(scores.count), places: 1),
                    median: NumberText.rounded(median, places: 1), min: scores.first!, max: scores.last!,
                    passRate: NumberText.rounded(Double(tally.passed) / Double(scores.count), places: 2),
                    worstCalls: tally.worst.map(\.call), tooFewCalls: scores.count < minimumCalls,
                    items: tally.itemOrder.map { id in
                        let counts = tally.itemPasses[id]!
                        return ItemRate(
                            id: id,
                            passRate: counts.applicable == 0
                                ? 0
                                : NumberText.rounded(Double(counts.passed) / Double(counts.applicable), places: 2),
                            applicable: counts.applicable)
                    },
                    metrics: AgentMetrics(tally.metrics))
            }
        }
    }
}
