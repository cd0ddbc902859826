/// Reads the time forms transcripts use, in seconds.
///
/// - `hh:mm:ss`, `hh:mm:ss.fff` (also with a decimal comma, as SRT writes it)
/// - `mm:ss`, `mm:ss.f`
/// - plain seconds: `12`, `12.5`
///
/// A fraction has up to nine digits (.NET's `TimeSpan` writes seven:
/// `00:00:05.1234567`); minutes and seconds after the leading field are
/// below 60.
///
/// A range joins two of them with `-`, `–`, `—`, `~` or `-->`.
package enum Timestamp {
    /// A start time with an optional end time, in seconds.
    package struct Range: Sendable, Equatable {
        /// Seconds from the start of the call.
        package var start: Double
        /// Seconds from the start of the call, for a range.
        package var end: Double?

        /// Creates a time, or a range when `end` is given.
        package init(start: Double, end: Double? = nil) {
            self.start = start
            self.end = end
        }
    }

    /// Parses one time, or returns `nil` when the text is not a time.
    package static func seconds<S: StringProtocol>(_ text: S) -> Double? {
        var text = String(text)
        return text.withUTF8 { seconds(utf8: $0[...]) }
    }

    /// Parses a time or a range of two times.
    package static func range<S: StringProtocol>(_ text: S) -> Range? {
        var text = String(text)
        return text.withUTF8 { range(utf8: $0[...]) }
    }

    /// Parses a time or a range of two times from UTF-8 bytes.
    static func range(utf8 text: Slice<UnsafeBufferPointer<UInt8>>) -> Range? {
        guard let found = separator(in: text) else {
            return seconds(utf8: text).map { Range(start: $0, end: nil) }
        }
        guard let start = seconds(utf8: text[..<found.lowerBound]),
            let end = seconds(utf8: text[found.upperBound...])
        else { return nil }
        return Range(start: start, end: end)
    }

    /// The first occurrence of the range separator of highest precedence
    /// that `text` holds — "-->", then "–", "—", "~", "-" — found in one pass.
    private static func separator(in text: Slice<UnsafeBufferPointer<UInt8>>) -> Swift.Range<Int>? {
        // The first place of each separator, in order of precedence.
        var enDash = Int.max
        var emDash = Int.max
        var tilde = Int.max
        var hyphen = Int.max
        let end = text.endIndex
        var index = text.startIndex
        while index < end {
            switch text[index] {
            case 0x2D:
                if index + 3 <= end && text[index + 1] == 0x2D && text[index + 2] == 0x3E {
                    return index..<(index + 3)
                }
                hyphen = min(hyphen, index)
            case 0xE2 where index + 3 <= end && text[index + 1] == 0x80:
                if text[index + 2] == 0x93 { enDash = min(enDash, index) }
                if text[index + 2] == 0x94 { emDash = min(emDash, index) }
            case 0x7E:
                tilde = min(tilde, index)
            default: break
            }
            index += 1
        }
        if enDash != .max { return enDash..<(enDash + 3) }
        if emDash != .max { return emDash..<(emDash + 3) }
        if tilde != .max { return tilde..<(tilde + 1) }
        if hyphen != .max { return hyphen..<(hyphen + 1) }
        return nil
    }

    /// Parses one time from UTF-8 bytes.
    static func seconds(utf8 text: Slice<UnsafeBufferPointer<UInt8>>) -> Double? {
        let trimmed = WhitespaceBytes.trimmed(text)
        guard !trimmed.isEmpty else { return nil }
        var total = 0.0
        var fields = 0
        var fieldStart = trimmed.startIndex
        while true {
            let colon = trimmed[fieldStart...].firstIndex(of: UInt8(ascii: ":"))
            let field = trimmed[fieldStart..<(colon ?? trimmed.endIndex)]
            fields += 1
            guard fields <= 3 else { return nil }
            guard let value = colon == nil ? decimal(field) : integer(field) else { return nil }
            // Minutes and seconds below the leading field stay under 60.
            if fields > 1 && value >= 60 { return nil }
            total = total * 60 + value
            guard let colon else { break }
            fieldStart = colon + 1
        }
        return total.isFinite ? total : nil
    }

    /// Digits of a whole field: at most six (999,999 hours or seconds).
    private static func integer(_ field: Slice<UnsafeBufferPointer<UInt8>>, maximumDigits: Int = 6) -> Double? {
        guard !field.isEmpty, field.count <= maximumDigits else { return nil }
        var value = 0
        for byte in field {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return Double(value)
    }

    private static func decimal(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Double? {
        let mark = field.contains(UInt8(ascii: ",")) ? UInt8(ascii: ",") : UInt8(ascii: ".")
        guard let point = field.firstIndex(of: mark) else { return integer(field) }
        let fraction = field[(point + 1)...]
        guard !fraction.contains(mark), let whole = integer(field[..<point]),
            let digits = integer(fraction, maximumDigits: 9)
        else {
            return nil
        }
        return whole + digits / pow10(fraction.count)
    }

    private static func pow10(_ exponent: Int) -> Double {
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }
}
