/// White space: one notion for every reader and every text helper.
///
/// White space is what Unicode's `White_Space` property names — spaces,
/// tabs, line breaks (LF, CR, VT, FF, NEL, U+2028, U+2029), the no-break,
/// ideographic and other typographic spaces — and the byte-order mark
/// U+FEFF, which editors leave inside text. The set is spelt out, as a
/// property look-up per scalar is slow.
///
/// It comes in two forms that always agree:
/// - on strings: ``Swift/Unicode/Scalar/isTranscriptWhitespace`` and
///   ``Swift/StringProtocol/trimmingWhitespace()``;
/// - on well-formed UTF-8 bytes, where readers trim lines, labels and
///   element text without making a string first: ``WhitespaceBytes``.
extension Unicode.Scalar {
    /// Whether the scalar is white space (see ``WhitespaceBytes`` for the set).
    var isTranscriptWhitespace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            true
        default: false
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space.
    ///
    /// The text is cut between characters: white space that a character
    /// joins to itself (after a prepended mark such as U+0600) stays.
    func trimmingWhitespace() -> Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isTranscriptWhitespace }) else {
            return Substring()
        }
        let last = scalars.lastIndex(where: { !$0.isTranscriptWhitespace })!
        return Substring(self[first...last])
    }
}

/// White space in well-formed UTF-8 bytes: the byte-level form of
/// ``Swift/Unicode/Scalar/isTranscriptWhitespace``.
///
/// ASCII bytes are told apart directly; every other white-space scalar is
/// encoded with a first byte of `C2`, `E1`, `E2`, `E3` or `EF`, so any other
/// first byte (Han, Latin letters with accents, …) is not looked at further.
enum WhitespaceBytes {
    /// `bytes` without leading and trailing white space.
    static func trimmed<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Bytes.SubSequence
    where Bytes.Index == Int {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, let width = width(at: start, in: bytes) { start += width }
        while end > start, let width = width(endingAt: end, in: bytes) { end -= width }
        return bytes[start..<end]
    }

    /// The width in bytes of the white-space scalar that starts at `index`,
    /// or `nil` when the scalar there is not white space.
    @inline(__always)
    static func width<Bytes: RandomAccessCollection<UInt8>>(at index: Int, in bytes: Bytes) -> Int?
    where Bytes.Index == Int {
        let lead = bytes[index]
        if lead < 0x80 { return isASCIIWhitespace(lead) ? 1 : nil }
        guard mayStartWhitespace(lead), let scalar = UTF8Scalars.scalar(at: index, in: bytes),
            scalar.isTranscriptWhitespace
        else { return nil }
        return UTF8Scalars.width(lead: lead)
    }

    /// The width in bytes of the white-space scalar that ends just before
    /// `index`, or `nil` when the scalar there is not white space.
    @inline(__always)
    static func width<Bytes: RandomAccessCollection<UInt8>>(endingAt index: Int, in bytes: Bytes) -> Int?
    where Bytes.Index == Int {
        let last = bytes[index - 1]
        if last < 0x80 { return isASCIIWhitespace(last) ? 1 : nil }
        var start = index - 1
        while start > bytes.startIndex && UTF8Scalars.isContinuation(bytes[start]) { start -= 1 }
        guard mayStartWhitespace(bytes[start]), let scalar = UTF8Scalars.scalar(at: start, in: bytes),
            scalar.isTranscriptWhitespace
        else { return nil }
        return index - start
    }

    @inline(__always)
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// Whether a scalar starting with `lead` (not ASCII) may be white space.
    @inline(__always)
    private static func mayStartWhitespace(_ lead: UInt8) -> Bool {
        lead == 0xC2 || lead == 0xE1 || lead == 0xE2 || lead == 0xE3 || lead == 0xEF
    }
}
