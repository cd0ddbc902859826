/// Where a turn's normalised text holds what a slot stands for, as byte
/// ranges in order of start: numbers, names, the agent's ID, the company.
///
/// Only a turn where a phrase with the slot has found its literal words is
/// searched, so a slot costs nothing on the other turns.
enum SlotSpans {
    /// A byte range of normalised text.
    struct Span: Sendable, Equatable {
        var start: Int
        var end: Int
    }

    /// What more than one slot needs of a turn, found once a turn: its
    /// numbers and its redaction tokens. Kept from turn to turn with its
    /// buffers (``reset()``), so a turn allocates nothing for them.
    struct TurnFacts {
        private var numbers: [Span] = []
        private var hasNumbers = false
        private var tokens: [(range: Range<Int>, kind: RedactionToken.Kind?)] = []
        private var hasTokens = false

        /// Forgets the last turn's facts, keeping the room they took.
        mutating func reset() {
            hasNumbers = false
            hasTokens = false
        }

        /// Appends the turn's numbers to `spans`; they are found the first
        /// time they are asked for.
        mutating func appendNumbers(in text: UnsafeBufferPointer<UInt8>, to spans: inout [Span]) {
            if !hasNumbers {
                numbers.removeAll(keepingCapacity: true)
                SlotSpans.appendNumbers(in: text, to: &numbers)
                hasNumbers = true
            }
            spans.append(contentsOf: numbers)
        }

        /// Appends the turn's redaction tokens of one kind to `spans`.
        mutating func appendTokens(
            _ kind: RedactionToken.Kind, in text: UnsafeBufferPointer<UInt8>, to spans: inout [Span]
        ) {
            if !hasTokens {
                tokens = RedactionToken.tokens(in: text)
                hasTokens = true
            }
            for token in tokens where token.kind == kind {
                spans.append(Span(start: token.range.lowerBound, end: token.range.upperBound))
            }
        }
    }

    /// Fills `spans` with where `slot` matches in `text`, given the call's
    /// forms and the rubric's company names; `facts` holds what the turn's
    /// other slots found already. `numbers` is room for a staff number's
    /// candidates, reused.
    static func spans(
        of slot: PhrasePattern.Slot, in text: UnsafeBufferPointer<UInt8>, forms: MatchContext.Forms,
        companies: [[UInt8]], facts: inout TurnFacts, into spans: inout [Span], numbers: inout [Span]
    ) {
        spans.removeAll(keepingCapacity: true)
        switch slot {
        case .number:
            facts.appendNumbers(in: text, to: &spans)
            facts.appendTokens(.number, in: text, to: &spans)
        case .name:
            appendOccurrences(of: forms.customer, in: text, to: &spans)
            facts.appendTokens(.name, in: text, to: &spans)
        case .agent:
            appendOccurrences(of: forms.agent, in: text, to: &spans)
            numbers.removeAll(keepingCapacity: true)
            facts.appendNumbers(in: text, to: &numbers)
            facts.appendTokens(.number, in: text, to: &numbers)
            appendStaffNumbers(in: text, numbers: numbers, to: &spans)
            facts.appendTokens(.name, in: text, to: &spans)
        case .company:
            appendOccurrences(of: companies, in: text, to: &spans)
            appendOccurrences(of: forms.company, in: text, to: &spans)
            facts.appendTokens(.organization, in: text, to: &spans)
        }
        spans.sort { ($0.start, $1.end) < ($1.start, $0.end) }
    }

    // MARK: - Numbers

    /// English number words a `{number}` is made of, as bytes, indexed by
    /// length (a word is compared with the few of its own length only).
    static let numberWordsByLength: [[[UInt8]]] = {
        let words = [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
            "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million",
            "billion",
        ]
        var table = [[[UInt8]]](repeating: [], count: 10)
        for word in words { table[word.utf8.count].append(Array(word.utf8)) }
        return table
    }()

