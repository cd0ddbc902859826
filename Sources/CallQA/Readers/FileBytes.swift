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
            let head = try drain(descriptor: 0, limit: prefix)
            guard try wantsRest(head[...]) else { return head }
            if head.count > limit { throw tooLarge(size: nil, limit: limit) }
            guard head.count == prefix else { return head }
            return head + (try rest(descriptor: 0, after: head.count, limit: limit))
        }
        let (descriptor, size) = try openRegularFile(path, readsStandardInput: true)
        defer { close(descriptor) }
        let head = try drain(descriptor: descriptor, limit: prefix)
        guard try wantsRest(head[...]) else { return head }
        if max(size, head.count) > limit { throw tooLarge(size: max(size, head.count), limit: limit) }
        guard head.count == prefix else { return head }
        return head + (try rest(descriptor: descriptor, after: head.count, limit: limit))
    }

    /// The whole of the regular file at `path`, at most `limit` bytes.
    ///
    /// - Throws: ``TranscriptError/unreadable(reason:)`` when the path is
    ///   missing, not a regular file, unreadable or larger than `limit`.
    package static func wholeFile(at path: [UInt8], limit: Int) throws(TranscriptError) -> [UInt8] {
        let (descriptor, size) = try openRegularFile(path)
        defer { close(descriptor) }
        if size > limit { throw tooLarge(size: size, limit: limit) }
        return try rest(descriptor: descriptor, after: 0, limit: limit)
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

    /// The rest of a descriptor after `count` bytes were read, refusing more
    /// than `limit` bytes in all.
    private static func rest(descriptor: Int32, after count: Int, limit: Int) throws(TranscriptError) -> [UInt8] {
        let room = max(0, limit - count)
        // One byte more than there is room for tells an input over the limit.
        let bytes = try drain(descriptor: descriptor, limit: room < .max ? room + 1 : room)
        if bytes.count > room { throw tooLarge(size: nil, limit: limit) }
        return bytes
    }

    /// An input over the limit, with its size when it is known.
    private static func tooLarge(size: Int?, limit: Int) -> TranscriptError {
        .unreadable(
            reason: (size.map { ByteSize.text($0) + ", " } ?? "")
                + "over the limit of \(ByteSize.text(limit)) for one input read whole (raise it with --max-input-size)")
    }

    /// Reads a descriptor to its end, or to `limit` bytes.
    static func drain(descriptor: Int32, limit: Int = .max) throws(TranscriptError) -> [UInt8] {
        // A regular file says how large it is: one read, no growing.
        var info = stat()
        let size = fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0
        var capacity = max(1, min(limit, max(size + 1, 1 << 16)))
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 1)
        defer { buffer.deallocate() }
        var count = 0
        while count < limit {
            if count == capacity {
                let larger = UnsafeMutableRawBufferPointer.allocate(
                    byteCount: capacity > limit / 2 ? limit : capacity * 2, alignment: 1)
                larger.copyMemory(from: UnsafeRawBufferPointer(buffer))
                buffer.deallocate()
                buffer = larger
                capacity = larger.count
            }
            var readCount = 0
            repeat {
                readCount = read(descriptor, buffer.baseAddress! + count, capacity - count)
            } while readCount < 0 && errno == EINTR
            if readCount < 0 { throw .unreadable(reason: describe(errno)) }
            if readCount == 0 { break }
            count += readCount
        }
        return [UInt8](UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
    }

    /// The system's description of an error number, in lower case.
    package static func describe(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
