/// What a scoring run adds up to, gathered one call at a time: the rubrics
/// used, per-agent figures, and how often each item passed.
///
/// Holds a few numbers per call (for medians), never the calls or their
/// scorecards, so a batch of any size can be summarised.
public struct ScoreSummary: Sendable {
    /// The rubrics used, in order of first use.
    public private(set) var rubrics: [RubricReference] = []
    /// How many calls were counted.
    public private(set) var calls = 0
    /// The lowest call score, if any call was counted.
    public private(set) var lowestScore: Double?
    /// Each item's verdict counts, in order of first appearance.
    public private(set) var items: [(id: String, counts: [ItemStatus: Int])] = []
    private var itemIndex: [String: Int] = [:]
    private var agentBuilder = AgentSummary.Builder()

    /// Creates an empty summary.
    public init() {}

    /// Counts one call.
    public mutating func add(_ record: ScoreRecord) {
        calls += 1
        if !rubrics.contains(record.rubric) { rubrics.append(record.rubric) }
        lowestScore = Swift.min(lowestScore ?? record.score, record.score)
        agentBuilder.add(record)
        for item in record.items {
            if itemIndex[item.id] == nil {
                itemIndex[item.id] = items.count
                items.append((item.id, [:]))
            }
            items[itemIndex[item.id]!].counts[item.status, default: 0] += 1
        }
    }

    /// One summary per agent, in agent order.
    public func agents(minimumCalls: Int = AgentSummary.defaultMinimumCalls) -> [AgentSummary] {
        agentBuilder.summaries(minimumCalls: minimumCalls)
    }

    /// The share of applicable calls where an item passed, or `nil` when it never applied.
    public static func passRate(_ counts: [ItemStatus: Int]) -> Double? {
        let applicable = ItemStatus.allCases.filter { $0 != .na }.reduce(0) { $0 + (counts[$1] ?? 0) }
        return applicable == 0 ? nil : Double(counts[.pass] ?? 0) / Double(applicable)
    }
}
