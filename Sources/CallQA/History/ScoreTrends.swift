/// Calls counted per agent and per period of their dates (or per value of a
/// metadata key): calls, mean score and pass rate, each with its change from
/// the agent's previous period — what `callqa report --by week` prints, from
/// JSON Lines results or from a results store alike.
///
/// ```swift
/// var builder = ScoreTrends.Builder(grouping: .period(.week))
/// records.forEach { builder.add($0) }
/// for series in builder.trends.agents {
///     for point in series.points { print(series.agent, point.label, point.mean, point.meanChange ?? 0) }
/// }
/// ```
public struct ScoreTrends: Sendable, Equatable {
    /// What the calls are grouped by: a period, or a metadata key.
    public var grouping: ReportGrouping
    /// Every agent's calls together, group by group.
    public var overall: [Point]
    /// Each agent's calls, group by group, agents in name order.
    public var agents: [Series]
    /// How many calls were counted in a group.
    public var calls: Int
    /// Calls left out because their `date` metadata is missing or is not a day
    /// (grouping by a period only).
    public var undated: Int

    /// One agent's groups.
    public struct Series: Sendable, Equatable {
        /// The agent (`(unknown)` for calls that name none).
        public var agent: String
        /// The agent's groups, earliest period (or lowest value) first.
        public var points: [Point]
    }

    /// The figures of one group of calls.
    public struct Point: Sendable, Equatable {
        /// The period (`2024-05-09`, `2024-W19`, `2024-05`) or the metadata value.
        public var label: String
        /// The first day of the period; `nil` when grouping by a metadata key.
        public var start: CallDay?
        /// How many calls.
        public var calls: Int
        /// The mean score, to one decimal.
        public var mean: Double
        /// The share of calls that passed, 0–1, to two decimals.
        public var passRate: Double
        /// The label of the previous period with calls (of the same agent);
        /// `nil` for the first, and when grouping by a metadata key.
        public var previous: String?
        /// The mean minus that of ``previous``.
        public var meanChange: Double?
        /// The pass rate minus that of ``previous``.
        public var passRateChange: Double?
    }

    /// The value a call without the grouping metadata key is counted under.
    public static let noValue = "(none)"

    /// Gathers calls, or counts of calls, one at a time, without keeping them.
    ///
    /// Scores are reported to one decimal, so their sums are kept in whole
    /// tenths: exact, whatever the order calls are added in, so that the same
    /// calls give the same figures from a file or from a store.
    public struct Builder: Sendable {
        /// What the calls are grouped by.
        public let grouping: ReportGrouping
        private var perAgent: [String: [Bucket: Tally]] = [:]
        private var undated = 0

        /// A builder for `grouping` (`.agent` counts every call in one group per agent).
        public init(grouping: ReportGrouping) {
            self.grouping = grouping
        }

        /// Counts one result.
        public mutating func add(_ record: ScoreRecord) {
            let agent = record.agent ?? AgentSummary.unknownAgent
            switch grouping {
            case .agent:
                add(
                    agent: agent, bucket: .value(""), calls: 1, scoreTenths: Self.tenths(record.score),
                    passes: record.passed ? 1 : 0)
            case .period:
                add(
                    agent: agent, day: CallDay(of: record.metadata), calls: 1,
                    scoreTenths: Self.tenths(record.score), passes: record.passed ? 1 : 0)
            case .metadata(let key):
                add(
                    agent: agent, value: record.metadata[key], calls: 1,
                    scoreTenths: Self.tenths(record.score), passes: record.passed ? 1 : 0)
            }
        }

        /// A score in whole tenths of a point.
        public static func tenths(_ score: Double) -> Int { Int((score * 10).rounded()) }

        /// Counts `calls` calls of `agent` on `day` (`nil`: undated) at once,
        /// given the sum of their scores in tenths (``tenths(_:)``) and how
        /// many passed, as a store's query hands them over. Grouping by a
        /// period only.
        public mutating func add(agent: String, day: CallDay?, calls: Int, scoreTenths: Int, passes: Int) {
            guard case .period(let period) = grouping else { return }
            guard let day else {
                undated += calls
                return
            }
            add(
                agent: agent, bucket: .period(period.start(of: day)), calls: calls, scoreTenths: scoreTenths,
                passes: passes)
        }

