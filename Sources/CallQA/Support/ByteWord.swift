/// Eight bytes of text read as one 64-bit word, so that a scan can pass
/// over them at once when none of them is of interest. Each test is exact:
/// it says whether some byte of the word is the one asked for.
struct ByteWord {
    /// The eight bytes, the first in the lowest bits.
    let value: UInt64

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes from `index` on; `index + 8` must not pass the end.
    @inline(__always)
    init(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) {
        value = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
    }

    /// Whether all eight bytes are ASCII.
    @inline(__always)
    var isASCII: Bool { value & Self.highs == 0 }

    /// Whether some byte of the word is `byte`.
    @inline(__always)
    func holds(_ byte: UInt8) -> Bool {
        let differences = value ^ (Self.ones &* UInt64(byte))
        return (differences &- Self.ones) & ~differences & Self.highs != 0
    }

    /// Whether some byte of the word lies in `low...high`, both below 0x80.
    @inline(__always)
    func holdsByte(from low: UInt8, through high: UInt8) -> Bool {
        // Bytes of 0x80 and above are set aside; for the rest, adding
        // 0x7F - high sets the top bit of those above `high`, adding
        // 0x80 - low that of those from `low` on.
        let ascii = value & ~Self.highs
        let aboveHigh = ascii &+ Self.ones &* UInt64(0x7F - high)
        let fromLow = ascii &+ Self.ones &* UInt64(0x80 - low)
        return fromLow & ~aboveHigh & ~value & Self.highs != 0
    }
}
