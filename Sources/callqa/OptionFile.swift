import CallQA

/// A file named by an option (`--human`, `--speakers`), read whole with the
/// checks every input gets: a regular file (a named pipe would block, a
/// device never end), at most `--max-input-size` bytes, its path taken as
/// the system passed it.
enum OptionFile {
    /// The file's bytes.
    ///
    /// - Throws: ``OptionFileError`` saying why the file cannot be read: no
    ///   such file, a directory, a named pipe or device, too large.
    static func bytes(_ path: String, maximumSize: Int) throws(OptionFileError) -> [UInt8] {
        guard let pathBytes = RawArguments.bytes(of: path) else {
            throw OptionFileError(path: path, reason: RawArguments.ambiguous(path).message)
        }
        do {
            return try FileBytes.wholeFile(at: pathBytes, limit: maximumSize)
        } catch {
            // The reason alone: "cannot read" is said once, by the caller.
            let reason = if case .unreadable(let reason) = error { reason } else { error.message }
            throw OptionFileError(path: path, reason: reason)
        }
    }
}

/// Why a file named by an option cannot be read.
struct OptionFileError: Error, CustomStringConvertible {
    /// The path as given.
    var path: String
    /// What is wrong, e.g. "a directory, not a regular file".
    var reason: String

    /// `path: reason`.
    var description: String { "\(path): \(reason)" }
}
