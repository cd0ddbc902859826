import ArgumentParser

/// The `--human` label file of `calibrate` and `rubric suggest`.
enum HumanLabelFile {
    /// The file's text, or a usage error naming it and saying what is wrong
    /// (missing, a directory, a device or pipe, larger than `maximumSize`).
    static func text(at path: String, maximumSize: Int) throws -> String {
        do {
            return String(decoding: try OptionFile.bytes(path, maximumSize: maximumSize), as: UTF8.self)
        } catch {
            throw ExitCode.usage("callqa: cannot read \(error.description)")
        }
    }
}
