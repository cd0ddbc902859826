import ArgumentParser
import CallQA

/// What every command does around its work: its output goes one way — to
/// standard output, or to the `--output` file, replaced atomically when the
/// run finishes — its diagnostics go to standard error as they come, and it
/// ends with the exit status they call for.
final class CommandRun {
    private var sink = OutputSink()
    private var committed = false
    private var writesFile = false
    private var failed = false
    /// Every diagnostic reported so far, and the inputs that failed.
    private(set) var diagnostics = DiagnosticReport()

    /// A run writing to standard output.
    init() {}

    /// Whether the output goes to a terminal (standard output, not a file).
    var toTerminal: Bool { !writesFile && Terminal.isTerminal(.standardOutput) }

    /// Whether to colour the output: on a terminal, unless `NO_COLOR` is set.
    var colour: Bool { Terminal.colour(toTerminal: toTerminal) }

    /// Terminal styles, on when the output is coloured.
    var style: TerminalStyle { TerminalStyle(enabled: colour) }

    /// Sends the output to the file at `path` instead of standard output
    /// (nothing changes when `path` is `nil`); call it before writing.
    ///
    /// - Parameters:
    ///   - option: the option that named the file, for messages.
    ///   - inputs: the files the run reads, which the output must not replace.
    /// - Throws: exit status 2 when the file is one of `inputs`, a
    ///   directory, or no file can be made there.
    func send(to path: String?, option: String = "--output", reading inputs: [TranscriptInput]) throws {
        guard let path else { return }
        do {
            let target = try OutputTarget(path: path)
            try target.refuseInputs(inputs, option: option)
            sink = OutputSink(try OutputFile(target))
        } catch {
            throw ExitCode.usage(error.description)
        }
        writesFile = true
    }

    /// Refuses, before any work, output options that name a file the run
    /// reads, a directory, or the same file as another of them.
    ///
    /// - Throws: exit status 2, after saying which.
    static func checkOutputs(_ outputs: [(option: String, path: String?)], reading inputs: [TranscriptInput]) throws {
        do {
            try OutputTarget.refuseSame(outputs)
            for case (let option, let path?) in outputs {
                try OutputTarget(path: path).refuseInputs(inputs, option: option)
            }
        } catch {
            throw ExitCode.usage(error.description)
        }
    }

    /// Adds text to the output.
    func write(_ text: String) {
        sink.write(text)
    }

    /// Prints a diagnostic on standard error and keeps it for the output and the exit status.
    func report(_ diagnostic: Diagnostic) {
        diagnostics.add(diagnostic)
    }

    /// Prints a message on standard error; the run will end with exit status 1.
    func fail(_ message: String) {
        StandardError.write(message + "\n")
        failed = true
    }

    /// Marks the run failed (exit status 1) without a message.
    func markFailed() {
        failed = true
    }

    /// Finishes the output: flushes standard output, or puts the file in place.
    func commit() throws {
        guard !committed else { return }
        committed = true
        try sink.commit()
    }

    /// Finishes the output, and ends the run: exit status 1 when any input
    /// (or anything else) failed, after saying how many inputs failed when
    /// `summary` names what was done with the rest.
    ///
    /// - Parameters:
    ///   - inputs: the inputs that were read, failed ones included.
    ///   - summary: what was done with the inputs that did not fail, e.g. "12 calls read".
    func finish(inputs: [TranscriptInput] = [], summary: String? = nil) throws {
        try commit()
        if let summary { diagnostics.finish(inputs: inputs, summary: summary) }
        if failed || diagnostics.failedSources > 0 { throw ExitCode(ExitStatus.inputFailed) }
    }
}

extension ExitCode {
    /// Exit status 2, after `message` on standard error: a usage error, or a
    /// rubric or file the command cannot work with.
    static func usage(_ message: String) -> ExitCode {
        StandardError.write(message + "\n")
        return ExitCode(ExitStatus.usage)
    }
}
