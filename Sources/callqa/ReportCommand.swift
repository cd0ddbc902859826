import ArgumentParser
import CallQA
import Foundation

/// `callqa report`: summaries rebuilt from `score --format jsonl` results.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Rebuild per-agent and per-item summaries from JSON Lines results.",
        discussion: """
            Reads the output of 'callqa score --format jsonl' — one file, or shards scored on \
            different machines — and prints the same per-agent and per-item figures 'score' prints \
            for all of them together. Results scored with different versions of a rubric are \
            refused unless --allow-mixed. Exits 1 when a file or line cannot be read (the rest are \
            still counted), 2 for usage errors and refused mixes.
            """
    )

    @Argument(
        help: ArgumentHelp(
            "Result files from 'callqa score --format jsonl'; '-' reads standard input.", valueName: "results"))
    var paths: [String]

    @OptionGroup var format: FormatOption<OutputFormat>

    @Flag(
        name: .customLong("allow-mixed"), help: "Summarise results scored with different versions of a rubric together."
    )
    var allowMixed = false

    @Option(
        name: .customLong("min-calls"),
        help: ArgumentHelp("Agents with fewer calls are marked as too few to judge.", valueName: "n"))
    var minimumCalls: Int = AgentSummary.defaultMinimumCalls

    @OptionGroup var output: OutputFileOption<OutputFormat>

    @OptionGroup var size: InputSizeOption

    enum OutputFormat: String, ExpressibleByArgument, TableOrJSON {
        case table, json, csv, html

        static let formatHelp =
            "Output format: table, json, csv or html (default: table on a terminal, json otherwise)."
        static let outputHelp = "Write the summaries to this file (atomically) instead of standard output."
    }

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one result file.") }
        if minimumCalls < 1 { throw ValidationError("--min-calls must be at least 1.") }
    }

    func run() throws {
        let run = CommandRun()
        var results = ScoreResults()
        var inputs: [TranscriptInput] = []
        for (path, input) in zip(paths, RawArguments.inputs(paths)) {
            guard let input else {
                run.report(RawArguments.ambiguous(path))
                continue
            }
            inputs.append(input)
        }
        try CommandRun.checkOutputs([("--output", output.output)], reading: inputs)
        let format = format.resolved(toTerminal: run.toTerminal)
        var report = HTMLReport()
        for input in inputs {
            results.read(
                input, maximumLineLength: size.bytes,
                result: format == .html ? { record, line in report.add(record, line: line) } : nil,
                diagnostic: run.report)
        }

        let mixed = results.mixedRubrics
        if !mixed.isEmpty && !allowMixed {
            for rubric in mixed { StandardError.write("callqa: \(rubric)\n") }
            throw ExitCode.usage("callqa: pass --allow-mixed to summarise them together")
        }

        try run.send(to: output.output, reading: inputs)
        let summary = results.summary
        switch format {
        case .table:
            let table = ScoreTable(width: min(Terminal.columns(.standardOutput) ?? 100, 100), style: run.style)
            run.write(table.summary(summary, minimumCalls: minimumCalls, byAgent: true))
        case .json:
            run.write(
                ScoreJSONStream.summaryDocument(
                    summary, diagnostics: run.diagnostics.diagnostics, minimumCalls: minimumCalls))
        case .csv:
            let csv = ScoreCSV(itemIDs: summary.items.map(\.id))
            run.write(csv.agentHeader)
            for agent in summary.agents(minimumCalls: minimumCalls) { run.write(csv.row(for: agent)) }
        case .html:
            // The calls to embed are read again from their transcripts, masked, when those still match.
            var loader = TranscriptLoader(maximumInputSize: size.bytes)
            loader.redactor = Redactor()
            report.attachTranscripts(loader: loader, catalog: RubricSelection.shippedRubrics)
            run.write(
                report.html(summary: summary, diagnostics: run.diagnostics.diagnostics, minimumCalls: minimumCalls))
        }
        try run.finish(
            inputs: inputs,
            summary: "\(summary.calls) result\(summary.calls == 1 ? "" : "s") read")
    }
}
