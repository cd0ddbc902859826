/// The same calls scored with two rubrics: what a rubric change does.
///
/// For two versions of one rubric (same id) items are matched by id, and every
/// call whose item verdicts change is listed with the evidence that differs —
/// the words that now match, or no longer match. For unrelated rubrics only
/// the summary is meaningful: scores, pass rates and agents' ranks.
public struct RubricComparison: Sendable, Equatable {
    /// One call scored both ways.
    public struct CallChange: Sendable, Equatable {
        /// The call's id.
        public var callID: String
        /// The agent.
        public var agent: String?
        /// Scores before and after.
        public var before: Double, after: Double
        /// Pass verdicts before and after.
        public var passedBefore: Bool, passedAfter: Bool
        /// The items whose verdict changed.
        public var items: [ItemChange]

        /// Whether the call's pass/fail verdict flipped.
        public var flipped: Bool { passedBefore != passedAfter }
    }

    /// One item judged differently.
    public struct ItemChange: Sendable, Equatable {
        /// The item's id.
        public var id: String
        /// Its verdict before and after.
        public var before: ItemStatus, after: ItemStatus
        /// Evidence the first rubric found and the second does not.
        public var noLongerMatches: [Evidence]
        /// Evidence the second rubric finds and the first did not.
        public var nowMatches: [Evidence]
    }

    /// An item's pass rate under each rubric.
    public struct ItemRate: Sendable, Equatable {
        /// The item's id.
        public var id: String
        /// Pass rate over applicable calls, before and after (`nil`: the item is absent or never applied).
        public var before: Double?, after: Double?
    }

    /// An agent's mean and rank under each rubric.
    public struct AgentChange: Sendable, Equatable {
        /// The agent.
        public var agent: String
        /// Mean scores.
        public var before: Double, after: Double
        /// Ranks by mean, 1 = best.
        public var rankBefore: Int, rankAfter: Int
    }

    /// The rubrics compared.
    public var first: RubricReference, second: RubricReference
    /// Whether they are versions of one rubric (items matched by id).
    public var sameRubric: Bool { first.id == second.id }
    /// How many calls both scored.
    public var calls: Int
    /// Mean scores.
    public var meanBefore: Double, meanAfter: Double
    /// Pass rates of the calls.
    public var passRateBefore: Double, passRateAfter: Double
    /// Items in the second rubric only, and in the first only.
    public var addedItems: [String], removedItems: [String]
    /// Pass rates per item (items of both, then added, then removed).
    public var items: [ItemRate]
    /// Calls whose item verdicts changed (only for versions of one rubric), in input order.
    public var changes: [CallChange]
    /// Every agent's means and ranks, in agent order.
    public var agents: [AgentChange]

    /// The evidence of `evidence` whose words — the same place in the same
    /// turn — are not in `other`, each place once: the same words found by
    /// another phrase of the other rubric have not changed.
    static func words(_ evidence: [Evidence], missingFrom other: [Evidence]) -> [Evidence] {
        func place(_ evidence: Evidence) -> String {
            "\(evidence.turn)|\(evidence.offsets.map { "\($0.lowerBound)-\($0.upperBound)" } ?? evidence.text)"
        }
        let kept = Set(other.map(place))
        var listed: Set<String> = []
        return evidence.filter { !kept.contains(place($0)) && listed.insert(place($0)).inserted }
    }

    /// Compares two scorecards per call: `pairs` holds each call's scorecard under both rubrics.
    public init(first: Rubric, second: Rubric, pairs: [(before: Scorecard, after: Scorecard)]) {
        self.first = RubricReference(first)
        self.second = RubricReference(second)
        calls = pairs.count
        func mean(_ values: [Double]) -> Double {
            values.isEmpty ? 0 : NumberText.rounded(values.reduce(0, +) / Double(values.count), places: 1)
        }
        meanBefore = mean(pairs.map(\.before.score))
        meanAfter = mean(pairs.map(\.after.score))
        passRateBefore = pairs.isEmpty ? 0 : Double(pairs.filter(\.before.passed).count) / Double(pairs.count)
        passRateAfter = pairs.isEmpty ? 0 : Double(pairs.filter(\.after.passed).count) / Double(pairs.count)
        let beforeIDs = first.items.map(\.id)
        let afterIDs = second.items.map(\.id)
        addedItems = afterIDs.filter { !beforeIDs.contains($0) }
        removedItems = beforeIDs.filter { !afterIDs.contains($0) }

        func rate(_ id: String, _ cards: [Scorecard]) -> Double? {
            let statuses = cards.compactMap { $0.item(id)?.status }.filter { $0 != .na }
            return statuses.isEmpty ? nil : Double(statuses.filter { $0 == .pass }.count) / Double(statuses.count)
        }
        let same = first.id == second.id
        let ids =
            same
            ? beforeIDs.filter(afterIDs.contains) + addedItems + removedItems
            : beforeIDs + afterIDs.filter { !beforeIDs.contains($0) }
        items = ids.map { ItemRate(id: $0, before: rate($0, pairs.map(\.before)), after: rate($0, pairs.map(\.after))) }

        changes =
            same
            ? pairs.compactMap { pair in
                let changed = pair.before.items.compactMap { old -> ItemChange? in
                    guard let new = pair.after.item(old.id), new.status != old.status else { return nil }
                    return ItemChange(
                        id: old.id, before: old.status, after: new.status,
                        noLongerMatches: Self.words(old.evidence, missingFrom: new.evidence),
                        nowMatches: Self.words(new.evidence, missingFrom: old.evidence))
                }
                guard !changed.isEmpty || pair.before.passed != pair.after.passed else { return nil }
                return CallChange(
                    callID: pair.before.callID, agent: pair.before.agent, before: pair.before.score,
                    after: pair.after.score,
                    passedBefore: pair.before.passed, passedAfter: pair.after.passed, items: changed)
            } : []

        let before = AgentSummary.summarize(pairs.map(\.before))
        let after = AgentSummary.summarize(pairs.map(\.after))
        func ranks(_ summaries: [AgentSummary]) -> [String: Int] {
            let ordered = summaries.sorted { ($0.mean, $1.agent) > ($1.mean, $0.agent) }
            var result: [String: Int] = [:]
            var rank = 0
            var previous: Double?
            for (index, summary) in ordered.enumerated() {
                if summary.mean != previous { rank = index + 1 }
                previous = summary.mean
                result[summary.agent] = rank
            }
            return result
        }
        let rankBefore = ranks(before)
        let rankAfter = ranks(after)
        let afterMeans = Dictionary(uniqueKeysWithValues: after.map { ($0.agent, $0.mean) })
        agents = before.map { summary in
            AgentChange(
                agent: summary.agent, before: summary.mean, after: afterMeans[summary.agent] ?? 0,
                rankBefore: rankBefore[summary.agent] ?? 0, rankAfter: rankAfter[summary.agent] ?? 0)
        }
    }
}
