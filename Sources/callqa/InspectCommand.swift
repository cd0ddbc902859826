import ArgumentParser
import CallQA

/// `callqa inspect`: shows what CallQA reads from transcripts.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show the calls and turns read from transcripts.",
        discussion: """
            Prints every call read — turns with role, label, times, text and source line — as \
            JSON or as a table. Errors and warnings go to standard error as 'file:line: message'. \
            Exits 1 when any input failed (the others are still printed).
            """
    )

    @OptionGroup var input: InputOptions

    @OptionGroup var format: FormatOption<OutputFormat>

    enum OutputFormat: String, TableOrJSON {
        case json, table

        static let formatHelp = "Output format: json or table (default: table on a terminal, json otherwise)."
    }

    func run() throws {
        let loader = try input.loader()
        let (inputs, pathProblems) = input.inputs(loader)
        let run = CommandRun()
        let format = format.resolved(toTerminal: run.toTerminal)
        var stream = InspectJSONStream()
        let table = InspectTable(width: Terminal.columns(.standardOutput) ?? 100)

        pathProblems.forEach(run.report)
        if format == .json { run.write(stream.opening()) }
        var calls = 0
        for item in inputs {
            loader.read(item) { event in
                switch event {
                case .call(let call):
                    calls += 1
                    run.write(format == .json ? stream.call(call) : table.render(call))
                case .diagnostic(let diagnostic):
                    run.report(diagnostic)
                }
            }
        }
        if format == .json { run.write(stream.closing(diagnostics: run.diagnostics.diagnostics)) }
        try run.finish(inputs: inputs, summary: "\(calls) call\(calls == 1 ? "" : "s") read")
    }
}
