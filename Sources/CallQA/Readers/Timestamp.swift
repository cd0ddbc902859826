/// Reads the time forms transcripts use, in seconds.
///
/// - `hh:mm:ss`, `hh:mm:ss.fff` (also with a decimal comma, as SRT writes it)
/// - `mm:ss`, `mm:ss.f`
/// - plain seconds: `12`, `12.5`
///
/// A range joins two of them with `-`, `–`, `—`, `~` or `-->`.
public enum Timestamp {
    /// A start time with an optional end time, in seconds.
    public struct Range: Sendable, Equatable {
        /// Seconds from the start of the call.
        public var start: Double
        /// Seconds from the start of the call, for a range.
        public var end: Double?

        /// Creates a time, or a range when `end` is given.
        public init(start: Double, end: Double? = nil) {
            self.start = start
            self.end = end
        }
    }

    /// Parses one time, or returns `nil` when the text is not a time.
    public static func seconds<S: StringProtocol>(_ text: S) -> Double? {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        let fields = trimmed.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count <= 3 else { return nil }
        var total = 0.0
        for (position, field) in fields.enumerated() {
            let isLast = position == fields.count - 1
            guard let value = isLast ? decimal(field) : integer(field) else { return nil }
            // Minutes and seconds below the leading field stay under 60.
            if position > 0 && value >= 60 { return nil }
            total = total * 60 + value
        }
        return total.isFinite ? total : nil
    }

    /// Parses a time or a range of two times.
    public static func range<S: StringProtocol>(_ text: S) -> Range? {
        let text = String(text)
        for separator in ["-->", "–", "—", "~", "-"] {
            guard let found = text.range(of: separator) else { continue }
            guard let start = seconds(text[..<found.lowerBound]),
                  let end = seconds(text[found.upperBound...]) else { return nil }
            return Range(start: start, end: end)
        }
        return seconds(text).map { Range(start: $0, end: nil) }
    }

    private static func integer<S: StringProtocol>(_ field: S) -> Double? {
        guard !field.isEmpty, field.utf8.count <= 6, field.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return nil
        }
        return Double(String(field))
    }

    private static func decimal<S: StringProtocol>(_ field: S) -> Double? {
        let parts = field.split(separator: field.contains(",") ? "," : ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = integer(parts[0]) else { return nil }
        guard parts.count == 2 else { return whole }
        guard let fraction = integer(parts[1]) else { return nil }
        return whole + fraction / pow10(parts[1].utf8.count)
    }

    private static func pow10(_ exponent: Int) -> Double {
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs, line breaks and
    /// ideographic (full-width) spaces.
    func trimmingWhitespace() -> Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isTranscriptWhitespace }) else {
            return Substring()
        }
        let last = scalars.lastIndex(where: { !$0.isTranscriptWhitespace })!
        return Substring(self[first...last])
    }
}

extension Unicode.Scalar {
    /// Spaces, tabs, line breaks, no-break and ideographic spaces.
    var isTranscriptWhitespace: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x3000, 0xFEFF: true
        default: properties.isWhitespace
        }
    }
}
