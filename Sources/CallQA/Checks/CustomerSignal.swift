/// Signs of an upset customer that are not words of a list: how the customer
/// writes rather than what. A response check's trigger may name them
/// (`signals: [emphasis, shouting, sad-face]`).
public enum CustomerSignal: String, Sendable, Equatable, CaseIterable {
    /// A run of two or more question or exclamation marks (`??`, `！！`, `?!`)
    /// in a turn that says something besides — a bare "??" nudge is not upset
    /// — with a question mark in the run or a negation in the turn: "Finally!!!
    /// It worked." is relief.
    case emphasis
    /// Three or more words in capitals in a row, from a customer who wrote in
    /// lower case before, with a pronoun or verb among them ("WHY IS IT NOT
    /// WORKING", not a title or a form's label): a switch to shouting, not a
    /// writing style.
    case shouting
    /// A sad or angry face: `:(`, `:-(`, `☹`, 😞, 😠 and the like.
    case sadFace = "sad-face"
    /// The customer sends the same message again (four or more Han
    /// characters or five or more words, not a short "ok, got it"): a
    /// grievance repeated because nothing happened.
    case repetition

    /// What evidence calls a recognised signal.
    var label: String {
        switch self {
        case .emphasis: "emphatic punctuation"
        case .shouting: "writing in capitals"
        case .sadFace: "a sad face"
        case .repetition: "a message sent again"
        }
    }
}

/// Finds ``CustomerSignal``s in a customer's turns, in order, remembering
/// whether the customer has written in lower case so far.
struct CustomerSignalScanner {
    private let signals: [CustomerSignal]
    private var wroteLowerCase = false
    /// Fingerprints (FNV-1a) of the lines the customer has sent.
    private var lines: Set<UInt64> = []

    init(signals: [CustomerSignal]) {
        self.signals = signals
    }

    /// The first signal in a customer turn's original text: its UTF-8 range
    /// and what it is. Call it for every customer turn in order.
    mutating func first(in text: String) -> (range: Range<Int>, signal: CustomerSignal)? {
        var text = text
        return text.withUTF8 { first(inUTF8: $0) }
    }

    private mutating func first(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> (
        range: Range<Int>, signal: CustomerSignal
    )? {
        var first: (range: Range<Int>, signal: CustomerSignal)?
        for signal in signals {
            let range: Range<Int>? =
                switch signal {
                case .emphasis: Self.emphasis(in: bytes)
                case .shouting: wroteLowerCase ? Self.shouting(in: bytes) : nil
                case .sadFace: Self.sadFace(in: bytes)
                case .repetition: repeatedLine(in: bytes)
                }
            // The earliest; of signals found at the same place, the one listed first.
            if let range, range.lowerBound < first?.range.lowerBound ?? .max { first = (range, signal) }
        }
        if !wroteLowerCase { wroteLowerCase = Self.hasLowerCaseWords(bytes) }
        return first
    }

    /// The first line of a turn's UTF-8 that the customer sent before, and
    /// remembers this turn's lines. Lines compare by their letters, digits and
    /// Han characters (ASCII in lower case), so punctuation and spacing do not
    /// make a message new.
    private mutating func repeatedLine(in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var found: Range<Int>?
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            // Hashed a letter or digit (ASCII) or a Han character (its scalar
            // value, from U+2E80 up) at a time: the values say which it was.
            var key: UInt64 = 0xCBF2_9CE4_8422_2325
            func add(_ value: UInt32) { key = (key ^ UInt64(value)) &* 0x0000_0100_0000_01B3 }
            var han = 0
            var words = 0
            var inWord = false
            var index = start
            while index < end {
                let byte = bytes[index]
                if byte < 0x80 {
                    let letter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    if letter || (byte >= 0x30 && byte <= 0x39) {
                        add(UInt32(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte))
                        if !inWord { words += 1 }
                        inWord = true
                    } else {
                        inWord = false
                    }
                    index += 1
                    continue
                }
                // Most Chinese, the CJK unified ideographs: hashed without the general decoder.
                if byte >= 0xE4 && byte <= 0xE9 && index + 3 <= end
                    && UTF8Scalars.isCommonHan(lead: byte, second: bytes[index + 1])
                {
                    han += 1
                    add(
                        UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                            | UInt32(bytes[index + 2] & 0x3F))
                    inWord = false
                    index += 3
                    continue
                }
                let width = UTF8Scalars.width(lead: byte)
                guard index + width <= end else { break }
                // A turn's text is well-formed UTF-8: the scalar is whole.
                let value = UTF8Scalars.decode(at: index, in: bytes).value
                if let scalar = Unicode.Scalar(value), ScalarClass.isUnspacedScript(scalar) {
                    han += 1
                    add(value)
                }
                inWord = false
                index += width
            }
            if han >= 4 || (han == 0 && words >= 5) {
                if found == nil, lines.contains(key) { found = start..<end }
                lines.insert(key)
            }
            start = end + 1
        }
        return found
    }

