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
    /// Reads a whole file.
    static func contents(path: String) throws(TranscriptError) -> [UInt8] {
        try contents(path: path, prefix: .max) { _ in true }.bytes
    }

    /// Reads the first `prefix` bytes of a file, then the rest only when
    /// `wantsRest` says so, from one opening of the file.
    ///
    /// - Returns: the bytes read, and whether they are the whole file.
    static func contents(path: String, prefix: Int, wantsRest: ([UInt8]) -> Bool) throws(TranscriptError)
        -> (bytes: [UInt8], complete: Bool)
    {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(reason: describe(errno)) }
        defer { close(descriptor) }
        let head = try drain(descriptor: descriptor, limit: prefix)
        guard head.count == prefix, wantsRest(head) else { return (head, head.count < prefix) }
        return (head + (try drain(descriptor: descriptor)), true)
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
