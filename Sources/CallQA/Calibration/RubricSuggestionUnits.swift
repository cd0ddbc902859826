/// The words and short phrases rubric suggestions count: what a coach could
/// add to a phrase list, cut out of normalised turn text.
///
/// - Written with spaces (English): lower-cased words, and runs of two or
///   three words, never across punctuation; a run made only of stop words or
///   numbers (`how can i`, `of the`) is left out, and so is a lone word of one
///   letter.
/// - Han text: runs of two to four characters inside a stretch of Han
///   characters, with no punctuation or space inside; a run made only of
///   particles (`的了`, `吗呢`) is left out.
/// - Redaction tokens that anonymised transcripts hold (`#NAME#`, `[ORDER_ID]`,
///   `{name}`, `<phone>`) break runs and are never counted.
///
/// The text is normalised (``TextNormalizer``) before it is cut, so
/// traditional characters count with simplified ones and `Thanks` with
/// `thanks`.
enum RubricSuggestionUnits {
    /// One word or phrase found in a turn.
    struct Unit: Equatable {
        /// The words as they count: normalised, words joined by one space.
        var text: String
        /// Where they are in the normalised text, in UTF-8 bytes.
        var range: Range<Int>
    }

    /// The longest run of words counted.
    static let maximumWords = 3
    /// The shortest and longest runs of Han characters counted.
    static let hanLengths = 2...4
    /// The longest redaction token recognised, in bytes between its marks.
    static let longestToken = 40

    /// Every unit of a normalised turn, in order of position (shorter runs first at a position).
    static func units(in text: NormalizedText) -> [Unit] {
        var units: [Unit] = []
        forEachSegment(in: text.bytes) { segment in
            switch segment {
            case .words(let words):
                for start in words.indices {
                    for length in 1...maximumWords where start + length <= words.count {
                        let run = words[start..<(start + length)]
                        guard run.contains(where: { !isStopWord($0.text) }) else { continue }
                        units.append(
                            Unit(
                                text: run.map(\.text).joined(separator: " "),
                                range: run.first!.range.lowerBound..<run.last!.range.upperBound))
                    }
                }
            case .han(let characters):
                for start in characters.indices {
                    for length in hanLengths where start + length <= characters.count {
                        let run = characters[start..<(start + length)]
                        guard run.contains(where: { !particles.contains($0.scalar) }) else { continue }
                        var text = ""
                        text.unicodeScalars.append(contentsOf: run.map(\.scalar))
                        units.append(
                            Unit(text: text, range: run.first!.range.lowerBound..<run.last!.range.upperBound))
                    }
                }
            }
        }
        return units
    }

    /// Every shorter unit that lies inside `unit`: its runs of fewer words, or
    /// of fewer Han characters (two at least).
    static func shorterUnits(of unit: String) -> Set<String> {
        var found = Set<String>()
        if unit.unicodeScalars.contains(where: UnicodeFacts.isHan) {
            let characters = Array(unit.unicodeScalars)
            guard characters.count > hanLengths.lowerBound else { return found }
            for length in hanLengths.lowerBound..<characters.count {
                for start in 0...(characters.count - length) {
                    found.insert(String(String.UnicodeScalarView(characters[start..<(start + length)])))
                }
            }
        } else {
            let words = unit.split(separator: " ")
            guard words.count > 1 else { return found }
            for length in 1..<words.count {
                for start in 0...(words.count - length) {
                    found.insert(words[start..<(start + length)].joined(separator: " "))
                }
            }
        }
        return found
    }

    /// How long a unit is: words for words, characters for Han text.
    static func length(of unit: String) -> Int {
        unit.unicodeScalars.contains(where: UnicodeFacts.isHan)
            ? unit.unicodeScalars.count : unit.split(separator: " ").count
    }

    // MARK: - Segments

    /// A word or a Han character, with its bytes.
    private struct Word {
        var text: String
        var range: Range<Int>
    }

    private struct HanCharacter {
        var scalar: Unicode.Scalar
        var range: Range<Int>
    }

    /// A stretch of text with no punctuation inside: words separated by
    /// spaces, or Han characters.
    private enum Segment {
        case words([Word])
        case han([HanCharacter])
    }

