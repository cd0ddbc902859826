import CallQA
import Foundation

/// The file an output option names, found before anything is written: the
/// file a symbolic link leads to, whether it exists and what it is, and
/// whether it is one the run reads.
struct OutputTarget {
    /// The path as given, for messages.
    let given: String
    /// The path written: the given one, or where its symbolic links lead.
    let destination: String
    /// The file there now, if any (after links).
    let existing: stat?
    /// Whether the file is written in place rather than replaced.
    private let inPlace: Bool

    /// Finds where `path` leads.
    ///
    /// - Throws: ``OutputError`` for a directory, and for a symbolic link
    ///   that leads nowhere (which file to make is not clear).
    init(path: String) throws(OutputError) {
        given = path
        // A name that is not UTF-8 would be written under its decoded form: another file.
        guard RawArguments.bytes(of: path) == Array(path.utf8) else {
            throw OutputError(
                path: path, reason: "the path is not UTF-8: name the output in UTF-8", status: ExitStatus.usage)
        }
        var link = stat()
        guard lstat(path, &link) == 0 else {
            destination = path
            existing = nil
            inPlace = false
            return
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = FileBytes.describe(errno)
            throw OutputError(
                path: path, reason: "a symbolic link to a file that does not exist (\(reason))",
                status: ExitStatus.usage)
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw OutputError(path: path, reason: "a directory", status: ExitStatus.usage)
        }
        // A regular file through a link is replaced where it is; anything else,
        // and a descriptor named as a file (/dev/stdout), is written in place.
        inPlace = info.st_mode & S_IFMT != S_IFREG || Self.namesDescriptor(path)
        if link.st_mode & S_IFMT == S_IFLNK && !inPlace {
            guard let resolved = realpath(path, nil) else {
                throw OutputError(path: path, reason: FileBytes.describe(errno), status: ExitStatus.usage)
            }
            destination = String(cString: resolved)
            free(resolved)
        } else {
            destination = path
        }
        existing = info
    }

    /// The file's device and inode, when it exists.
    var identity: FileIdentity? { existing.map(FileIdentity.init) }

    /// Whether the file is written in place rather than replaced: a device
    /// or a pipe (`/dev/null`), which renaming a file over would destroy, and
    /// an open descriptor named as a file (`/dev/stdout`, `/dev/fd/3`), which
    /// the caller may have opened to append.
    var writtenInPlace: Bool { inPlace }

    /// The open descriptor of this process a path names (`/dev/stdout`,
    /// `/dev/fd/3`), written to as it is — appending when it appends.
    var descriptor: Int32? { Self.descriptor(named: given) }

    private static func namesDescriptor(_ path: String) -> Bool { descriptor(named: path) != nil }

    private static func descriptor(named path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }

    /// The destination as an absolute path with its folder's links resolved:
    /// two paths to one file that does not exist yet compare equal.
    var canonical: String {
        let url = URL(fileURLWithPath: destination)
        let folder = url.deletingLastPathComponent().path
        guard let resolved = realpath(folder, nil) else { return url.standardized.path }
        defer { free(resolved) }
        return URL(fileURLWithPath: String(cString: resolved)).appendingPathComponent(url.lastPathComponent).path
    }

    /// Whether this and `other` are the same file.
    func isSameFile(as other: OutputTarget) -> Bool {
        if let identity, let otherIdentity = other.identity { return identity == otherIdentity }
        return canonical == other.canonical
    }

    /// Refuses an output that is one of the files the run reads: writing it
    /// would replace what is being read.
    ///
    /// - Parameter option: the option naming the output, for the message.
    func refuseInputs(_ inputs: [TranscriptInput], option: String) throws(OutputError) {
        guard let identity, !writtenInPlace else { return }
        if let input = inputs.first(where: { FileIdentity(of: $0) == identity }) {
            let same = input.description == given ? "" : " (\(input.description))"
            throw OutputError(
                path: given,
                reason: "\(option) names a file this run reads\(same): writing it would replace it; give another file",
                status: ExitStatus.usage)
        }
    }

    /// Refuses two output options naming the same file: one would replace the other.
    static func refuseSame(_ outputs: [(option: String, path: String?)]) throws(OutputError) {
        var seen: [(option: String, target: OutputTarget)] = []
        for case (let option, let path?) in outputs {
            let target = try OutputTarget(path: path)
            if let earlier = seen.first(where: { $0.target.isSameFile(as: target) && !target.writtenInPlace }) {
                throw OutputError(
                    path: path, reason: "\(earlier.option) and \(option) name the same file: give two files",
                    status: ExitStatus.usage)
            }
            seen.append((option, target))
        }
    }
}

/// A file by its device and inode: the same file whatever the path to it.
struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    init(_ info: stat) {
        device = UInt64(truncatingIfNeeded: info.st_dev)
        inode = UInt64(truncatingIfNeeded: info.st_ino)
    }

    /// The identity of an input's file (for standard input, of the file
    /// redirected to it); `nil` when there is none.
    init?(of input: TranscriptInput) {
        var info = stat()
        if let path = input.pathBytes {
            guard stat(path.map { CChar(bitPattern: $0) } + [0], &info) == 0 else { return nil }
        } else {
            guard fstat(0, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        }
        self.init(info)
    }
}

/// Why an output cannot be written.
struct OutputError: Error, CustomStringConvertible {
    /// The path as given.
    var path: String
    /// What went wrong.
    var reason: String
    /// The exit status it calls for: 2 when the output was refused before
    /// any work, 1 when writing failed.
    var status: Int32

    /// `cannot write PATH: REASON`.
    var message: String { "cannot write \(path): \(reason)" }

    /// `callqa: cannot write PATH: REASON`.
    var description: String { "callqa: " + message }
}
