import ArgumentParser
import CallQA
import Foundation

/// `callqa rubric suggest`: wording to add to a rubric, or take out of it,
/// from calls people labelled.
struct RubricSuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Suggest wording to add to a rubric or remove from it, from calls people labelled.",
        discussion: """
            LABELS.csv is the file 'callqa calibrate' reads: a 'call' column, optionally 'evaluator', \
            and a column per item id holding pass, fail, partial, na, 1 or 0 (several evaluators: the \
            majority counts; a tie leaves the call out for that item). For each item, from the text it \
            looks at (its speaker and window): words and phrases said where people passed it and the \
            machine did not (to add), the rubric phrases the machine quoted where it passed and people \
            did not, and wording that sets those calls apart (to remove), and for response items what \
            customers said where only people saw a trigger. Ranked by the log odds ratio of being said \
            in one group of calls rather than the other, with counts and two example quotes each. \
            Unknown calls and malformed rows are reported; exit 1 when any row or input failed or no \
            labelled call was scored, 2 for an unknown rubric or item.
            """
    )

    @Option(help: ArgumentHelp("The human results (CSV), as calibrate reads them.", valueName: "labels.csv"))
    var human: String

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("A rubric file, or the id of a shipped rubric.", valueName: "rubric"))
    var rubric: String

    @Option(help: ArgumentHelp("Only this item (repeat for several; default: every labelled item).", valueName: "id"))
    var item: [String] = []

    @OptionGroup var format: FormatOption<OutputFormat>

    @Option(help: ArgumentHelp("The most candidates per list (default: 10).", valueName: "n"))
    var top = 10

    @Option(
        name: .customLong("min-support"),
        help: ArgumentHelp("The fewest calls a word or phrase must be said in (default: 2).", valueName: "n"))
    var minimumSupport = 2

    @OptionGroup var jobs: JobsOption

    @OptionGroup var language: LanguageOption

    enum OutputFormat: String, ExpressibleByArgument, CommandOutput {
        case table, json

        static let formatHelp = "Output format: table (the default, 80 columns) or json."
    }

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1.") }
        if minimumSupport < 1 { throw ValidationError("--min-support must be at least 1.") }
    }

    func run() throws {
        let scorer = try RubricSelection.scorer(named: rubric)
        let ids = scorer.rubric.items.map(\.id)
        for id in item where !ids.contains(id) {
            throw ExitCode.usage(
                "callqa: no item '\(id)' in rubric \(scorer.rubric.id) (items: \(ids.joined(separator: ", ")))")
        }
        let run = CommandRun()
        let bytes = try HumanLabelFile.bytes(at: human, maximumSize: input.size.bytes)
        let (labels, problems) = HumanLabels.parse(bytes: bytes, source: human, knownItems: Set(ids))
        problems.forEach(run.report)
        for id in item where !labels.items.contains(id) {
            run.report(
                Diagnostic(.warning, source: human, message: "no column for item '\(id)': no labels to learn from"))
        }

        let loader = try input.loader(rubrics: [scorer.rubric])
        let (inputs, pathProblems) = input.inputs(loader)
        pathProblems.forEach(run.report)
        let suggestions = RubricSuggestions(
            scorer: scorer, labels: labels,
            settings: RubricSuggestions.Settings(
                minimumSupport: minimumSupport, top: top, items: item.isEmpty ? nil : item),
            inputs: inputs, loader: loader, jobs: jobs.threads, anyLanguage: language.anyLanguage,
            diagnostic: run.report)
        let scored = Set(suggestions.labelledCallIDs)
        for label in labels.labels where !scored.contains(label.callID) {
            if let places = suggestions.sharedCallIDs[label.callID] {
                run.report(
                    CallIDs.ambiguousLabel(callID: label.callID, places: places, source: human, line: label.line))
                continue
            }
            run.report(
                Diagnostic(
                    .error, source: human, line: label.line,
                    message: "call '\(label.callID)' is not among the calls scored; row left out"))
        }
        if scored.isEmpty {
            run.report(
                Diagnostic(
                    .error, source: human, message: "no labelled call is among the calls scored: nothing to learn from")
            )
        }
        run.write(
            (format.format ?? .table) == .table
                ? suggestions.table() : suggestions.json(diagnostics: run.diagnostics.diagnostics))
        try run.finish()
    }
}
