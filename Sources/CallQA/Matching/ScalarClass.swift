/// How matching sees characters: word characters of space-separated scripts
/// (which need word boundaries), Han and other scripts without spaces, and
/// punctuation that ends a clause (and so stops a negation).
enum ScalarClass {
    /// Letters and digits of scripts written with spaces between words, and
    /// the apostrophe inside words (`don't`, `customer's`).
    @inline(__always)
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // ASCII by two masks of 64 bits: digits and `'`; letters and `_`.
        if value < 0x40 { return (0x03FF_0080_0000_0000 as UInt64) >> UInt64(value) & 1 != 0 }
        if value < 0x80 { return (0x07FF_FFFE_87FF_FFFE as UInt64) >> UInt64(value - 0x40) & 1 != 0 }
        return isWordCharacter(beyondASCII: scalar)
    }

    private static func isWordCharacter(beyondASCII scalar: Unicode.Scalar) -> Bool {
        if isUnspacedScript(scalar) || UnicodeFacts.isPunctuationWithoutLetters(scalar) { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Han, kana and other characters of scripts written without spaces
    /// (``UnicodeFacts/isWrittenWithoutSpaces(_:)``): phrases in them match
    /// as plain substrings.
    @inline(__always)
    static func isUnspacedScript(_ scalar: Unicode.Scalar) -> Bool {
        UnicodeFacts.isWrittenWithoutSpaces(scalar)
    }

    /// Punctuation that ends a clause: a negation does not reach across it.
    static func isClauseBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ",", ".", "!", "?", ";", ":", "\u{3001}", "\u{3002}", "\u{FF0C}", "\u{FF01}", "\u{FF1F}", "\u{FF1B}",
            "\u{2026}":
            true
        default:
            false
        }
    }

    /// The scalar that ends just before byte `index` of well-formed UTF-8 `bytes`.
    static func scalar(before index: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        bytes.withUnsafeBufferPointer { scalar(before: index, in: $0) }
    }

    /// The scalar that starts at byte `index` of well-formed UTF-8 `bytes`.
    static func scalar(at index: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        bytes.withUnsafeBufferPointer { scalar(at: index, in: $0) }
    }

    /// The scalar that ends just before byte `index` of well-formed UTF-8.
    static func scalar(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        UTF8Scalars.scalar(before: index, in: bytes)
    }

    /// The scalar that starts at byte `index` of well-formed UTF-8.
    static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        UTF8Scalars.scalar(at: index, in: bytes)
    }
}