    private static func forEachSegment(in bytes: [UInt8], _ body: (Segment) -> Void) {
        var words: [Word] = []
        var word = ""
        var wordStart = 0
        var wordEnd = 0
        var han: [HanCharacter] = []

        func endWord() {
            guard !word.isEmpty else { return }
            // An apostrophe or hyphen at a word's edge is not part of it.
            while let last = word.unicodeScalars.last, last == "'" || last == "-" {
                word.unicodeScalars.removeLast()
                wordEnd -= 1
            }
            if !word.isEmpty { words.append(Word(text: word, range: wordStart..<wordEnd)) }
            word = ""
        }
        func endWords() {
            endWord()
            if !words.isEmpty { body(.words(words)) }
            words.removeAll()
        }
        func endHan() {
            if han.count >= hanLengths.lowerBound { body(.han(han)) }
            han.removeAll()
        }

        var index = 0
        while index < bytes.count {
            let (value, width) = UTF8Scalars.decode(at: index, in: bytes)
            let scalar = Unicode.Scalar(value) ?? " "
            if let end = tokenEnd(at: index, in: bytes) {
                endWords()
                endHan()
                index = end
                continue
            }
            if UnicodeFacts.isHan(scalar) {
                endWords()
                han.append(HanCharacter(scalar: scalar, range: index..<(index + width)))
            } else if isWordCharacter(scalar) || (isJoiner(scalar) && !word.isEmpty) {
                endHan()
                if word.isEmpty {
                    if isJoiner(scalar) {
                        index += width
                        continue
                    }
                    wordStart = index
                }
                word.unicodeScalars.append(scalar)
                wordEnd = index + width
            } else if scalar == " " {
                endHan()
                endWord()
            } else {
                endWords()
                endHan()
            }
            index += width
        }
        endWords()
        endHan()
    }

    /// Letters and digits of scripts written with spaces.
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value)
        }
        if UnicodeFacts.isWrittenWithoutSpaces(scalar) || UnicodeFacts.isPunctuationWithoutLetters(scalar) {
            return false
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Characters that may join the letters of one word: `don't`, `follow-up`.
    private static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "-"
    }

    /// Where a redaction token starting at `index` ends: `#…#`, `[…]`, `{…}` or
    /// `<…>` with no space inside, at most ``longestToken`` bytes long.
    private static func tokenEnd(at index: Int, in bytes: [UInt8]) -> Int? {
        let close: UInt8
        switch bytes[index] {
        case UInt8(ascii: "#"): close = UInt8(ascii: "#")
        case UInt8(ascii: "["): close = UInt8(ascii: "]")
        case UInt8(ascii: "{"): close = UInt8(ascii: "}")
        case UInt8(ascii: "<"): close = UInt8(ascii: ">")
        default: return nil
        }
        var end = index + 1
        while end < bytes.count && end - index <= longestToken {
            let byte = bytes[end]
            if byte == close { return end > index + 1 ? end + 1 : nil }
            if byte == UInt8(ascii: " ") { return nil }
            end += 1
        }
        return nil
    }

    // MARK: - Words that carry no wording of their own

    /// Whether a word, alone, says nothing a rubric could list: a function
    /// word, a number, a single letter.
    static func isStopWord(_ word: String) -> Bool {
        word.unicodeScalars.count == 1 || stopWords.contains(word)
            || word.unicodeScalars.allSatisfy { $0.properties.numericType != nil }
    }

    /// English function words: articles, pronouns, auxiliaries, prepositions,
    /// conjunctions and fillers.
    static let stopWords: Set<String> = [
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "before",
        "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "here",
        "him", "his", "how", "i", "i'd", "i'll", "i'm", "i've", "if", "in", "into", "is", "it", "it's", "its", "just",
        "me", "my", "no", "not", "now", "of", "oh", "ok", "okay", "on", "one", "or", "our", "out", "she", "so", "some",
        "than", "that", "that's",
        "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "too", "uh", "um", "up", "us",
        "very", "was", "we", "we're", "well", "were", "what", "when", "where", "which", "who", "why", "will", "with",
        "would",
        "yeah", "yes", "you", "you're", "your",
    ]

    /// Chinese particles and interjections.
    static let particles: Set<Unicode.Scalar> = Set("的了吗呢吧啊呀嘛哦噢嗯哈呃么啦哟喔".unicodeScalars)
}
