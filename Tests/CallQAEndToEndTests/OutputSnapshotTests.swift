import Foundation
import Testing

/// Every human-facing output — tables, CSV, Markdown — on the corpora and
/// small fixtures, compared with its snapshot file byte for byte (see
/// ``Snapshot`` for re-recording). JSON is held to its shape by the library's
/// round-trip tests instead.
@Suite("Output snapshots, end to end")
struct OutputSnapshotTests {
    /// One command and the snapshot its standard output must equal.
    struct Case: CustomTestStringConvertible, Sendable {
        var snapshot: String
        var arguments: [String]
        /// Arguments of a `callqa` run whose output is fed to this one's standard input.
        var input: [String]? = nil

        var testDescription: String { snapshot }
    }

    static let sameCall = "Tests/Fixtures/formats/same-call"
    static let checksRubric = "Tests/Fixtures/rubrics/checks.yaml"
    static let suggest = "Tests/Fixtures/suggest/"

    static let cases: [Case] = [
        Case(snapshot: "score-corpora.table", arguments: ["score", "corpora/", "--format", "table"]),
        Case(
            snapshot: "score-corpora-by-agent.table",
            arguments: ["score", "corpora/", "--format", "table", "--by", "agent"]),
        Case(snapshot: "score-same-call.table", arguments: ["score", sameCall, "--format", "table"]),
        Case(
            snapshot: "score-same-call-by-agent.table",
            arguments: ["score", sameCall, "--format", "table", "--by", "agent"]),
        Case(snapshot: "score-corpora.csv", arguments: ["score", "corpora/", "--format", "csv"]),
        Case(
            snapshot: "score-corpora-by-agent.csv",
            arguments: ["score", "corpora/", "--format", "csv", "--by", "agent"]),
        Case(snapshot: "score-same-call.csv", arguments: ["score", sameCall, "--format", "csv"]),
        Case(
            snapshot: "score-same-call-by-agent.csv",
            arguments: ["score", sameCall, "--format", "csv", "--by", "agent"]),
        Case(
            snapshot: "report-corpora.table", arguments: ["report", "-", "--format", "table"],
            input: ["score", "corpora/", "--format", "jsonl"]),
        Case(
            snapshot: "report-corpora.csv", arguments: ["report", "-", "--format", "csv"],
            input: ["score", "corpora/", "--format", "jsonl"]),
        Case(
            snapshot: "compare-zh-checks.table",
            arguments: [
                "compare", "--rubric", "zh-standard", "--rubric", checksRubric, "corpora/zh-Hans",
                "--format", "table",
            ]),
        Case(
            snapshot: "compare-zh-checks.md",
            arguments: [
                "compare", "--rubric", "zh-standard", "--rubric", checksRubric, "corpora/zh-Hans",
                "--format", "markdown",
            ]),
        Case(
            snapshot: "calibrate-corpora.table",
            arguments: ["calibrate", "--human", "Tests/Fixtures/labels/corpora.csv", "corpora/", "--format", "table"]),
        Case(
            snapshot: "calibrate-no-variance.table",
            arguments: [
                "calibrate", "--human", "Tests/Fixtures/labels/no-variance.csv", "corpora/",
                "--format", "table",
            ]),
        Case(
            snapshot: "inspect-zh-model-001.table",
            arguments: ["inspect", "corpora/zh-Hans/model-call.txt", "--format", "table"]),
        Case(
            snapshot: "inspect-en-hold.table",
            arguments: ["inspect", sameCall + "/en-hold.vtt", "--format", "table"]),
        Case(
            snapshot: "explain-en-billing-102.md",
            arguments: ["explain", "corpora/en/billing-poor.txt", "--format", "markdown"]),
        Case(
            snapshot: "explain-zh-hold.md", arguments: ["explain", sameCall + "/zh-hold.txt", "--format", "markdown"]),
        Case(snapshot: "rubric-test-zh-standard.table", arguments: ["rubric", "test", "zh-standard"]),
        Case(
            snapshot: "rubric-test-with-cases.table",
            arguments: ["rubric", "test", "Tests/Fixtures/rubrics/with-cases.yaml"]),
        Case(
            snapshot: "rubric-suggest-en.table",
            arguments: [
                "rubric", "suggest", "--human", suggest + "en/labels.csv", suggest + "en/calls",
                "--rubric", suggest + "en/rubric.yaml",
            ]),
        Case(
            snapshot: "rubric-suggest-zh.table",
            arguments: [
                "rubric", "suggest", "--human", suggest + "zh/labels.csv", suggest + "zh/calls",
                "--rubric", suggest + "zh/rubric.yaml", "--format", "table",
            ]),
    ]

    @Test("Each output matches its snapshot", arguments: cases)
    func output(_ example: Case) throws {
        let input = try example.input.map { try CLI.run($0).stdoutData }
        let result = try CLI.run(example.arguments, stdin: input, environment: ["NO_COLOR": "1"])
        Snapshot.check(result.stdout, named: example.snapshot)
    }
}
