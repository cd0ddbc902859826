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

    @Argument(help: ArgumentHelp("Result files from 'callqa score --format jsonl'; '-' reads standard input.", valueName: "results"))
    var paths: [String]

    @Option(help: "Output format: table, json or csv (default: table on a terminal, json otherwise).")
    var format: OutputFormat?

    @Flag(name: .customLong("allow-mixed"), help: "Summarise results scored with different versions of a rubric together.")
    var allowMixed = false

    @Option(name: .customLong("min-calls"), help: ArgumentHelp("Agents with fewer calls are marked as too few to judge.", valueName: "n"))
    var minimumCalls: Int = AgentSummary.defaultMinimumCalls

    @Option(help: ArgumentHelp("Write the summaries to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one result file.") }
        if minimumCalls < 1 { throw ValidationError("--min-calls must be at least 1.") }
    }

    func run() throws {
        var diagnostics = DiagnosticReport()
        var summary = ScoreSummary()
        var seen: [String: [(rubric: RubricReference, source: String)]] = [:]
        let decoder = JSONDecoder()
        for path in paths {
            do {
                try LineReader.forEachLine(path: path) { number, bytes in
                    guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
                    do {
                        let record = try decoder.decode(ScoreRecord.self, from: Data(bytes))
                        summary.add(record)
                        if !(seen[record.rubric.id] ?? []).contains(where: { $0.rubric == record.rubric }) {
                            seen[record.rubric.id, default: []].append((record.rubric, path))
                        }
                    } catch {
                        diagnostics.add(Diagnostic(.error, source: path, line: number,
                                                   message: "not a result of 'callqa score --format jsonl': \(Self.reason(error))"))
                    }
                }
            } catch {
                diagnostics.add(Diagnostic(error: error, source: path))
            }
        }

        let mixed = seen.values.filter { $0.count > 1 }
        if !mixed.isEmpty && !allowMixed {
            for versions in mixed {
                let list = versions.map { "\($0.rubric.name) (sha256 \($0.rubric.sha256.prefix(12)), first in \($0.source))" }
                StandardError.write("callqa: results mix versions of rubric \(versions[0].rubric.id): "
                    + list.joined(separator: "; ") + "\n")
            }
            StandardError.write("callqa: pass --allow-mixed to summarise them together\n")
            throw ExitCode(ExitStatus.usage)
        }

        let sink = try OutputSink(path: output)
        let toTerminal = output == nil && Terminal.isTerminal(.standardOutput)
        let colour = Terminal.colour(toTerminal: toTerminal)
        switch format ?? (toTerminal ? .table : .json) {
        case .table:
            let table = ScoreTable(width: min(Terminal.columns(.standardOutput) ?? 100, 100), style: TerminalStyle(enabled: colour))
            sink.write(table.summary(summary, minimumCalls: minimumCalls, byAgent: true))
        case .json:
            sink.write(ScoreJSONStream.summaryDocument(summary, diagnostics: diagnostics.diagnostics, minimumCalls: minimumCalls))
        case .csv:
            let csv = ScoreCSV(itemIDs: summary.items.map(\.id))
            sink.write(csv.agentHeader)
            for agent in summary.agents(minimumCalls: minimumCalls) { sink.write(csv.row(for: agent)) }
        }
        try sink.commit()
        diagnostics.finish(inputs: paths.map { $0 == "-" ? .standardInput : .file($0) },
                           summary: "\(summary.calls) result\(summary.calls == 1 ? "" : "s") read")
        if diagnostics.failedSources > 0 { throw ExitCode(ExitStatus.inputFailed) }
    }

    private static func reason(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _)?: "no '\(key.stringValue)' field"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
            "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type"
        case .dataCorrupted?: "not valid JSON"
        default: "\(error)"
        }
    }
}
