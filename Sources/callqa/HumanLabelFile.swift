import ArgumentParser
import Foundation

/// The `--human` label file of `calibrate` and `rubric suggest`.
enum HumanLabelFile {
    /// The file's text, or a usage error naming it.
    static func text(at path: String) throws -> String {
        do {
            return try String(decoding: Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        } catch {
            throw ExitCode.usage("callqa: cannot read \(path): \(error.localizedDescription)")
        }
    }
}
