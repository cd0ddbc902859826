/// How machine verdicts agree with human evaluators on the same calls.
///
/// Per item: agreement and Cohen's kappa between machine and human, and
/// between human evaluators where several labelled a call (the calibration
/// baseline: the machine need not agree with people better than people agree
/// with each other). For the total score: mean absolute difference, Pearson and
/// Spearman correlation, and the share of calls within ±10 points (a common
/// target: over 85%). Then the calls with the largest disagreement, with the
/// machine's evidence, so a coach can decide whether the rubric or the human
/// was wrong.
public struct CalibrationReport: Sendable {
    /// Agreement on one item.
    public struct ItemAgreement: Sendable, Equatable {
        /// The item's id.
        public var id: String
        /// Machine–human pairs compared.
        public var pairs: Int
        /// Their share that agree.
        public var agreement: Double?
        /// Their Cohen's kappa (`nil` when undefined: no pairs, or one label throughout).
        public var kappa: Double?
        /// Human–human pairs compared (calls with several evaluators).
        public var humanPairs: Int
        /// Their share that agree.
        public var humanAgreement: Double?
        /// Their Cohen's kappa.
        public var humanKappa: Double?
    }

    /// Agreement on total scores.
    public struct TotalAgreement: Sendable, Equatable {
        /// Calls with both a machine score and a human total (the mean of its evaluators').
        public var calls: Int
        /// The mean absolute difference, in points.
        public var meanAbsoluteDifference: Double?
        /// Pearson's correlation.
        public var pearson: Double?
        /// Spearman's rank correlation.
        public var spearman: Double?
        /// The share of calls within ±10 points.
        public var withinTen: Double?
    }

    /// A call where machine and humans disagree.
    public struct Disagreement: Sendable, Equatable {
        /// The call's id.
        public var callID: String
        /// The machine's score.
        public var machineScore: Double
        /// The humans' mean total, when given.
        public var humanScore: Double?
        /// The items the humans judged otherwise, with the machine's reasons.
        public var items: [ItemDisagreement]
        /// What decided the machine's score: the critical items that failed
        /// (which set the score whatever the other items say), else the
        /// items that lost the most points.
        public var why: String
    }

    /// One item judged differently.
    public struct ItemDisagreement: Sendable, Equatable {
        /// The item's id.
        public var id: String
        /// The machine's verdict.
        public var machine: ItemStatus
        /// The humans' verdicts, in row order.
        public var human: [HumanLabels.Verdict]
        /// The machine's note.
        public var note: String
        /// The machine's evidence.
        public var evidence: [Evidence]
    }

    /// Agreement per item, in label-column order.
    public var items: [ItemAgreement]
    /// Agreement on totals.
    public var total: TotalAgreement
    /// The calls with the largest disagreement, largest first.
    public var disagreements: [Disagreement]
    /// How many calls were both scored and labelled.
    public var labelledCalls: Int
    /// How many label rows, and evaluators, there were for them.
    public var labelRows: Int, evaluators: Int

    /// What decided a scorecard's score, in a sentence.
    static func why(_ card: Scorecard) -> String {
        let score = NumberText.shortest(card.score)
        if !card.criticalFailures.isEmpty {
            let failed = card.criticalFailures.map { id in
                let note = card.item(id).map { ": \($0.note)" } ?? ""
                return "'\(id)'\(note)"
            }
            return
                "critical item\(failed.count == 1 ? "" : "s") failed, which set\(failed.count == 1 ? "s" : "") the score to "
                + "\(score) whatever the other items say — \(failed.joined(separator: "; "))"
        }
        let lost = card.items.filter { $0.status != .na && $0.points < $0.maxPoints }
            .sorted { ($0.maxPoints - $0.points, $1.id) > ($1.maxPoints - $1.points, $0.id) }
        guard !lost.isEmpty else { return "every applicable item earned its points: the score is \(score)" }
        return "score \(score): most points lost on "
            + lost.prefix(3).map { "\($0.id) (\(NumberText.shortest($0.points))/\(NumberText.shortest($0.maxPoints)))" }
            .joined(separator: ", ")
    }