    /// A run of two or more `?`/`!` marks, in a turn with at least three words
    /// or Han characters.
    static func emphasis(in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        // Most turns hold no run of marks at all: look for two in a row first.
        guard hasMarkRun(bytes) else { return nil }
        var content = 0
        var inWord = false
        var runStart = 0
        var runCount = 0
        var first: Range<Int>?
        var index = 0
        while index < bytes.count, let scalar = UTF8Scalars.scalar(at: index, in: bytes) {
            let width = UTF8.width(scalar)
            defer { index += width }
            if markWidth(at: index, in: bytes) > 0 {
                if runCount == 0 { runStart = index }
                runCount += 1
                if runCount >= 2 && (first == nil || first!.lowerBound == runStart) {
                    first = runStart..<(index + width)
                }
                inWord = false
                continue
            }
            runCount = 0
            if ScalarClass.isUnspacedScript(scalar) {
                content += 1
                inWord = false
            } else if ScalarClass.isWordCharacter(scalar) {
                if !inWord { content += 1 }
                inWord = true
            } else {
                inWord = false
            }
        }
        guard content >= 3, let first else { return nil }
        let run = String(decoding: bytes[first], as: UTF8.self)
        if run.contains("?") || run.contains("\u{FF1F}") { return first }
        let text = String(decoding: bytes, as: UTF8.self).lowercased()
        return negations.contains { text.contains($0) } ? first : nil
    }

    /// The width of the mark `?`, `!`, `？` or `！` at `index`, or 0.
    private static func markWidth(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let byte = bytes[index]
        if byte == 0x3F || byte == 0x21 { return 1 }
        // `？` and `！` are EF BC 9F and EF BC 81.
        if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBC,
            bytes[index + 2] == 0x9F || bytes[index + 2] == 0x81
        {
            return 3
        }
        return 0
    }

