/// What a speaking rate counts, and what a speaker takes time to say: each
/// ideograph (a Han character, ``UnicodeFacts/isIdeograph(_:)``) is one unit,
/// each word of letters or digits is one, an apostrophe inside a word
/// (`don't`, `customer’s`) keeping it one. Punctuation and white space count
/// nothing.
///
/// ```swift
/// SpeechUnits.count(in: "您好，请问有什么可以帮您？")  // 11
/// SpeechUnits.count(in: "I'm checking the bill now")  // 5
/// SpeechUnits.count(in: "您的VIP卡")                  // 4: three characters and a word
/// ```
package enum SpeechUnits {
    /// What a scalar is to the count.
    private enum Kind: UInt8 {
        /// Punctuation, white space, symbols: counts nothing, ends a word.
        case other
        /// One unit by itself.
        case ideograph
        /// Part of a word of letters or digits.
        case wordCharacter
        /// An apostrophe: inside a word, keeps it one word.
        case apostrophe
    }

    /// The kind of a scalar, from its Unicode properties.
    private static func kind(of scalar: Unicode.Scalar) -> Kind {
        if UnicodeFacts.isIdeograph(scalar) { return .ideograph }
        if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { return .wordCharacter }
        if scalar == "'" || scalar == "’" { return .apostrophe }
        return .other
    }

    /// The blocks Chinese and English punctuation come from, looked up once:
    /// General Punctuation (U+2000–U+206F), CJK Symbols and Punctuation with
    /// the kana (U+3000–U+30FF), the half- and full-width forms (U+FF00–U+FFEF).
    private static let tabled: [ClosedRange<UInt32>] = [0x2000...0x206F, 0x3000...0x30FF, 0xFF00...0xFFEF]
    private static let table: [[Kind]] = tabled.map { range in
        range.map { Unicode.Scalar($0).map(kind(of:)) ?? .other }
    }

    /// The kind of a scalar above ASCII, by its value.
    private static func kind(ofNonASCII value: UInt32) -> Kind {
        // Every code point of the CJK unified ideographs block is an ideograph.
        if value >= 0x4E00 && value <= 0x9FFF { return .ideograph }
        for (range, kinds) in zip(tabled, table) where range.contains(value) {
            return kinds[Int(value - range.lowerBound)]
        }
        return Unicode.Scalar(value).map(kind(of:)) ?? .other
    }

    /// The units spoken in `text`.
    package static func count(in text: String) -> Int {
        var text = text
        return text.withUTF8(count(inUTF8:))
    }

    /// The units spoken in well-formed UTF-8.
    private static func count(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var inWord = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            // Fast path, the same answers without a Unicode property look-up: ASCII.
            if byte < 0x80 {
                if (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) {
                    if !inWord { count += 1 }
                    inWord = true
                } else if !(inWord && byte == 0x27) {
                    inWord = false
                }
                index += 1
                continue
            }
            // Most Chinese, the CJK unified ideographs: counted without decoding.
            if byte >= 0xE4 && byte <= 0xE9 && UTF8Scalars.isCommonHan(lead: byte, second: bytes[index + 1]) {
                count += 1
                inWord = false
                index += 3
                continue
            }
            // A String's UTF-8 is well-formed: every scalar is whole.
            let (value, width) = UTF8Scalars.decode(at: index, in: bytes)
            index += width
            switch kind(ofNonASCII: value) {
            case .ideograph:
                count += 1
                inWord = false
            case .wordCharacter:
                if !inWord { count += 1 }
                inWord = true
            case .apostrophe:
                break
            case .other:
                inWord = false
            }
        }
        return count
    }
}
