/// Cells of the CSV files CallQA writes (RFC 4180), safe to open in a
/// spreadsheet and to print on a terminal. Every CSV writer makes its cells
/// here.
///
/// - **Formulas are neutralised** as OWASP's CSV-injection guidance says: a
///   cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
///   gets a leading `'`, so a spreadsheet shows it as text instead of
///   running it (`=HYPERLINK(…)` becomes `'=HYPERLINK(…)`). A cell that is
///   only a number (`-12.5`, `1e-3`) is left as it is.
/// - Control characters other than tab, line feed and carriage return are
///   shown visibly, as on a terminal (``TerminalText``).
/// - A cell holding a comma, a quote or a line break is quoted, its quotes
///   doubled.
package enum CSVText {
    /// One cell, ready to be joined with commas.
    package static func cell(_ text: String) -> String {
        var field = text
        if field.unicodeScalars.contains(where: { isHidden($0) }) {
            var shown = ""
            for scalar in field.unicodeScalars {
                if isHidden(scalar) {
                    shown += TerminalText.visible(scalar)
                } else {
                    shown.unicodeScalars.append(scalar)
                }
            }
            field = shown
        }
        if let first = field.unicodeScalars.first, formulaStarts.contains(first), !isNumber(field) {
            field = "'" + field
        }
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A row of cells, with its CRLF line break.
    package static func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }

    /// The first characters that make a spreadsheet read a cell as a formula.
    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\t" && scalar != "\n" && scalar != "\r" && TerminalText.needsEscape(scalar)
    }

    /// Whether `text` is a plain decimal number: an optional sign, digits
    /// with an optional fraction, an optional exponent.
    private static func isNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        func digits() -> Int {
            var count = 0
            while let next = scalars.first, ("0"..."9").contains(next) {
                scalars = scalars.dropFirst()
                count += 1
            }
            return count
        }
        if scalars.first == "-" || scalars.first == "+" { scalars = scalars.dropFirst() }
        var count = digits()
        if scalars.first == "." {
            scalars = scalars.dropFirst()
            count += digits()
        }
        guard count > 0 else { return false }
        if scalars.first == "e" || scalars.first == "E" {
            scalars = scalars.dropFirst()
            if scalars.first == "-" || scalars.first == "+" { scalars = scalars.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return scalars.isEmpty
    }
}
