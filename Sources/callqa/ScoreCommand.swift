import ArgumentParser
import CallQA
import Foundation

/// `callqa score`: scores calls against rubrics.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score calls against a rubric, with evidence for every verdict.",
        discussion: """
            Each call is scored with --rubric, or else with the shipped rubric for its language \
            (from the transcript, or recognised from its text). Prints per-call results and \
            per-agent summaries. Exits 1 when any input failed or a call could not be scored \
            (the rest are still scored), 2 for usage errors and rubrics with errors.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("A rubric file, or the id of a shipped rubric (e.g. zh-standard).", valueName: "rubric"))
    var rubric: String?

    @Option(name: .customLong("format"), help: ArgumentHelp(
        "Output format: table, json or csv (default: table on a terminal, json otherwise); or text or xml to read every input as that format.",
        valueName: "format"))
    var formatValues: [String] = []

    @Option(help: ArgumentHelp("Write the results to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    enum OutputFormat: String, CaseIterable {
        case table, json, csv
    }

    func validate() throws {
        try input.validate(forced: FormatChoice<OutputFormat>(formatValues).input)
    }

    func run() throws {
        let choice = try FormatChoice<OutputFormat>(formatValues)
        let selection = try RubricSelection.resolve(rubric)
        let loader = input.loader(forced: choice.input)
        let (inputs, pathProblems) = loader.inputs(for: input.paths)

        var diagnostics = DiagnosticReport()
        pathProblems.forEach { diagnostics.add($0) }
        var report = ScoreReport()
        var calls = 0
        for item in inputs {
            loader.read(item) { event in
                switch event {
                case .call(let call):
                    calls += 1
                    if let scorer = selection.scorer(for: call) {
                        report.add(scorer.score(call))
                    } else {
                        diagnostics.add(selection.unscorable(call))
                    }
                case .diagnostic(let diagnostic):
                    diagnostics.add(diagnostic)
                }
            }
        }
        report.diagnostics = diagnostics.diagnostics

        let toTerminal = output == nil && Terminal.isTerminal(.standardOutput)
        let text: String
        switch choice.output ?? (toTerminal ? .table : .json) {
        case .json: text = report.json()
        case .table: text = ScoreTable(width: min(Terminal.columns(.standardOutput) ?? 100, 120)).render(report)
        case .csv:
            let csv = ScoreCSV(rubrics: selection.rubrics)
            text = csv.header + report.scorecards.map(csv.row(for:)).joined()
        }
        if let output {
            try OutputFile.write(text, to: output)
        } else {
            let stream = StandardOutput()
            stream.write(text)
            stream.flush()
        }
        diagnostics.finish(inputs: inputs, summary: "\(report.scorecards.count) of \(calls) call\(calls == 1 ? "" : "s") scored")
        if diagnostics.failedSources > 0 { throw ExitCode(ExitStatus.inputFailed) }
    }
}
