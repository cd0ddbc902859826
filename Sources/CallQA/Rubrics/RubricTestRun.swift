/// A rubric's cases run against it: each case's verdicts, and per item how
/// well the rubric tells a met item from an unmet one.
///
/// Per item, a case where the item is expected to pass is a positive:
/// true positive when the rubric passes it, false negative when it does not;
/// a case expected not to pass is a true negative when the rubric does not
/// pass it, a false positive when it does. A case fails when any verdict
/// differs from the one expected (a `partial` expected is not met by a `fail`).
public struct RubricTestRun: Sendable {
    /// One verdict checked.
    public struct Outcome: Sendable {
        /// The case.
        public var testCase: RubricCase
        /// The item checked.
        public var item: String
        /// What the case expects, and what the rubric said.
        public var expected: ItemStatus, actual: ItemResult

        /// Whether the rubric said what the case expects.
        public var passed: Bool { expected == actual.status }
    }

    /// Per-item counts.
    public struct ItemStats: Sendable, Equatable {
        /// The item's id.
        public var id: String
        /// True and false positives and negatives.
        public var truePositives = 0, falsePositives = 0, trueNegatives = 0, falseNegatives = 0
        /// Cases checking the item, and those whose verdict differed.
        public var cases = 0, failures = 0

        /// TP / (TP + FP), or `nil` when the rubric passed no case.
        public var precision: Double? {
            truePositives + falsePositives == 0 ? nil : Double(truePositives) / Double(truePositives + falsePositives)
        }
        /// TP / (TP + FN), or `nil` when no case expects a pass.
        public var recall: Double? {
            truePositives + falseNegatives == 0 ? nil : Double(truePositives) / Double(truePositives + falseNegatives)
        }
    }

    /// Every verdict checked, in case order.
    public var outcomes: [Outcome]
    /// Per item, in rubric order (items without cases included, with zero counts).
    public var items: [ItemStats]

    /// The outcomes that did not match.
    public var failures: [Outcome] { outcomes.filter { !$0.passed } }

    /// Runs `cases` against `rubric`.
    public init(rubric: Rubric, cases: [RubricCase]) {
        let scorer = Scorer(rubric)
        var outcomes: [Outcome] = []
        var stats = Dictionary(uniqueKeysWithValues: rubric.items.map { ($0.id, ItemStats(id: $0.id)) })
        for testCase in cases {
            let card = scorer.score(testCase.call)
            for (item, expected) in testCase.expected {
                guard let actual = card.item(item) else { continue }
                let outcome = Outcome(testCase: testCase, item: item, expected: expected, actual: actual)
                outcomes.append(outcome)
                let positive = expected == .pass
                let predicted = actual.status == .pass
                stats[item]!.cases += 1
                if !outcome.passed { stats[item]!.failures += 1 }
                switch (positive, predicted) {
                case (true, true): stats[item]!.truePositives += 1
                case (true, false): stats[item]!.falseNegatives += 1
                case (false, true): stats[item]!.falsePositives += 1
                case (false, false): stats[item]!.trueNegatives += 1
                }
            }
        }
        self.outcomes = outcomes
        self.items = rubric.items.map { stats[$0.id]! }
    }
}
