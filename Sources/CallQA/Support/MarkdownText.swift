/// Words from transcripts and rubrics made literal in Markdown: whatever a
/// call says, a Markdown write-up shows it as text, never as markup — no
/// HTML (`<script>`), no links or images (`[x](javascript:…)`), no
/// emphasis, code, tables or headings it did not ask for.
///
/// - `&`, `<` and `>` become HTML entities, so no tag or autolink is formed;
/// - the ASCII punctuation Markdown reads inline — `\` `` ` `` `*` `_` `[`
///   `]` `|` `~` — is escaped with a backslash (CommonMark, GitHub);
/// - at the start of a line, `#`, `+`, `-`, `=` and a number followed by
///   `.` or `)` are escaped too, so text cannot start a heading or a list;
/// - control characters are shown as ``TerminalText`` shows them.
///
/// ```swift
/// MarkdownText.inline("<script>[x](javascript:go)")  // "&lt;script&gt;\\[x\\](javascript:go)"
/// MarkdownText.cell("a | b\nc")                       // "a \\| b<br>c"
/// ```
package enum MarkdownText {
    /// `text` as literal Markdown, its line breaks kept.
    package static func inline(_ text: String) -> String {
        var result = ""
        for (number, line) in TerminalText.visible(text, keepingLineBreaks: true)
            .split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        {
            if number > 0 { result += "\n" }
            result += escapedLine(line)
        }
        return result
    }

    /// `text` as literal Markdown in a table cell: line breaks as `<br>`.
    package static func cell(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "\n", with: "<br>")
    }

    /// `text` for a code span in a table (`` `…` ``), one line of it:
    /// backticks become `'`, pipes are escaped as a table needs, control
    /// characters and line breaks are shown visibly.
    package static func code(_ text: String) -> String {
        TerminalText.visible(text).replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "|", with: "\\|")
    }

    private static let inlineSpecial: Set<Character> = ["\\", "`", "*", "_", "[", "]", "|", "~"]
    private static let lineStartSpecial: Set<Character> = ["#", "+", "-", "="]

    private static func escapedLine(_ line: Substring) -> String {
        var result = ""
        var atStart = true
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if atStart && character != " " {
                atStart = false
                if lineStartSpecial.contains(character) {
                    result += "\\"
                } else if character.isASCII && character.isNumber {
                    let digits = line[index...].prefix { $0.isASCII && $0.isNumber }
                    let after = digits.endIndex
                    if after < line.endIndex && (line[after] == "." || line[after] == ")") {
                        result += String(digits) + "\\" + String(line[after])
                        index = line.index(after: after)
                        continue
                    }
                }
            }
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default:
                if inlineSpecial.contains(character) { result += "\\" }
                result.append(character)
            }
            index = line.index(after: index)
        }
        return result
    }
}
