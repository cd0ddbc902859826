import ArgumentParser
import Foundation

/// Writes result files atomically: a temporary file beside the target,
/// renamed over it once complete, so an interrupted run never leaves a
/// half-written file that looks finished.
enum OutputFile {
    static func write(_ text: String, to path: String) throws {
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            if FileManager.default.fileExists(atPath: target.path) {
                _ = try FileManager.default.replaceItemAt(target, withItemAt: temporary)
            } else {
                try FileManager.default.moveItem(at: temporary, to: target)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            StandardError.write("callqa: cannot write \(path): \(error.localizedDescription)\n")
            throw ExitCode(ExitStatus.inputFailed)
        }
    }
}
