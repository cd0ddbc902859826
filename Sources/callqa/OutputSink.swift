import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a command's results go: standard output, or a file written
/// atomically — streamed into a temporary file beside it and renamed over it
/// only when complete, so an interrupted run never leaves a half-written file
/// that looks finished.
final class OutputSink {
    private let target: URL?
    private let temporary: URL?
    private let handle: FileHandle?
    private let output = StandardOutput()
    private var buffer: [UInt8] = []

    /// A sink for standard output.
    init() {
        target = nil
        temporary = nil
        handle = nil
    }

    /// A sink for the file at `path`.
    init(path: String) throws {
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: temporary)
        else {
            throw ExitCode.usage(
                "callqa: cannot write \(path): cannot create a file in \(target.deletingLastPathComponent().path)")
        }
        self.target = target
        self.temporary = temporary
        self.handle = handle
    }

    func write(_ text: String) {
        guard let handle else { return output.write(text) }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 {
            handle.write(Data(buffer))
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Finishes the output: flushes standard output, or renames the file into place.
    func commit() throws {
        guard let handle, let target, let temporary else { return output.flush() }
        do {
            handle.write(Data(buffer))
            try handle.synchronize()
            try handle.close()
            // rename(2) replaces the target in one step: readers see the old file or the new one.
            guard rename(temporary.path, target.path) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            StandardError.write("callqa: cannot write \(target.path): \(error.localizedDescription)\n")
            throw ExitCode(ExitStatus.inputFailed)
        }
    }
}
