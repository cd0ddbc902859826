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

    @Option(name: .customLong("format"), help: ArgumentHelp(
        "Output format, json or table (default: table on a terminal, json otherwise); or text or xml to read every input as that format. May be given once for each.",
        valueName: "format"))
    var formatValues: [String] = []

    enum OutputFormat: String, CaseIterable {
        case json, table
    }

    func validate() throws {
        try input.validate(forced: FormatChoice<OutputFormat>(formatValues).input)
    }

    func run() throws {
        let choice = try FormatChoice<OutputFormat>(formatValues)
        let loader = try input.loader(forced: choice.input)
        let (inputs, pathProblems) = loader.inputs(for: input.paths)
        let output = StandardOutput()
        let format = choice.output ?? (Terminal.isTerminal(.standardOutput) ? .table : .json)
        var stream = InspectJSONStream()
        let table = InspectTable(width: Terminal.columns(.standardOutput) ?? 100)

        var report = DiagnosticReport()
        pathProblems.forEach { report.add($0) }
        if format == .json { output.write(stream.opening()) }
        var calls = 0
        for item in inputs {
            loader.read(item) { event in
                switch event {
                case .call(let call):
                    calls += 1
                    output.write(format == .json ? stream.call(call) : table.render(call))
                case .diagnostic(let diagnostic):
                    report.add(diagnostic)
                }
            }
        }
        if format == .json { output.write(stream.closing(diagnostics: report.diagnostics)) }
        output.flush()
        report.finish(inputs: inputs, summary: "\(calls) call\(calls == 1 ? "" : "s") read")
        if report.failedSources > 0 { throw ExitCode(ExitStatus.inputFailed) }
    }
}
