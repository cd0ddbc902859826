#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file line by line in bounded memory (for JSON Lines results).
package enum LineReader {
    /// Calls `body` with each line's 1-based number and bytes (without the
    /// line break), reading the input in chunks. A line longer than
    /// `maximumLength` is not held: `overLimit` gets its number, and the
    /// rest of the input is not read (it may never end: `/dev/zero`).
    ///
    /// - Throws: ``TranscriptError/unreadable(reason:)`` when the input
    ///   cannot be read or is not a regular file (standard input excepted).
    package static func forEachLine(
        _ input: TranscriptInput, maximumLength: Int, overLimit: (Int) -> Void,
        _ body: (Int, ArraySlice<UInt8>) -> Void
    ) throws(TranscriptError) {
        var descriptor: Int32 = 0
        if let path = input.pathBytes {
            descriptor = try FileBytes.openRegularFile(path, readsStandardInput: true).descriptor
        }
        defer { if descriptor != 0 { close(descriptor) } }
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var number = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(reason: FileBytes.describe(errno))
            }
            if count == 0 { break }
            pending.append(contentsOf: chunk[0..<count])
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                number += 1
                var end = newline
                if end > start && pending[end - 1] == 0x0D { end -= 1 }
                guard end - start <= maximumLength else { return overLimit(number) }
                body(number, pending[start..<end])
                start = newline + 1
            }
            pending.removeSubrange(..<start)
            if pending.count > maximumLength { return overLimit(number + 1) }
        }
        if !pending.isEmpty {
            number += 1
            body(number, pending[...])
        }
    }
}