    /// Whether two marks stand side by side somewhere in the turn.
    private static func hasMarkRun(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            // Eight bytes at a time where none can start a mark (`?`, `!`, or 0xEF, which leads `？` and `！`).
            if index + 8 <= bytes.count {
                let word = ByteWord(bytes, at: index)
                if !word.holds(0x3F) && !word.holds(0x21) && !word.holds(0xEF) {
                    index += 8
                    continue
                }
            }
            let width = markWidth(at: index, in: bytes)
            if width > 0, index + width < bytes.count, markWidth(at: index + width, in: bytes) > 0 { return true }
            index += max(width, 1)
        }
        return false
    }

    /// Negations that make an emphatic "!!" a grievance.
    private static let negations = ["not", "n't", "no ", "no!", "never", "nothing", "不", "没", "别", "无"]

    /// Words that make a run of capitals a sentence rather than a title.
    private static let sentenceWords: Set<String> = [
        "I", "I'M", "IM", "ME", "MY", "YOU", "YOUR", "WE", "IT", "IS", "ARE", "AM", "WAS", "NOT", "NO", "DON'T",
        "DONT", "CAN'T", "CANT", "WHY", "THIS", "WHAT", "PLEASE", "NEED", "WANT", "HAVE", "HAS", "WILL", "DO", "DOES",
    ]

    /// Three or more words of two or more capital letters in a row, not
    /// counting redaction tokens such as `#NAME#`.
    static func shouting(in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var runStart: Int?
        var runWords = 0
        var sentence = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard isLetter(byte) else {
                index += 1
                continue
            }
            var end = index
            var upper = 0
            var lower = 0
            while end < bytes.count, isLetter(bytes[end]) || bytes[end] == 0x27 {
                if bytes[end] >= 0x41 && bytes[end] <= 0x5A { upper += 1 }
                if bytes[end] >= 0x61 && bytes[end] <= 0x7A { lower += 1 }
                end += 1
            }
            let inToken =
                (index > 0 && (bytes[index - 1] == 0x23 || bytes[index - 1] == 0x5F))
                || (end < bytes.count && (bytes[end] == 0x23 || bytes[end] == 0x5F))
            let shouted = upper >= 2 && lower == 0 && !inToken
            let single = upper == 1 && lower == 0 && end - index == 1 // "I", "A"
            if shouted || (single && runStart != nil) {
                if runStart == nil {
                    runStart = index
                    sentence = false
                }
                runWords += 1
                let word = String(decoding: bytes[index..<end], as: UTF8.self)
                if sentenceWords.contains(word) { sentence = true }
                if runWords >= 3 && sentence {
                    var stop = end
                    while stop < bytes.count {
                        var next = stop
                        while next < bytes.count && !isLetter(bytes[next]) { next += 1 }
                        var wordEnd = next
                        var hasLower = false
                        while wordEnd < bytes.count, isLetter(bytes[wordEnd]) || bytes[wordEnd] == 0x27 {
                            if bytes[wordEnd] >= 0x61 && bytes[wordEnd] <= 0x7A { hasLower = true }
                            wordEnd += 1
                        }
                        if hasLower || wordEnd == next { break }
                        stop = wordEnd
                    }
                    return runStart!..<stop
                }
            } else if !single {
                runStart = nil
                runWords = 0
            } else {
                runStart = index
                runWords = 1
                sentence = bytes[index] == 0x49 // "I"
            }
            index = end
        }
        return nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// Whether the text has a word of three or more letters in lower case.
    static func hasLowerCaseWords(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var run = 0
        var index = 0
        while index < bytes.count {
            // Eight bytes at a time without a lower-case letter: a run ends there.
            if index + 8 <= bytes.count && !ByteWord(bytes, at: index).holdsByte(from: 0x61, through: 0x7A) {
                run = 0
                index += 8
                continue
            }
            let byte = bytes[index]
            index += 1
            if byte >= 0x61 && byte <= 0x7A {
                run += 1
                if run >= 3 { return true }
            } else {
                run = 0
            }
        }
        return false
    }

    /// The sad and angry faces the `sad-face` signal looks for.
    static let faces = [
        ":(", ":-(", ":'(", "=(", "☹", "🙁", "😞", "😟", "😢", "😭", "😠", "😡", "😤", "😒", "😔", "😣", "😫",
    ]

    private static let faceBytes = faces.map { Array($0.utf8) }

    /// Whether some face starts with a byte, by byte.
    private static let faceStarts: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for face in faceBytes { table[Int(face[0])] = true }
        return table
    }()

    /// The first sad or angry face, in one pass over the turn's UTF-8.
    static func sadFace(in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let faceStarts = Self.faceStarts
        var start = 0
        while start < bytes.count {
            // Eight bytes at a time where no face can start (`:`, `=`, 0xE2 or 0xF0).
            if start + 8 <= bytes.count {
                let word = ByteWord(bytes, at: start)
                if !word.holds(0x3A) && !word.holds(0x3D) && !word.holds(0xE2) && !word.holds(0xF0) {
                    start += 8
                    continue
                }
            }
            let first = bytes[start]
            defer { start += 1 }
            guard faceStarts[Int(first)] else { continue }
            for face in faceBytes where face[0] == first && start + face.count <= bytes.count {
                if bytes[start..<(start + face.count)].elementsEqual(face) { return start..<(start + face.count) }
            }
        }
        return nil
    }
}
