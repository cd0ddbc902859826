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
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(reason: describe(errno)) }
        defer { close(descriptor) }
        return try drain(descriptor: descriptor)
    }

    /// Reads the first bytes of a file, for format detection.
    static func prefix(path: String, count: Int) throws(TranscriptError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(reason: describe(errno)) }
        defer { close(descriptor) }
        return try drain(descriptor: descriptor, limit: count)
    }

    /// Reads a descriptor to its end, or to `limit` bytes.
    static func drain(descriptor: Int32, limit: Int = .max) throws(TranscriptError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = min(limit, 1 << 16)
        while bytes.count < limit {
            let old = bytes.count
            let want = min(chunk, limit - old)
            bytes.reserveCapacity(old + want)
            var readCount = 0
            var failure: Int32 = 0
            bytes.append(contentsOf: repeatElement(0, count: want))
            bytes.withUnsafeMutableBufferPointer { buffer in
                repeat {
                    readCount = read(descriptor, buffer.baseAddress! + old, want)
                } while readCount < 0 && errno == EINTR
                if readCount < 0 { failure = errno }
            }
            if readCount < 0 {
                throw .unreadable(reason: describe(failure))
            }
            bytes.removeLast(want - readCount)
            if readCount == 0 { break }
            chunk = min(chunk * 2, 1 << 24)
        }
        return bytes
    }

    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
