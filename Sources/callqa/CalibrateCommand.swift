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

    @OptionGroup var output: OutputFileOption<OutputFormat>

    @OptionGroup var jobs: JobsOption

    @OptionGroup var language: LanguageOption

    enum OutputFormat: String, ExpressibleByArgument, TableOrJSON {
        case table, json

        static let formatHelp = "Output format: table or json (default: table on a terminal, json otherwise)."
        static let outputHelp = "Write the calibration report to this file (atomically) instead of standard output."
    }

    func run() throws {
        let selection = try RubricSelection.resolve(rubric, anyLanguage: language.anyLanguage)
        let run = CommandRun()
        let bytes = try HumanLabelFile.bytes(at: human, maximumSize: input.size.bytes)
        let knownItems = Set(selection.rubrics.flatMap { $0.items.map(\.id) })
        let (labels, problems) = HumanLabels.parse(bytes: bytes, source: human, knownItems: knownItems)
        problems.forEach(run.report)

        let wanted = Set(labels.labels.map(\.callID))
        let loader = try input.loader(rubrics: selection.rubrics)
        let (inputs, pathProblems) = input.inputs(loader)
        try run.send(to: output.output, reading: inputs)
        pathProblems.forEach(run.report)
        var cards: [Scorecard] = []
        var ids = CallIDs()
        BatchScorer(
            loader: loader, jobs: jobs.threads, unscorable: selection.unscorable, scorer: selection.scorer(for:)
        )
        .run(
            inputs, render: { _ in "" },
            deliver: { event in
                switch event {
                case .scored(let scored, _):
                    let (card, renamed) = ids.claim(scored)
                    if let renamed { run.report(renamed) }
                    if wanted.contains(card.callID) { cards.append(card) }
                case .diagnostic(let diagnostic): run.report(diagnostic)
                case .inputDone: break
                }
            }
        )
        // Labels naming an id several calls have are paired with none of them.
        var paired = labels
        paired.labels.removeAll { ids.shared[$0.callID] != nil }
        for label in labels.labels {
            if let places = ids.shared[label.callID] {
                run.report(
                    CallIDs.ambiguousLabel(callID: label.callID, places: places, source: human, line: label.line))
            }
        }
        let scored = Set(cards.map(\.callID))
        for label in paired.labels where !scored.contains(label.callID) {
            run.report(
                Diagnostic(
                    .error, source: human, line: label.line,
                    message: "call '\(label.callID)' is not among the calls scored; row left out"))
        }

        let report = CalibrationReport(scorecards: cards.filter { ids.shared[$0.callID] == nil }, labels: paired)
        run.write(
            format.resolved(toTerminal: run.toTerminal) == .table
                ? report.table() : report.json(diagnostics: run.diagnostics.diagnostics))
        try run.finish()
    }
}
