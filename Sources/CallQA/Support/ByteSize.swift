/// Sizes in bytes as the command line takes them and messages write them.
///
/// ```swift
/// ByteSize.parse("256M")        // 268_435_456
/// ByteSize.parse("1.5G")        // nil: whole numbers only
/// ByteSize.text(268_435_456)    // "256 MiB"
/// ByteSize.text(3_221_225_472)  // "3 GiB"
/// ByteSize.text(1_500)          // "1.5 KiB"
/// ByteSize.text(900)            // "900 bytes"
/// ```
package enum ByteSize {
    /// The multiples a size may end with, powers of 1024.
    private static let units: [(suffixes: [String], factor: Int)] = [
        (["k", "kb", "kib"], 1 << 10), (["m", "mb", "mib"], 1 << 20), (["g", "gb", "gib"], 1 << 30),
        (["t", "tb", "tib"], 1 << 40),
    ]

    /// A size written as a whole number of bytes, optionally followed by `K`,
    /// `M`, `G` or `T` (powers of 1024; `KB`, `KiB` and so on too, in any
    /// case); `nil` when it is not such a size, is below 1 byte, or does not
    /// fit in an `Int`.
    package static func parse(_ text: String) -> Int? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int(digits), number > 0 else { return nil }
        let suffix = text.dropFirst(digits.count).lowercased()
        if suffix.isEmpty || suffix == "b" { return number }
        guard let unit = units.first(where: { $0.suffixes.contains(suffix) }) else { return nil }
        let (product, overflow) = number.multipliedReportingOverflow(by: unit.factor)
        return overflow ? nil : product
    }

    /// A size for people: in the largest binary unit it is a whole number
    /// of, else to one decimal of the largest unit below it (`256 MiB`,
    /// `3.2 GiB`), and below 1 KiB in bytes.
    package static func text(_ bytes: Int) -> String {
        for (name, factor) in [("TiB", 1 << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
        where bytes >= factor {
            if bytes % factor == 0 { return "\(bytes / factor) \(name)" }
            return "\(NumberText.fixed(Double(bytes) / Double(factor), places: 1)) \(name)"
        }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }
}
