import ArgumentParser
import CallQA
import Foundation

/// Where a command's results go: standard output, or an ``OutputFile`` —
/// written atomically, so an interrupted or failed run never leaves a
/// half-written file that looks finished. Either way a write error (a full
/// disk, `/dev/full`) is an error when the output is finished, never a
/// silently short output.
final class OutputSink {
    private let file: OutputFile?
    private let output = StandardOutput()
    private var buffer: [UInt8] = []

    /// A sink for standard output.
    init() {
        file = nil
    }

    /// A sink for a file.
    init(_ file: OutputFile) {
        self.file = file
    }

    func write(_ text: String) {
        guard let file else { return output.write(text) }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 {
            file.write(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Finishes the output: flushes standard output, or puts the file in place.
    ///
    /// - Throws: exit status 1, after a message, when writing failed; when
    ///   the reader of standard output has gone (a closed pipe), without one.
    func commit() throws {
        guard let file else {
            output.flush()
            switch output.failure {
            case 0: return
            case EPIPE: throw ExitCode(ExitStatus.inputFailed)
            case let code:
                StandardError.write("callqa: cannot write standard output: \(FileBytes.describe(code))\n")
                throw ExitCode(ExitStatus.inputFailed)
            }
        }
        file.write(buffer)
        buffer = []
        do {
            try file.commit()
        } catch {
            StandardError.write(error.description + "\n")
            throw ExitCode(error.status)
        }
    }
}
