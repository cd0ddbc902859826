#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Opens and reads inputs with plain POSIX calls: no Foundation overhead,
/// errors that name the cause, and nothing that can block or run without end.
///
/// Only regular files are opened: a named pipe (FIFO) would block in
/// `open()` until something writes to it, and a device such as `/dev/zero`
/// never ends. The kind of a path is checked before it is opened, and again
/// on the open descriptor, which is opened without blocking in case the path
/// changed in between. What is read into memory is bounded by a limit.
package enum FileBytes {
    /// Reads the first `prefix` bytes of an input, shows them to `wantsRest`,
    /// and reads the rest only when it says so: one opening of a file.
    ///
    /// - Parameters:
    ///   - limit: the most bytes read in all; a larger input is an error,
    ///     found before its rest is read when its size is known (a file).
    ///   - wantsRest: sees the first bytes; throws to refuse the input
    ///     (binary data, say) before more is read, and returns `false` when
    ///     the first bytes are enough (a reader that streams the file itself).
    static func contents(
        of input: TranscriptInput, prefix: Int, limit: Int,
        wantsRest: (ArraySlice<UInt8>) throws(TranscriptError) -> Bool
    ) throws(TranscriptError) -> [UInt8] {
        guard let path = input.pathBytes else {
            var bytes = try drain(descriptor: 0, limit: prefix)
            guard try wantsRest(bytes[...]) else { return bytes }
            if bytes.count > limit { throw tooLarge(size: nil, limit: limit) }
            guard bytes.count == prefix else { return bytes }
            try readRest(descriptor: 0, into: &bytes, limit: limit)
            return bytes
        }
        let (descriptor, size) = try openRegularFile(path, readsStandardInput: true)
        defer { close(descriptor) }
        var bytes = try drain(descriptor: descriptor, limit: prefix)
        guard try wantsRest(bytes[...]) else { return bytes }
        if max(size, bytes.count) > limit { throw tooLarge(size: max(size, bytes.count), limit: limit) }
        guard bytes.count == prefix else { return bytes }
        // The rest is read after the first bytes, in the same array: one copy of the input.
        try readRest(descriptor: descriptor, into: &bytes, limit: limit)
        return bytes
    }

    /// The whole of the regular file at `path`, at most `limit` bytes.
    ///
    /// - Throws: ``TranscriptError/unreadable(reason:)`` when the path is
    ///   missing, not a regular file, unreadable or larger than `limit`.
    package static func wholeFile(at path: [UInt8], limit: Int) throws(TranscriptError) -> [UInt8] {
        let (descriptor, size) = try openRegularFile(path)
        defer { close(descriptor) }
        if size > limit { throw tooLarge(size: size, limit: limit) }
        var bytes: [UInt8] = []
        try readRest(descriptor: descriptor, into: &bytes, limit: limit)
        return bytes
    }

    /// Opens the regular file at `path` for reading, and says how large it is.
    ///
    /// - Parameter readsStandardInput: whether the caller reads standard
    ///   input too (`-`): the error for a pipe or device then says to
    ///   redirect it there.
    /// - Throws: ``TranscriptError/unreadable(reason:)`` naming the cause:
    ///   no such file, no permission, or what the path is when it is not a
    ///   regular file (a directory, a named pipe, a device, a socket).
    package static func openRegularFile(
        _ path: [UInt8], readsStandardInput: Bool = false
    ) throws(TranscriptError) -> (descriptor: Int32, size: Int) {
        guard !path.contains(0) else { throw .unreadable(reason: "the path holds a NUL byte") }
        let cPath = path.map { CChar(bitPattern: $0) } + [0]
        var info = stat()
        guard stat(cPath, &info) == 0 else { throw .unreadable(reason: describe(errno)) }
        try requireRegular(info, readsStandardInput: readsStandardInput)
        // Not blocking: should the path have become a FIFO since, open() returns at once.
        var descriptor: Int32
        repeat {
            descriptor = open(cPath, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { throw .unreadable(reason: describe(errno)) }
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            throw .unreadable(reason: describe(code))
        }
        do {
            try requireRegular(info, readsStandardInput: readsStandardInput)
        } catch {
            close(descriptor)
            throw error
        }
        // Reads of a regular file do not block: the flag can stay.
        return (descriptor, Int(info.st_size))
    }

    /// What a file system object is, when it is not a regular file: `nil`
    /// for a regular file.
    package static func kind(of info: stat) -> String? {
        switch info.st_mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a directory"
        case S_IFIFO: "a named pipe (FIFO)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }

    private static func requireRegular(_ info: stat, readsStandardInput: Bool) throws(TranscriptError) {
        guard let kind = kind(of: info) else { return }
        let stream = readsStandardInput && info.st_mode & S_IFMT != S_IFDIR
        throw .unreadable(
            reason: "\(kind), not a regular file"
                + (stream ? " (to read it, give '-' and redirect it to standard input)" : ""))
    }

    /// Appends the rest of a descriptor to `bytes` (what was read of it so
    /// far), refusing more than `limit` bytes in all.
    private static func readRest(descriptor: Int32, into bytes: inout [UInt8], limit: Int) throws(TranscriptError) {
        let room = max(0, limit - bytes.count)
        // One byte more than there is room for tells an input over the limit.
        try drain(descriptor: descriptor, limit: room < .max ? room + 1 : room, into: &bytes)
        if bytes.count > limit { throw tooLarge(size: nil, limit: limit) }
    }

    /// An input over the limit, with its size when it is known.
    private static func tooLarge(size: Int?, limit: Int) -> TranscriptError {
        .unreadable(
            reason: (size.map { ByteSize.text($0) + ", " } ?? "")
                + "over the limit of \(ByteSize.text(limit)) for one input read whole (raise it with --max-input-size)")
    }

    /// Reads a descriptor to its end, or to `limit` bytes.
    static func drain(descriptor: Int32, limit: Int = .max) throws(TranscriptError) -> [UInt8] {
        var bytes: [UInt8] = []
        try drain(descriptor: descriptor, limit: limit, into: &bytes)
        return bytes
    }

    /// Appends what a descriptor holds to `bytes`, to its end or until
    /// `limit` more bytes were read. Bytes are read straight into the array:
    /// a regular file, whose size is known, takes one allocation and no copy.
    static func drain(descriptor: Int32, limit: Int, into bytes: inout [UInt8]) throws(TranscriptError) {
        var info = stat()
        let size = fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0
        let start = bytes.count
        // Room for the file (whose first bytes may be in `bytes` already) and one byte to meet its end.
        if size > 0 { bytes.reserveCapacity(start + min(limit, max(size - start, 0) + 1)) }
        while bytes.count - start < limit {
            var room = bytes.capacity - bytes.count
            if room == 0 { room = max(1 << 16, bytes.count) }
            room = min(room, limit - (bytes.count - start))
            let end = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: room))
            var readCount = 0
            repeat {
                readCount = bytes.withUnsafeMutableBufferPointer { buffer in
                    read(descriptor, buffer.baseAddress! + end, room)
                }
            } while readCount < 0 && errno == EINTR
            let failure = readCount < 0 ? errno : 0
            bytes.removeLast(room - max(readCount, 0))
            if readCount < 0 { throw .unreadable(reason: describe(failure)) }
            if readCount == 0 { break }
        }
    }

    /// The system's description of an error number, in lower case.
    package static func describe(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
