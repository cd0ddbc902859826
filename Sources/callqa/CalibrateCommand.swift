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

    @Option(
        help: ArgumentHelp(
            "A rubric file, or the id of a shipped rubric (default: the shipped rubric for each call's language).",
            valueName: "rubric"))
    var rubric: String?

    @OptionGroup var format: FormatOption<OutputFormat>

    @OptionGroup var jobs: JobsOption

    enum OutputFormat: String, ExpressibleByArgument, TableOrJSON {
        case table, json

        static let formatHelp = "Output format: table or json (default: table on a terminal, json otherwise)."
    }

    func run() throws {
        let selection = try RubricSelection.resolve(rubric)
        let run = CommandRun()
        let text = try HumanLabelFile.text(at: human, maximumSize: input.size.bytes)
        let knownItems = Set(selection.rubrics.flatMap { $0.items.map(\.id) })
        let (labels, problems) = HumanLabels.parse(text, source: human, knownItems: knownItems)
        problems.forEach(run.report)

        let wanted = Set(labels.labels.map(\.callID))
        let loader = try input.loader(forced: nil)
        let (inputs, pathProblems) = input.inputs(loader)
        pathProblems.forEach(run.report)
        var cards: [Scorecard] = []
        BatchScorer(
            loader: loader, jobs: jobs.threads, unscorable: selection.unscorable, scorer: selection.scorer(for:)
        )
        .run(
            inputs, render: { _ in "" },
            deliver: { event in
                switch event {
                case .scored(let card, _): if wanted.contains(card.callID) { cards.append(card) }
                case .diagnostic(let diagnostic): run.report(diagnostic)
                case .inputDone: break
                }
            }
        )
        let scored = Set(cards.map(\.callID))
        for label in labels.labels where !scored.contains(label.callID) {
            run.report(
                Diagnostic(
                    .error, source: human, line: label.line,
                    message: "call '\(label.callID)' is not among the calls scored; row left out"))
        }

        let report = CalibrationReport(scorecards: cards, labels: labels)
        run.write(
            format.resolved(toTerminal: run.toTerminal) == .table
                ? report.table() : report.json(diagnostics: run.diagnostics.diagnostics))
        try run.finish()
    }
}
