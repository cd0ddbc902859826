extension RubricTestRun {
    /// The run as `callqa rubric test` shows it: every verdict that differed
    /// from the case, with its evidence, then the counts, then per item how
    /// the rubric did.
    ///
    /// ```text
    /// FAIL rubrics/zh-standard.cases/open.yaml:12: curt — greeting: expected fail, got pass: said 3 of 3 parts
    ///        turn 0 agent: "您好" (greeting)
    /// zh-standard 1.2.0: 14 cases, 60 verdicts, 1 failed
    ///   item      cases   TP   FP   TN   FN  precision  recall
    ///   greeting      6    3    1    2    0        75%    100%
    /// ```
    ///
    /// - Parameter rubric: the rubric the cases ran against.
    package func text(rubric: Rubric) -> String {
        var output = ""
        for outcome in failures {
            let testCase = outcome.testCase
            output +=
                "FAIL \(TerminalText.visible(testCase.source)):\(testCase.line): \(TerminalText.visible(testCase.name))"
                + " — \(TerminalText.visible(outcome.item)): expected \(outcome.expected.rawValue),"
                + " got \(outcome.actual.status.rawValue): \(TerminalText.visible(outcome.actual.note))\n"
            for evidence in outcome.actual.evidence {
                output +=
                    "       turn \(evidence.turn) \(evidence.speaker.rawValue): "
                    + TerminalText.visible("\"\(evidence.text)\" (\(evidence.phrase))") + "\n"
            }
        }
        output +=
            "\(TerminalText.visible("\(rubric.id) \(rubric.version)")): \(Set(outcomes.map(\.testCase.name)).count) cases, "
            + "\(outcomes.count) verdicts, \(failures.count) failed\n"
        let ids = items.map { TerminalText.visible($0.id) }
        let width = max(4, ids.map { DisplayWidth.of($0) }.max() ?? 0)
        output += "  " + DisplayWidth.pad("item", to: width) + "  cases   TP   FP   TN   FN  precision  recall\n"
        for (item, id) in zip(items, ids) {
            let cells = [
                (String(item.cases), 5), (String(item.truePositives), 5), (String(item.falsePositives), 5),
                (String(item.trueNegatives), 5), (String(item.falseNegatives), 5),
                (NumberText.percent(item.precision), 11), (NumberText.percent(item.recall), 8),
            ]
            output +=
                "  " + DisplayWidth.pad(id, to: width) + "  "
                + cells.map { DisplayWidth.pad($0, to: $1, alignment: .right) }.joined() + "\n"
        }
        return output
    }
}
