/// Byte-level helpers for text already known to be well-formed UTF-8.
enum TextBytes {
    /// `bytes` without leading and trailing white space: the byte-level
    /// equivalent of `trimmingWhitespace()`, with no string made on the way.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = bytes.count
        while start < end, let scalar = ScalarClass.scalar(at: start, in: bytes), scalar.isTranscriptWhitespace {
            start += UTF8.width(scalar)
        }
        while end > start, let scalar = ScalarClass.scalar(before: end, in: bytes), scalar.isTranscriptWhitespace {
            end -= UTF8.width(scalar)
        }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }
}