        /// Counts `calls` calls of `agent` whose grouping metadata is `value`
        /// (`nil`: the key is missing), as ``add(agent:day:calls:scoreTenths:passes:)``
        /// does. Grouping by a metadata key only.
        public mutating func add(agent: String, value: String?, calls: Int, scoreTenths: Int, passes: Int) {
            guard case .metadata = grouping else { return }
            add(
                agent: agent, bucket: .value(value ?? ScoreTrends.noValue), calls: calls, scoreTenths: scoreTenths,
                passes: passes)
        }

        private mutating func add(agent: String, bucket: Bucket, calls: Int, scoreTenths: Int, passes: Int) {
            perAgent[agent, default: [:]][bucket, default: Tally()].add(
                calls: calls, scoreTenths: scoreTenths, passes: passes)
        }

        /// The trends of every call counted so far.
        public var trends: ScoreTrends {
            var all: [Bucket: Tally] = [:]
            for tallies in perAgent.values {
                for (bucket, tally) in tallies { all[bucket, default: Tally()].merge(tally) }
            }
            return ScoreTrends(
                grouping: grouping, overall: points(all),
                agents: perAgent.keys.sorted().map { Series(agent: $0, points: points(perAgent[$0]!)) },
                calls: all.values.reduce(0) { $0 + $1.calls }, undated: undated)
        }

        private func points(_ tallies: [Bucket: Tally]) -> [Point] {
            var points: [Point] = []
            for bucket in tallies.keys.sorted() {
                let tally = tallies[bucket]!
                var point = Point(
                    label: label(bucket), start: bucket.start, calls: tally.calls,
                    mean: NumberText.rounded(Double(tally.scoreTenths) / 10 / Double(tally.calls), places: 1),
                    passRate: NumberText.rounded(Double(tally.passes) / Double(tally.calls), places: 2))
                if bucket.start != nil, let last = points.last {
                    point.previous = last.label
                    point.meanChange = NumberText.rounded(point.mean - last.mean, places: 1)
                    point.passRateChange = NumberText.rounded(point.passRate - last.passRate, places: 2)
                }
                points.append(point)
            }
            return points
        }

        private func label(_ bucket: Bucket) -> String {
            switch (bucket, grouping) {
            case (.period(let start), .period(let period)): period.label(ofPeriodStarting: start)
            case (.period(let start), _): start.text
            case (.value(let value), _): value
            }
        }
    }

    /// A group's key: the first day of a period, or a metadata value.
    private enum Bucket: Hashable, Comparable {
        case period(CallDay)
        case value(String)

        var start: CallDay? {
            if case .period(let day) = self { day } else { nil }
        }

        static func < (lhs: Bucket, rhs: Bucket) -> Bool {
            switch (lhs, rhs) {
            case (.period(let left), .period(let right)): left < right
            case (.value(let left), .value(let right)): left < right
            case (.period, .value): true
            case (.value, .period): false
            }
        }
    }

    /// Counts of one group of calls.
    private struct Tally: Sendable {
        var calls = 0
        var scoreTenths = 0
        var passes = 0

        mutating func add(calls: Int, scoreTenths: Int, passes: Int) {
            self.calls += calls
            self.scoreTenths += scoreTenths
            self.passes += passes
        }

        mutating func merge(_ other: Tally) {
            add(calls: other.calls, scoreTenths: other.scoreTenths, passes: other.passes)
        }
    }
}

extension ScoreTrends.Point {
    /// A group's figures, with no previous group.
    public init(label: String, start: CallDay?, calls: Int, mean: Double, passRate: Double) {
        self.init(
            label: label, start: start, calls: calls, mean: mean, passRate: passRate, previous: nil, meanChange: nil,
            passRateChange: nil)
    }
}
