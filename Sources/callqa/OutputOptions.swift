import ArgumentParser
import CallQA
import Foundation

/// A command's output formats, as its options describe them.
protocol CommandOutput: RawRepresentable, CaseIterable, Equatable, Sendable where RawValue == String {
    /// The help of `--format`.
    static var formatHelp: String { get }
    /// The help of `--output`: what goes to the file.
    static var outputHelp: String { get }
}

extension CommandOutput {
    static var outputHelp: String { "Write to this file (atomically) instead of standard output." }
}

/// Output formats with a table and JSON: the table on a terminal and JSON
/// otherwise, unless `--format` names another.
protocol TableOrJSON: CommandOutput {
    /// The table, for people.
    static var table: Self { get }
    /// JSON, for programs.
    static var json: Self { get }
}

extension TableOrJSON {
    /// The format written when `--format` names none.
    static func byDefault(toTerminal: Bool) -> Self { toTerminal ? table : json }
}

/// `--format`: one of the command's output formats. Input formats are
/// chosen with `--input-format`; naming one here is an error that says so.
struct FormatOption<Format: CommandOutput>: ParsableArguments {
    @Option(
        name: .customLong("format"), help: ArgumentHelp(Format.formatHelp, valueName: "format"),
        transform: { try Format.parse($0) })
    var values: [Format] = []

    /// The output format named, if any.
    var format: Format? { values.first }

    func validate() throws {
        if Set(values.map(\.rawValue)).count > 1 {
            throw ValidationError(
                "--format names two output formats: \(values.map(\.rawValue).joined(separator: " and ")); give one.")
        }
    }
}

extension FormatOption where Format: TableOrJSON {
    /// The format named, else the table on a terminal and JSON otherwise.
    func resolved(toTerminal: Bool) -> Format { format ?? Format.byDefault(toTerminal: toTerminal) }
}

/// `--output`: a file to write, atomically, instead of standard output.
struct OutputFileOption<Format: CommandOutput>: ParsableArguments {
    @Option(help: ArgumentHelp(Format.outputHelp, valueName: "file"))
    var output: String?
}

/// `--jobs`: how many threads score at once.
struct JobsOption: ParsableArguments {
    // Unconditional: `--jobs -1` is a wrong number, not a missing one.
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Scoring threads (default: the number of cores; at most \(BatchScorer.jobsPerCore) per core).",
            valueName: "n"))
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs)).") }
    }

    /// The threads to score on: `--jobs`, else one per core; at most
    /// ``BatchScorer/maximumJobs``, with a note on standard error when more were asked for.
    var threads: Int {
        guard let jobs else { return ProcessInfo.processInfo.activeProcessorCount }
        let threads = BatchScorer.threads(for: jobs)
        if threads < jobs {
            StandardError.write(
                "callqa: --jobs \(jobs) is more than \(BatchScorer.jobsPerCore) threads per core;"
                    + " scoring on \(threads) threads\n")
        }
        return threads
    }
}
