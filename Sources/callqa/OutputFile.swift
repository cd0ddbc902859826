import CallQA
import Foundation

/// One output file being written, so that it is either complete or left as
/// it was.
///
/// A regular file, or one that does not exist yet, is written to a hidden
/// temporary file beside it (`.NAME.PID.tmp`), flushed to disk, and renamed
/// over it only when complete: readers see the old file or the new one. The
/// new file keeps the mode (and, where allowed, the owner) of the file it
/// replaces; a symbolic link is followed, so the file it leads to is
/// replaced and the link kept. A device or pipe (`/dev/null`, `/dev/stdout`)
/// is written in place. Every write error is kept and reported by
/// ``commit()``, and the temporary file is then removed; it is also removed
/// when the run ends by a signal or without committing.
final class OutputFile {
    /// Where the output goes.
    let target: OutputTarget
    private var descriptor: Int32
    private let temporary: String?
    private let slot: Int?
    /// The error number of the first write that failed; 0 while none has.
    private var failure: Int32 = 0
    private var finished = false

    /// Opens the output: creates its temporary file (removing stale ones of
    /// earlier runs), or opens the device or pipe it names.
    ///
    /// - Throws: ``OutputError`` (exit status 2) when no file can be made there.
    init(_ target: OutputTarget) throws(OutputError) {
        self.target = target
        if target.writtenInPlace {
            temporary = nil
            slot = nil
            if let own = target.descriptor {
                descriptor = dup(own)
            } else {
                descriptor = open(target.destination, O_WRONLY | O_CLOEXEC | O_NOCTTY)
            }
            guard descriptor >= 0 else {
                throw OutputError(path: target.given, reason: FileBytes.describe(errno), status: ExitStatus.usage)
            }
            return
        }
        let (folder, name) = Self.split(target.destination)
        TemporaryFiles.removeStale(in: folder, name: name)
        let temporary = (folder == "/" ? "/" : folder + "/") + TemporaryFiles.name(for: name)
        // One left by an earlier process with this process's number is stale too.
        unlink(temporary)
        slot = TemporaryFiles.register(temporary)
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            let reason = FileBytes.describe(errno)
            TemporaryFiles.unregister(slot)
            throw OutputError(
                path: target.given, reason: "cannot create a file in \(folder): \(reason)", status: ExitStatus.usage)
        }
        self.temporary = temporary
        if let existing = target.existing {
            // The file replaced keeps its mode: a private file stays private.
            _ = fchown(descriptor, existing.st_uid, existing.st_gid)
            fchmod(descriptor, existing.st_mode & 0o777)
        }
    }

    /// Writes bytes; after a failure, nothing more is written.
    func write(_ bytes: [UInt8]) {
        guard failure == 0, !finished else { return }
        failure = Descriptor.writeAll(bytes, to: descriptor)
    }

    /// Finishes the output: flushes it to disk and renames it into place.
    ///
    /// - Throws: ``OutputError`` (exit status 1) when any write failed; the
    ///   temporary file is then removed and the old file left as it was.
    func commit() throws(OutputError) {
        guard !finished else { return }
        finished = true
        if failure == 0 && temporary != nil && fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        descriptor = -1
        if failure == 0, let temporary, rename(temporary, target.destination) != 0 { failure = errno }
        defer { TemporaryFiles.unregister(slot) }
        guard failure != 0 else { return }
        if let temporary { unlink(temporary) }
        let kept =
            temporary == nil ? "" : target.existing == nil ? "; nothing was written" : "; the file was left as it was"
        throw OutputError(
            path: target.given, reason: FileBytes.describe(failure) + kept, status: ExitStatus.inputFailed)
    }

    /// Gives up the output: the temporary file is removed, the file left as it was.
    func abandon() {
        guard !finished else { return }
        finished = true
        close(descriptor)
        if let temporary { unlink(temporary) }
        TemporaryFiles.unregister(slot)
    }

    deinit { abandon() }

    /// A path's folder (`.` when it has none) and last component.
    private static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = path[..<slash]
        return (folder.isEmpty ? "/" : String(folder), String(path[path.index(after: slash)...]))
    }
}
