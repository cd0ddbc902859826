import ArgumentParser
import CallQA
import Foundation

/// `callqa compare`: what changing a rubric does to the same calls.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Score the same calls with two rubrics and show what changes.",
        discussion: """
            Give --rubric twice: the current rubric, then the new one (files or shipped ids). Shows \
            the mean score and pass-rate change, per-item pass rates, items added and removed, every \
            call whose item verdicts change — with the words that now match or no longer match — \
            and agents whose rank changes. For two unrelated rubrics, the summary only.
            """
    )

    @Option(help: ArgumentHelp("A rubric file or shipped id; give it twice: before, then after.", valueName: "rubric"))
    var rubric: [String] = []

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: table, json or markdown (default: table on a terminal, json otherwise).")
    var format: OutputFormat?

    @Option(help: ArgumentHelp("Scoring threads (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case table, json, markdown
    }

    func validate() throws {
        if rubric.count != 2 { throw ValidationError("Give --rubric exactly twice: the rubric before, then after.") }
    }

    func run() throws {
        let before = try RubricSelection.resolve(rubric[0]), after = try RubricSelection.resolve(rubric[1])
        let loader = try input.loader(forced: nil)
        let (inputs, pathProblems) = loader.inputs(for: input.paths)
        var diagnostics = DiagnosticReport()
        pathProblems.forEach { diagnostics.add($0) }
        let threads = jobs ?? ProcessInfo.processInfo.activeProcessorCount

        var first: [Scorecard] = []
        BatchScorer(loader: loader, jobs: threads, unscorable: before.unscorable, scorer: before.scorer(for:))
            .run(inputs, render: { _ in "" }) { result in
                switch result {
                case .scored(let card, _): first.append(card)
                case .diagnostic(let diagnostic): diagnostics.add(diagnostic)
                case .inputDone: break
                }
            }
        var second: [Scorecard] = []
        BatchScorer(loader: loader, jobs: threads, unscorable: after.unscorable, scorer: after.scorer(for:))
            .run(inputs, render: { _ in "" }) { result in
                if case .scored(let card, _) = result { second.append(card) }
            }
        let pairs = zip(first, second).map { (before: $0, after: $1) }
        let comparison = RubricComparison(first: before.rubrics[0], second: after.rubrics[0], pairs: pairs)
        let output = StandardOutput()
        switch format ?? (Terminal.isTerminal(.standardOutput) ? .table : .json) {
        case .table: output.write(comparison.text())
        case .json: output.write(comparison.json())
        case .markdown: output.write(comparison.markdown())
        }
        output.flush()
        if diagnostics.failedSources > 0 { throw ExitCode(ExitStatus.inputFailed) }
    }
}