    /// How many disagreements a report lists.
    public static let disagreementCount = 5

    /// Compares `scorecards` with `labels`; labels for calls without a scorecard are skipped
    /// (report them as unknown calls before), and so are labels naming an id several
    /// scorecards have: which call they judged cannot be told.
    public init(scorecards: [Scorecard], labels: HumanLabels) {
        let cards = Dictionary(grouping: scorecards, by: \.callID).compactMapValues { $0.count == 1 ? $0[0] : nil }
        let rows = labels.labels.filter { cards[$0.callID] != nil }
        let byCall = Dictionary(grouping: rows, by: \.callID)
        labelledCalls = byCall.count
        labelRows = rows.count
        evaluators = Set(rows.compactMap(\.evaluator)).count

        items = labels.items.map { id in
            var machine: [(HumanLabels.Verdict, HumanLabels.Verdict)] = []
            for row in rows {
                guard let human = row.verdicts[id], let status = cards[row.callID]?.item(id)?.status else { continue }
                machine.append((HumanLabels.Verdict(status), human))
            }
            var people: [(HumanLabels.Verdict, HumanLabels.Verdict)] = []
            for (_, group) in byCall {
                let verdicts = group.compactMap { $0.verdicts[id] }
                for first in verdicts.indices {
                    for second in verdicts.indices where second > first {
                        people.append((verdicts[first], verdicts[second]))
                    }
                }
            }
            return ItemAgreement(
                id: id, pairs: machine.count, agreement: Agreement.rate(machine), kappa: Agreement.kappa(machine),
                humanPairs: people.count, humanAgreement: Agreement.rate(people),
                humanKappa: Agreement.kappa(people))
        }

        var totals: [(call: String, machine: Double, human: Double)] = []
        for (call, group) in byCall {
            let given = group.compactMap(\.total)
            guard !given.isEmpty, let card = cards[call] else { continue }
            totals.append((call, card.score, given.reduce(0, +) / Double(given.count)))
        }
        let pairs = totals.sorted { $0.call < $1.call }.map { ($0.machine, $0.human) }
        total = TotalAgreement(
            calls: pairs.count, meanAbsoluteDifference: Agreement.meanAbsoluteDifference(pairs),
            pearson: Agreement.pearson(pairs), spearman: Agreement.spearman(pairs),
            withinTen: Agreement.shareWithin(10, pairs))

        let humanTotals = Dictionary(totals.map { ($0.call, $0.human) }, uniquingKeysWith: { first, _ in first })
        var found: [Disagreement] = []
        for (call, group) in byCall {
            let card = cards[call]!
            var itemDisagreements: [ItemDisagreement] = []
            for id in labels.items {
                let human = group.compactMap { $0.verdicts[id] }
                guard let result = card.item(id), !human.isEmpty,
                    human.contains(where: { $0 != HumanLabels.Verdict(result.status) })
                else { continue }
                itemDisagreements.append(
                    ItemDisagreement(
                        id: id, machine: result.status, human: human, note: result.note,
                        evidence: result.evidence))
            }
            guard !itemDisagreements.isEmpty || humanTotals[call].map({ abs($0 - card.score) > 10 }) == true else {
                continue
            }
            found.append(
                Disagreement(
                    callID: call, machineScore: card.score, humanScore: humanTotals[call], items: itemDisagreements,
                    why: Self.why(card)))
        }
        disagreements = Array(
            found.sorted { lhs, rhs in
                let left = (lhs.humanScore.map { abs($0 - lhs.machineScore) } ?? 0, lhs.items.count)
                let right = (rhs.humanScore.map { abs($0 - rhs.machineScore) } ?? 0, rhs.items.count)
                return left != right ? left > right : lhs.callID < rhs.callID
            }.prefix(Self.disagreementCount))
    }
}
