/// Text from transcripts, rubrics and label files made safe to print on a
/// terminal: every writer of text for people (tables, explanations, reports,
/// diagnostics) passes the words it did not write itself through here, so
/// that a call id, a header or a turn cannot move the cursor, restyle the
/// terminal, set its title or write to the clipboard (ESC, CSI, OSC 52).
///
/// - C0 control characters (U+0000–U+001F) are shown as their Control
///   Pictures sign, one column each: ESC as `␛`, tab as `␉`, carriage
///   return as `␍`; DEL as `␡`. A line feed is kept as a line break where
///   the text is laid out in lines (``visible(_:keepingLineBreaks:)``), and
///   shown as `␊` otherwise.
/// - C1 control characters (U+0080–U+009F, among them the 8-bit CSI U+009B),
///   the bidirectional formatting characters (U+200E, U+200F,
///   U+202A–U+202E, U+2066–U+2069) and the line and paragraph separators
///   (U+2028, U+2029) are shown as `\u{…}`.
///
/// ```swift
/// TerminalText.visible("call\u{1B}]52;c;aGk=\u{07}")  // "call␛]52;c;aGk=␇"
/// TerminalText.visible("a\u{202E}b")                  // "a\u{202E}b", written out
/// ```
package enum TerminalText {
    /// `text` with every control and bidirectional formatting character made
    /// visible; with `keepingLineBreaks`, line feeds stay line breaks.
    package static func visible(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLineBreaks: keepingLineBreaks) }) else {
            return text
        }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            append(scalar, to: &result, keepingLineBreaks: keepingLineBreaks)
        }
        return result
    }

    /// One scalar as it is shown: itself, or its visible form.
    package static func visible(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool = false) -> String {
        var result = ""
        append(scalar, to: &result, keepingLineBreaks: keepingLineBreaks)
        return result
    }

    /// Whether `scalar` is shown otherwise than as itself.
    package static func needsEscape(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool = false) -> Bool {
        switch scalar.value {
        case 0x0A: !keepingLineBreaks
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func append(_ scalar: Unicode.Scalar, to result: inout String, keepingLineBreaks: Bool) {
        guard needsEscape(scalar, keepingLineBreaks: keepingLineBreaks) else {
            result.unicodeScalars.append(scalar)
            return
        }
        switch scalar.value {
        case 0x00...0x1F: result.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
        case 0x7F: result.unicodeScalars.append("\u{2421}")
        default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
}
