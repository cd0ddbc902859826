import ArgumentParser
import CallQA
import Foundation

/// `callqa explain`: one call, marked up the way a coach would.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain one call: the transcript with tagged words, and every verdict with its evidence.",
        discussion: """
            Prints the transcript with each turn numbered and timed and the tagged words \
            highlighted — rubric evidence, positive wording, negative wording, forbidden phrases — \
            then the scorecard item by item: the verdict, the points, the evidence, and for what was \
            missed what good looks like and what to say instead. Colour on a terminal (unless \
            NO_COLOR is set), plain-text markers otherwise. A file holding several calls explains \
            each of them, or the one named by --call.
            """
    )

    @Argument(help: ArgumentHelp("The call's transcript file ('-' reads standard input).", valueName: "call"))
    var path: String

    @Option(
        help: ArgumentHelp(
            "A rubric file, or the id of a shipped rubric (default: the shipped rubric for the call's language).",
            valueName: "rubric"))
    var rubric: String?

    @OptionGroup var language: LanguageOption

    @OptionGroup var format: FormatOption<OutputFormat>

    @Option(name: .customLong("input-format"), help: "Read the input as this format instead of detecting it.")
    var inputFormat: InputFormat = .auto

    @OptionGroup var speakers: SpeakerOptions

    @OptionGroup var redaction: RedactionOption

    @OptionGroup var size: InputSizeOption

    @Option(name: .customLong("call"), help: ArgumentHelp("Explain only the call with this id.", valueName: "id"))
    var callID: String?

    @OptionGroup var output: OutputFileOption<OutputFormat>

    enum OutputFormat: String, CommandOutput {
        case plain, json, markdown, html

        static let formatHelp =
            "Output format: plain (default), json (as 'score --format json'), markdown or html (one page)."
        static let outputHelp = "Write the explanation to this file (atomically) instead of standard output."
    }

    func run() throws {
        let selection = try RubricSelection.resolve(rubric, anyLanguage: language.anyLanguage)
        var loader = TranscriptLoader(
            format: inputFormat.transcriptFormat,
            speakers: try speakers.mapping(maximumSize: size.bytes),
            maximumInputSize: size.bytes)
        loader.redactor = redaction.redactor(for: selection.rubrics)
        let input = RawArguments.inputs([path])[0]
        let run = CommandRun()
        try run.send(to: output.output, reading: input.map { [$0] } ?? [])
        let width = min(Terminal.columns(.standardOutput) ?? 100, 120)

        var summary = ScoreSummary()
        var document = ScoreJSONStream()
        let format = format.format ?? .plain
        if format == .json { run.write(document.opening()) }
        var explained = 0
        var pages: [CallExplanation] = []
        if let input {
            loader.read(input) { event in
                switch event {
                case .call(let call):
                    guard callID == nil || call.id == callID else { return }
                    guard let scorer = selection.scorer(for: call) else {
                        run.report(selection.unscorable(call))
                        return
                    }
                    let card = scorer.score(call)
                    let explanation = CallExplanation(call: call, scorecard: card, rubric: scorer.rubric)
                    switch format {
                    case .plain:
                        run.write(
                            (explained > 0 ? "\n" + String(repeating: "─", count: 40) + "\n\n" : "")
                                + explanation.plainText(colour: run.colour, width: width))
                    case .markdown: run.write((explained > 0 ? "\n---\n\n" : "") + explanation.markdown())
                    case .html: pages.append(explanation)
                    case .json:
                        summary.add(ScoreRecord(card))
                        run.write(document.call(ScoreJSONStream.render(card)))
                    }
                    explained += 1
                case .diagnostic(let diagnostic):
                    run.report(diagnostic)
                }
            }
        } else {
            run.report(RawArguments.ambiguous(path))
        }
        if let callID, explained == 0, run.diagnostics.failedSources == 0 {
            run.report(Diagnostic(.error, source: path, message: "no call with the id '\(callID)'"))
        }
        if format == .json { run.write(document.closing(summary: summary, diagnostics: run.diagnostics.diagnostics)) }
        if format == .html && !pages.isEmpty { run.write(CallExplanation.htmlPage(pages)) }
        try run.finish()
    }
}
