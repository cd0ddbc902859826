/// Byte-level scanning of plain-text transcript lines.
///
/// Works on validated UTF-8 without building `String`s for every line: only a
/// turn's label and text become strings.
enum LineScanner {
    /// A turn line split into its parts.
    struct TurnLine {
        /// The leading timestamp, when there is one.
        var time: Timestamp.Range?
        /// The speaker label, when the line has one.
        var label: ArraySlice<UInt8>?
        /// The words after the label (the whole line when there is no label).
        var text: ArraySlice<UInt8>
        /// The line after the timestamp, label included.
        var fullText: ArraySlice<UInt8>
        /// A leading `[…]` that is meant as a time (it starts with a digit or
        /// a sign) but cannot be read as one: the line is an error, never text.
        var unreadableTime: ArraySlice<UInt8>? = nil
    }

    /// Labels are short: at most this many bytes (about 20 Han characters).
    static let maximumLabelBytes = 64
    /// …and at most this many words (`Customer (Mr. Liu)` has three).
    static let maximumLabelWords = 4

    /// `# key: value` → (key, value); `nil` for a comment line without a key.
    static func header(_ line: ArraySlice<UInt8>) -> (key: String, value: String)? {
        var body = line
        while body.first == UInt8(ascii: "#") { body = body.dropFirst() }
        body = WhitespaceBytes.trimmed(body)
        guard let (colon, width) = firstColon(in: body, limit: 48) else { return nil }
        let key = WhitespaceBytes.trimmed(body[body.startIndex..<colon])
        guard !key.isEmpty, key.allSatisfy(isKeyByte) else { return nil }
        let value = WhitespaceBytes.trimmed(body[(colon + width)...])
        return (String(decoding: key, as: UTF8.self), String(decoding: value, as: UTF8.self))
    }

    /// Splits a (trimmed, non-empty) line into timestamp, label and text.
    static func turn(_ line: ArraySlice<UInt8>) -> TurnLine {
        var rest = line
        var time: Timestamp.Range?
        if rest.first == UInt8(ascii: "[") {
            let close = rest.firstIndex(of: UInt8(ascii: "]"))
            if let close,
                let range = rest[(rest.startIndex + 1)..<close].withUnsafeBufferPointer({
                    Timestamp.range(utf8: $0[...])
                })
            {
                time = range
                rest = WhitespaceBytes.trimmed(rest[(close + 1)...])
            } else if startsLikeTime(rest.dropFirst()) {
                let written = close.map { rest[...$0] } ?? rest
                return TurnLine(time: nil, label: nil, text: rest, fullText: rest, unreadableTime: written)
            }
        }
        guard let label = labelEnd(in: rest) else {
            return TurnLine(time: time, label: nil, text: rest, fullText: rest)
        }
        let name = WhitespaceBytes.trimmed(rest[rest.startIndex..<label.colon])
        let text = WhitespaceBytes.trimmed(rest[(label.colon + label.width)...])
        return TurnLine(time: time, label: name, text: text, fullText: rest)
    }

    /// Where the label's colon is, if the line starts with a label.
    ///
    /// A label is at most ``maximumLabelBytes`` bytes and ``maximumLabelWords``
    /// words, holds no sentence punctuation, and does not start with `#`; a
    /// colon between two digits (`10:30`) is a time, not a label's end.
    private static func labelEnd(in line: ArraySlice<UInt8>) -> (colon: Int, width: Int)? {
        guard let first = line.first, first != UInt8(ascii: "#") else { return nil }
        guard let (colon, width) = firstColon(in: line, limit: maximumLabelBytes) else { return nil }
        let label = line[line.startIndex..<colon]
        guard !WhitespaceBytes.trimmed(label).isEmpty else { return nil }
        if colon > line.startIndex, isDigit(line[colon - 1]), colon + width < line.endIndex,
            isDigit(line[colon + width])
        {
            return nil
        }
        var words = 1
        var index = label.startIndex
        var previousWasSpace = false
        while index < label.endIndex {
            let byte = label[index]
            if byte == 0x20 || byte == 0x09 {
                if !previousWasSpace { words += 1 }
                previousWasSpace = true
                index += 1
                continue
            }
            previousWasSpace = false
            if isSentencePunctuation(byte) { return nil }
            if byte >= 0xE0, index + 2 < label.endIndex,
                wideSentencePunctuation.contains(where: {
                    $0.0 == byte && $0.1 == label[index + 1] && $0.2 == label[index + 2]
                })
            {
                return nil
            }
            index += 1
        }
        return words <= maximumLabelWords ? (colon, width) : nil
    }

    /// The first ASCII `:` or full-width `：` (EF BC 9A) within `limit` bytes.
    private static func firstColon(in line: ArraySlice<UInt8>, limit: Int) -> (Int, Int)? {
        let end = min(line.endIndex, line.startIndex + limit + 3)
        var index = line.startIndex
        while index < end {
            let byte = line[index]
            if byte == UInt8(ascii: ":") { return index - line.startIndex <= limit ? (index, 1) : nil }
            if byte == 0xEF, index + 2 < line.endIndex, line[index + 1] == 0xBC, line[index + 2] == 0x9A {
                return index - line.startIndex <= limit ? (index, 3) : nil
            }
            index += 1
        }
        return nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Whether the text after a `[` is meant as a time: a digit, after white
    /// space and a sign if any (`[00:61]`, `[-00:05]`; not `[inaudible]`).
    private static func startsLikeTime(_ text: ArraySlice<UInt8>) -> Bool {
        var rest = WhitespaceBytes.trimmed(text)
        if rest.first == UInt8(ascii: "-") || rest.first == UInt8(ascii: "+") { rest = rest.dropFirst() }
        return rest.first.map(isDigit) ?? false
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == 0x20
    }

    /// Whether a byte is an ASCII character that ends or splits sentences,
    /// and so never occurs in a label: `,!?;"=<>{}[]/\|`.
    private static func isSentencePunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"), UInt8(ascii: "\""),
            UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "{"), UInt8(ascii: "}"),
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "|"):
            true
        default:
            false
        }
    }

    /// Full-width sentence punctuation as UTF-8: ，。！？；、“”….
    private static let wideSentencePunctuation: [(UInt8, UInt8, UInt8)] = ["，", "。", "！", "？", "；", "、", "“", "”", "…"]
        .map { (character: String) in
            let bytes = Array(character.utf8)
            return (bytes[0], bytes[1], bytes[2])
        }
}
