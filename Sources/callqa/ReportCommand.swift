import ArgumentParser
import CallQA
import Foundation

/// `callqa report`: summaries rebuilt from `score --format jsonl` results or
/// from a results store, and trends by period or metadata.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Rebuild per-agent and per-item summaries, and trends, from results.",
        discussion: """
            Reads the output of 'callqa score --format jsonl' — one file, or shards scored on \
            different machines — or the results store 'callqa score --store' writes, and prints the \
            same per-agent and per-item figures 'score' prints for all of them together. With --by \
            day, week (ISO 8601 weeks, Monday to Sunday) or month it prints each agent's calls, mean \
            and pass rate period by period, from the calls' 'date' metadata, with the change from \
            the agent's previous period; with --by KEY, the same per value of that metadata key. \
            --format html writes one page: the summaries, the trend drawn (by --by day, week or \
            month, or a period suited to the calls' dates) and the calls to review. \
            Results scored with different versions of a rubric are refused unless --rubric chooses \
            one or --allow-mixed. Exits 1 when a file, line or store cannot be read (the rest are \
            still counted), 2 for usage errors, refused mixes and stores written by a newer CallQA.
            """
    )

    @Argument(
        help: ArgumentHelp(
            "Result files from 'callqa score --format jsonl'; '-' reads standard input.", valueName: "results"))
    var paths: [String] = []

    @Option(
        help: ArgumentHelp(
            "Read the results from this store (written by 'callqa score --store') instead of files.",
            valueName: "file"))
    var store: String?

    @Option(help: ArgumentHelp("Count calls dated from this day (YYYY-MM-DD, included).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Count calls dated up to this day (YYYY-MM-DD, included).", valueName: "date"))
    var to: String?

    @Option(
        help: ArgumentHelp(
            "Group by agent (the summaries), day, week, month (trends), or a metadata key.",
            valueName: "agent|day|week|month|key"))
    var by: String = "agent"

    @Option(
        name: .customLong("rubric"),
        help: ArgumentHelp(
            "Count only results of this rubric version (repeatable); ID@VERSION@SHA256-PREFIX when one version"
                + " has several contents.", valueName: "id@version"))
    var rubrics: [String] = []

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
        if paths.isEmpty && store == nil { throw ValidationError("Give at least one result file, or --store.") }
        if !paths.isEmpty && store != nil { throw ValidationError("Give result files or --store, not both.") }
        if store == "-" || store?.isEmpty == true { throw ValidationError("--store takes a file: the results store.") }
        if minimumCalls < 1 { throw ValidationError("--min-calls must be at least 1.") }
        _ = try filter()
        _ = try grouping()
        if format.format == .html, case .metadata = try grouping() {
            throw ValidationError(
                "--format html draws trends by day, week or month; with --by \(by) choose table, json or csv.")
        }
    }

    /// The dates and rubric versions asked for.
    private func filter() throws -> ReportFilter {
        func day(_ text: String?, _ option: String) throws -> CallDay? {
            guard let text else { return nil }
            guard text.utf8.count == 10, let day = CallDay(metadata: text) else {
                throw ValidationError("\(option) takes a day as YYYY-MM-DD, not '\(text)'.")
            }
            return day
        }
        let choices = try rubrics.map { text in
            guard let choice = RubricChoice(text) else {
                throw ValidationError("--rubric takes ID@VERSION (e.g. en-standard@1.0.0), not '\(text)'.")
            }
            return choice
        }
        let filter = ReportFilter(from: try day(from, "--from"), to: try day(to, "--to"), rubrics: choices)
        if let from = filter.from, let to = filter.to, from > to {
            throw ValidationError("--from \(from) is after --to \(to).")
        }
        return filter
    }

    private func grouping() throws -> ReportGrouping {
        guard let grouping = ReportGrouping(by) else {
            throw ValidationError("--by takes agent, day, week, month or a metadata key other than 'date'.")
        }
        return grouping
    }

    func run() throws {
        let filter = try filter()
        let grouping = try grouping()
        let run = CommandRun()
        if let store {
            try report(fromStore: store, filter: filter, grouping: grouping, run: run)
            return
        }
        let format = format.resolved(toTerminal: run.toTerminal)
        var results = ScoreResults()
        results.filter = filter
        if grouping != .agent && format != .html { results.trends = ScoreTrends.Builder(grouping: grouping) }
        var inputs: [TranscriptInput] = []
        for (path, input) in zip(paths, RawArguments.inputs(paths)) {
            guard let input else {
                run.report(RawArguments.ambiguous(path))
                continue
            }
            inputs.append(input)
        }
        try CommandRun.checkOutputs([("--output", output.output)], reading: inputs)
        var report = HTMLReport(trendPeriod: grouping.period)
        for input in inputs {
            results.read(
                input, maximumLineLength: size.bytes,
                result: format == .html ? { record, line in report.add(record, line: line) } : nil,
                diagnostic: run.report)
        }

        let mixed = results.mixedRubrics
        if !mixed.isEmpty && !allowMixed {
            for rubric in mixed { StandardError.write("callqa: \(rubric)\n") }
            throw ExitCode.usage("callqa: choose one with --rubric ID@VERSION, or pass --allow-mixed")
        }

        try run.send(to: output.output, reading: inputs)
        let summary = results.summary
        if let trends = results.trends?.trends {
            write(trends, filter: filter, rubrics: summary.rubrics, run: run)
        } else {
            write(summary, html: report, run: run)
        }
        let left = results.filteredOut > 0 ? ", \(results.filteredOut) left out by --from, --to or --rubric" : ""
        try run.finish(
            inputs: inputs,
            summary: "\(summary.calls) result\(summary.calls == 1 ? "" : "s") read\(left)")
    }

    /// The report of the results in a store.
    private func report(fromStore path: String, filter: ReportFilter, grouping: ReportGrouping, run: CommandRun)
        throws
    {
        try CommandRun.checkOutputs([("--output", output.output), ("--store", path)], reading: [])
        let html = format.resolved(toTerminal: run.toTerminal) == .html
        let (summary, trends, rubrics): (ScoreSummary, ScoreTrends?, [RubricReference])
        // The page: the summaries, its trend, and the worst calls decoded from their stored results.
        var page: HTMLReport? = html ? HTMLReport(trendPeriod: grouping.period) : nil
        do {
            let store = try ResultStore(path: path, create: false)
            let chosen = try store.selectRubrics(filter.rubrics, allowMixed: allowMixed)
            if grouping == .agent || html {
                var results = ScoreResults()
                try store.forEachResult(rubrics: chosen, filter: filter) { record, line in
                    results.add(record, source: path)
                    page?.add(record, line: line)
                }
                (summary, trends, rubrics) = (results.summary, nil, chosen)
            } else {
                (summary, trends, rubrics) = (
                    ScoreSummary(), try store.trends(grouping, rubrics: chosen, filter: filter), chosen
                )
            }
        } catch let error as StoreError {
            switch error.kind {
            case .missing, .database, .damaged, .notAStore:
                StandardError.write("callqa: \(error)\n")
                throw ExitCode(1)
            case .newerSchema, .mixedVersions, .rubricChoice:
                throw ExitCode.usage("callqa: \(error)")
            }
        }
        try run.send(to: output.output, reading: [])
        if let trends {
            write(trends, filter: filter, rubrics: rubrics, run: run)
            try run.finish(summary: "\(trends.calls) stored call\(trends.calls == 1 ? "" : "s") counted")
        } else {
            write(summary, html: page, run: run)
            try run.finish(summary: "\(summary.calls) stored call\(summary.calls == 1 ? "" : "s") read")
        }
    }

    /// Writes the per-agent and per-item summaries, as `score` prints them;
    /// as a page, with the calls `html` gathered from result files or a store.
    private func write(_ summary: ScoreSummary, html report: HTMLReport?, run: CommandRun) {
        switch format.resolved(toTerminal: run.toTerminal) {
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
            guard var report else { return }
            // The calls to embed are read again from their transcripts, masked, when those still match.
            var loader = TranscriptLoader(maximumInputSize: size.bytes)
            loader.redactor = Redactor()
            report.attachTranscripts(loader: loader, catalog: RubricSelection.shippedRubrics)
            run.write(
                report.html(summary: summary, diagnostics: run.diagnostics.diagnostics, minimumCalls: minimumCalls))
        }
    }

    /// Writes trends by period or metadata value.
    private func write(_ trends: ScoreTrends, filter: ReportFilter, rubrics: [RubricReference], run: CommandRun) {
        switch format.resolved(toTerminal: run.toTerminal) {
        case .table: run.write(trends.table(style: run.style))
        case .json:
            run.write(trends.jsonDocument(filter: filter, rubrics: rubrics, diagnostics: run.diagnostics.diagnostics))
        case .csv: run.write(trends.csv)
        case .html: break
        }
        if trends.undated > 0 {
            StandardError.write(
                "callqa: \(trends.undated) call\(trends.undated == 1 ? " has" : "s have") no 'date' metadata"
                    + " (YYYY-MM-DD) and \(trends.undated == 1 ? "is" : "are") left out of the trend\n")
        }
    }
}
