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

    @OptionGroup var format: FormatOption<OutputFormat>

    @OptionGroup var output: OutputFileOption<OutputFormat>

    @OptionGroup var jobs: JobsOption

    @OptionGroup var language: LanguageOption

    enum OutputFormat: String, ExpressibleByArgument, TableOrJSON {
        case table, json, markdown

        static let formatHelp = "Output format: table, json or markdown (default: table on a terminal, json otherwise)."
        static let outputHelp = "Write the comparison to this file (atomically) instead of standard output."
    }

    func validate() throws {
        if rubric.count != 2 { throw ValidationError("Give --rubric exactly twice: the rubric before, then after.") }
    }

    func run() throws {
        let before = try RubricSelection.scorer(named: rubric[0])
        let after = try RubricSelection.scorer(named: rubric[1])
        let loader = try input.loader(rubrics: [before.rubric, after.rubric])
        let (inputs, pathProblems) = input.inputs(loader)
        let run = CommandRun()
        try run.send(to: output.output, reading: inputs)
        pathProblems.forEach(run.report)
        let comparison = RubricComparison(
            before: before, after: after, inputs: inputs,
            loader: loader, jobs: jobs.threads, anyLanguage: language.anyLanguage, diagnostic: run.report)
        switch format.resolved(toTerminal: run.toTerminal) {
        case .table: run.write(comparison.text())
        case .json: run.write(comparison.json())
        case .markdown: run.write(comparison.markdown())
        }
        try run.finish()
    }
}
