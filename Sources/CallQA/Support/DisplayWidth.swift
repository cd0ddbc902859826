/// Text in terminal columns, as every text table lays it out: how many
/// columns text takes (Han, kana, Hangul and full-width forms two, marks
/// none, most other characters one), and text padded, cut or wrapped to a
/// number of columns.
///
/// ```swift
/// DisplayWidth.of("张丽")                           // 4
/// DisplayWidth.pad("张丽", to: 6)                   // "张丽  "
/// DisplayWidth.pad("87%", to: 6, alignment: .right) // "   87%"
/// DisplayWidth.fit("zh-model-001-long", to: 8)      // "zh-mode…"
/// ```
enum DisplayWidth {
    /// Which side of a column text keeps to.
    enum Alignment {
        /// Text first, then the padding: names, ids, labels.
        case left
        /// The padding first, then the text: numbers.
        case right
    }

    /// The columns `text` takes.
    static func of<S: StringProtocol>(_ text: S) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// The columns one scalar takes.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return value < 0x20 ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        return UnicodeFacts.isDoubleWidth(scalar) ? 2 : 1
    }

    /// `text` padded with spaces to `width` columns, on the side `alignment`
    /// says; text already as wide or wider is left as it is.
    static func pad<S: StringProtocol>(_ text: S, to width: Int, alignment: Alignment = .left) -> String {
        let gap = String(repeating: " ", count: max(0, width - of(text)))
        return alignment == .left ? String(text) + gap : gap + String(text)
    }

    /// `text` padded with spaces to `width` columns, or cut to fit with `…`.
    static func fit<S: StringProtocol>(_ text: S, to width: Int) -> String {
        let columns = of(text)
        if columns <= width { return String(text) + String(repeating: " ", count: width - columns) }
        var result = ""
        var used = 0
        for scalar in text.unicodeScalars {
            let next = of(scalar)
            if used + next > width - 1 { break }
            result.unicodeScalars.append(scalar)
            used += next
        }
        return result + "…" + String(repeating: " ", count: max(0, width - used - 1))
    }

    /// Splits `text` into lines of at most `width` columns, at line breaks
    /// and, for Latin text, at spaces where possible.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var used = 0
            var lastSpace: String.Index?
            for character in paragraph {
                let next = of(String(character))
                if used + next > width, !line.isEmpty {
                    if let space = lastSpace, character != " " {
                        lines.append(String(line[..<space]))
                        line = String(line[line.index(after: space)...])
                    } else {
                        lines.append(line)
                        line = ""
                    }
                    used = of(line)
                    lastSpace = nil
                    if character == " " { continue }
                }
                if character == " " { lastSpace = line.endIndex }
                line.append(character)
                used += next
            }
            lines.append(line)
        }
        return lines
    }
}
