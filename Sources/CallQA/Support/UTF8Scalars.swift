/// Unicode scalars read straight out of well-formed UTF-8 bytes, without
/// making a `String`: the one UTF-8 decoder of the readers, the normaliser
/// and the matcher.
///
/// The bytes must be well-formed UTF-8 (validated input, a `String`'s UTF-8,
/// normalised text); ``TextDecoding`` is what checks input first.
enum UTF8Scalars {
    /// The value and width in bytes of the scalar that starts at `index`.
    ///
    /// Does not check that the whole scalar lies inside `bytes`: for well-formed
    /// UTF-8 it always does. Use ``scalar(at:in:)`` where that is not known.
    @inline(__always)
    static func decode<Bytes: RandomAccessCollection<UInt8>>(at index: Int, in bytes: Bytes) -> (
        value: UInt32, width: Int
    )
    where Bytes.Index == Int {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead < 0xE0 { return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return (
                UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3
            )
        }
        return (
            UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F), 4
        )
    }

    /// Whether the three-byte scalar that starts with `lead`, then `second`,
    /// is in U+4E00–U+9FFF, the CJK unified ideographs (most Chinese text):
    /// leads E5–E9, or E4 followed by B8–BF.
    @inline(__always)
    static func isCommonHan(lead: UInt8, second: UInt8) -> Bool {
        (lead >= 0xE5 && lead <= 0xE9) || (lead == 0xE4 && second >= 0xB8)
    }

    /// How many bytes the scalar whose UTF-8 starts with `lead` takes.
    @inline(__always)
    static func width(lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// Whether `byte` continues a scalar rather than starting one.
    @inline(__always)
    static func isContinuation(_ byte: UInt8) -> Bool {
        byte & 0xC0 == 0x80
    }

    /// The scalar that starts at byte `index`; `nil` past the end, or when
    /// the bytes end inside it.
    @inline(__always)
    static func scalar<Bytes: RandomAccessCollection<UInt8>>(at index: Int, in bytes: Bytes) -> Unicode.Scalar?
    where Bytes.Index == Int {
        guard index < bytes.endIndex else { return nil }
        guard index + width(lead: bytes[index]) <= bytes.endIndex else { return nil }
        return Unicode.Scalar(decode(at: index, in: bytes).value)
    }

    /// The scalar that ends just before byte `index`; `nil` at the start.
    @inline(__always)
    static func scalar<Bytes: RandomAccessCollection<UInt8>>(before index: Int, in bytes: Bytes) -> Unicode.Scalar?
    where Bytes.Index == Int {
        guard index > bytes.startIndex else { return nil }
        var start = index - 1
        while start > bytes.startIndex && isContinuation(bytes[start]) { start -= 1 }
        return scalar(at: start, in: bytes)
    }

    /// How many scalars `bytes` hold: every byte that is not a continuation
    /// byte starts one.
    static func count(in bytes: some Sequence<UInt8>) -> Int {
        var count = 0
        for byte in bytes where !isContinuation(byte) { count += 1 }
        return count
    }
}