    /// Whether `scalar` is a Chinese numeral a `{number}` is made of:
    /// 零〇一二两三四五六七八九十百千万亿.
    static func isChineseNumeral(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x96F6, 0x3007, 0x4E00, 0x4E8C, 0x4E24, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341,
            0x767E, 0x5343, 0x4E07, 0x4EBF:
            true
        default:
            false
        }
    }

    /// Appends every number to `spans`: digits with `,` and `.` between groups, runs of Chinese
    /// numerals (next to digits too: `3万`), and English number words joined
    /// by spaces or hyphens (`forty-two`, `one hundred and five`).
    static func appendNumbers(in text: UnsafeBufferPointer<UInt8>, to spans: inout [Span]) {
        var index = 0
        let count = text.count
        while index < count {
            let byte = text[index]
            if isDigit(byte) || startsChineseNumeral(at: index, in: text) {
                let start = index
                while index < count {
                    if isDigit(text[index]) {
                        index += 1
                    } else if text[index] == UInt8(ascii: ",") || text[index] == UInt8(ascii: "."),
                        index + 1 < count, isDigit(text[index + 1]), index > start, isDigit(text[index - 1])
                    {
                        index += 1
                    } else if startsChineseNumeral(at: index, in: text) {
                        index += 3
                    } else {
                        break
                    }
                }
                spans.append(Span(start: start, end: index))
            } else if byte >= 0x61 && byte <= 0x7A && (index == 0 || !isWordByte(text[index - 1])) {
                let wordEnd = endOfWord(from: index, in: text)
                if isNumberWord(index..<wordEnd, in: text) {
                    let start = index
                    var end = wordEnd
                    // Further number words after a space, a hyphen or "and".
                    var next = end
                    while next < count {
                        guard text[next] == UInt8(ascii: " ") || text[next] == UInt8(ascii: "-") else { break }
                        var wordStart = next + 1
                        var candidateEnd = endOfWord(from: wordStart, in: text)
                        if isWord("and", wordStart..<candidateEnd, in: text), candidateEnd < count,
                            text[candidateEnd] == UInt8(ascii: " ")
                        {
                            wordStart = candidateEnd + 1
                            candidateEnd = endOfWord(from: wordStart, in: text)
                        }
                        guard candidateEnd > wordStart, isNumberWord(wordStart..<candidateEnd, in: text) else { break }
                        end = candidateEnd
                        next = end
                    }
                    spans.append(Span(start: start, end: end))
                    index = end
                } else {
                    index = wordEnd
                }
            } else {
                // A whole scalar at a time: no number starts inside one.
                index += byte < 0xC0 ? 1 : UTF8Scalars.width(lead: byte)
            }
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || isDigit(byte) || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "_")
    }

    private static func endOfWord(from index: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var end = index
        while end < text.count, isWordByte(text[end]) { end += 1 }
        return end
    }

    private static func isNumberWord(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard range.count >= 3, range.count <= 9 else { return false }
        let word = text[range]
        return numberWordsByLength[range.count].contains { word.elementsEqual($0) }
    }

    private static func isWord(_ word: String, _ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        range.count == word.utf8.count && text[range].elementsEqual(word.utf8)
    }

    private static func startsChineseNumeral(at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text[index] >= 0xE3, text[index] < 0xF0, index + 2 < text.count else { return false }
        return isChineseNumeral(UTF8Scalars.decode(at: index, in: text).value)
    }

    // MARK: - Names and staff numbers

    /// Appends every occurrence of each form to `spans`, whole words where a
    /// form starts or ends with a word character.
    static func appendOccurrences(of forms: [[UInt8]], in text: UnsafeBufferPointer<UInt8>, to spans: inout [Span]) {
        for form in forms where !form.isEmpty && form.count <= text.count {
            let (head, tail) = form.withUnsafeBufferPointer {
                (
                    ScalarClass.scalar(at: 0, in: $0).map(ScalarClass.isWordCharacter) ?? false,
                    ScalarClass.scalar(before: $0.count, in: $0).map(ScalarClass.isWordCharacter) ?? false
                )
            }
            let first = form[0]
            for start in 0...(text.count - form.count) where text[start] == first {
                guard text[start..<(start + form.count)].elementsEqual(form) else { continue }
                let end = start + form.count
                if head, let before = ScalarClass.scalar(before: start, in: text), ScalarClass.isWordCharacter(before) {
                    continue
                }
                if tail, let after = ScalarClass.scalar(at: end, in: text), ScalarClass.isWordCharacter(after) {
                    continue
                }
                spans.append(Span(start: start, end: end))
            }
        }
    }

    /// What introduces a staff number: `工号 8012`, "ID 8012", "agent number 12".
    private static let staffNumberIntroductions = ["工号", "id", "agent number", "employee number", "staff number"]
        .map { Array($0.utf8) }
    private static let hao = Array("号".utf8)

    /// What may stand between a staff number and its introduction: a space, `:`, `#` or `.`.
    private static func isIntroductionSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: ".")
    }

    /// Appends staff numbers to `spans`: a number followed by 号 (`8012号`), or preceded by 工号,
    /// "ID", "agent number" or "employee number" (with a space, `:`, `#` or
    /// "is" between); the span covers both. `numbers` are the text's numbers
    /// and its redaction tokens for numbers.
    static func appendStaffNumbers(in text: UnsafeBufferPointer<UInt8>, numbers: [Span], to spans: inout [Span]) {
        let hao = Self.hao
        for number in numbers {
            var after = number.end
            if after < text.count, text[after] == UInt8(ascii: " ") { after += 1 }
            if after + hao.count <= text.count, text[after..<(after + hao.count)].elementsEqual(hao) {
                spans.append(Span(start: number.start, end: after + hao.count))
            }
            // Back over separators to an introduction.
            var before = number.start
            while before > 0, Self.isIntroductionSeparator(text[before - 1]) { before -= 1 }
            if before >= 3, text[(before - 3)..<before].elementsEqual(" is".utf8) {
                before -= 3
                while before > 0, text[before - 1] == UInt8(ascii: " ") || text[before - 1] == UInt8(ascii: ":") {
                    before -= 1
                }
            } else if before >= 3, text[(before - 3)..<before].elementsEqual("是".utf8) {
                before -= 3
            }
            for bytes in staffNumberIntroductions {
                guard before >= bytes.count, text[(before - bytes.count)..<before].elementsEqual(bytes) else {
                    continue
                }
                let start = before - bytes.count
                if bytes[0] < 0x80, let previous = ScalarClass.scalar(before: start, in: text),
                    ScalarClass.isWordCharacter(previous)
                {
                    continue
                }
                spans.append(Span(start: start, end: number.end))
                break
            }
        }
    }
}
