import ArgumentParser
import CallQA
import Foundation

/// `callqa calibrate`: machine verdicts against human evaluators.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Compare machine verdicts with human QA results on the same calls.",
        discussion: """
            LABELS.csv has a 'call' column, optionally 'evaluator' and 'score', and a column per \
            item id holding pass, fail, partial, na, 1 or 0; several evaluators may label a call. \
            Reports agreement and Cohen's kappa per item (machine–human, and human–human where \
            calls have several evaluators), mean absolute difference, Pearson and Spearman \
            correlation and the share within ±10 points for total scores, and the calls with the \
            largest disagreement with the machine's evidence. Unknown calls, malformed rows and \
            columns that are not items are reported; exit 1 when any row or input failed.
            """
    )

    @Option(help: ArgumentHelp("The human results (CSV).", valueName: "labels.csv"))
    var human: String

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("A rubric file, or the id of a shipped rubric (default: the shipped rubric for each call's language).", valueName: "rubric"))
    var rubric: String?

    @Option(help: "Output format: table or json (default: table on a terminal, json otherwise).")
    var format: OutputFormat?

    @Option(help: ArgumentHelp("Scoring threads (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    func run() throws {
        let selection = try RubricSelection.resolve(rubric)
        var diagnostics = DiagnosticReport()
        let text: String
        do {
            text = try String(decoding: Data(contentsOf: URL(fileURLWithPath: human)), as: UTF8.self)
        } catch {
            StandardError.write("callqa: cannot read \(human): \(error.localizedDescription)\n")
            throw ExitCode(ExitStatus.usage)
        }
        let knownItems = Set(selection.rubrics.flatMap { $0.items.map(\.id) })
        let (labels, problems) = HumanLabels.parse(text, source: human, knownItems: knownItems)
        problems.forEach { diagnostics.add($0) }

        let wanted = Set(labels.labels.map(\.call))
        let loader = try input.loader(forced: nil)
        let (inputs, pathProblems) = loader.inputs(for: input.paths)
        pathProblems.forEach { diagnostics.add($0) }
        var cards: [Scorecard] = []
        BatchScorer(loader: loader, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                    unscorable: selection.unscorable, scorer: selection.scorer(for:))
            .run(inputs, render: { _ in "" }) { result in
                switch result {
                case .scored(let card, _): if wanted.contains(card.call) { cards.append(card) }
                case .diagnostic(let diagnostic): diagnostics.add(diagnostic)
                case .inputDone: break
                }
            }
        let scored = Set(cards.map(\.call))
        for label in labels.labels where !scored.contains(label.call) {
            diagnostics.add(Diagnostic(.error, source: human, line: label.line,
                                       message: "call '\(label.call)' is not among the calls scored; row left out"))
        }

        let report = CalibrationReport(scorecards: cards, labels: labels)
        let toTerminal = Terminal.isTerminal(.standardOutput)
        let output = StandardOutput()
        output.write((format ?? (toTerminal ? .table : .json)) == .table ? report.table() : report.json(diagnostics: diagnostics.diagnostics))
        output.flush()
        if diagnostics.failedSources > 0 { throw ExitCode(ExitStatus.inputFailed) }
    }
}
