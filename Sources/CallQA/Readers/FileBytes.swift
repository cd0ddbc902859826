#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads whole files and streams with plain POSIX calls: no Foundation
/// overhead, and errors that name the cause.
enum FileBytes {
    /// Reads the first `prefix` bytes of an input, shows them to `wantsRest`,
    /// and reads the rest only when it says so: one opening of a file.
    /// Standard input, which cannot be read twice, is read whole at once, and
    /// `wantsRest` is shown its first bytes all the same.
    static func contents(
        of input: TranscriptInput, prefix: Int,
        wantsRest: (ArraySlice<UInt8>) -> Bool
    ) throws(TranscriptError) -> [UInt8] {
        guard case .file(let path) = input else {
            let bytes = try drain(descriptor: 0)
            _ = wantsRest(bytes.prefix(prefix))
            return bytes
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(reason: describe(errno)) }
        defer { close(descriptor) }
        let head = try drain(descriptor: descriptor, limit: prefix)
        guard wantsRest(head[...]), head.count == prefix else { return head }
        return head + (try drain(descriptor: descriptor))
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
                let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: min(limit, capacity * 2), alignment: 1)
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

    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
