import ArgumentParser

/// The `--human` label file of `calibrate` and `rubric suggest`.
enum HumanLabelFile {
    /// The file's bytes (decoded strictly by the labels reader), or a usage
    /// error naming it and saying what is wrong (missing, a directory, a device
    /// or pipe, larger than `maximumSize`).
    static func bytes(at path: String, maximumSize: Int) throws -> [UInt8] {
        do {
            return try OptionFile.bytes(path, maximumSize: maximumSize)
        } catch {
            throw ExitCode.usage("callqa: cannot read \(error.description)")
        }
    }
}
