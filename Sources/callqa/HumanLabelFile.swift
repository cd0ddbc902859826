import ArgumentParser
import Foundation

/// The `--human` label file of `calibrate` and `rubric suggest`.
enum HumanLabelFile {
    /// The file's bytes (decoded strictly by the labels reader), or a usage error naming it.
    static func bytes(at path: String) throws -> [UInt8] {
        do {
            return try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw ExitCode.usage("callqa: cannot read \(path): \(error.localizedDescription)")
        }
    }
}
