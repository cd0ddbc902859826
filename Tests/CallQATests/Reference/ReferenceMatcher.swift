@testable import CallQA

/// Phrase matching as the rules say it, by brute force: every phrase tried at
/// every byte, word boundaries and negation checked by decoding the text
/// around each occurrence, leftmost-longest chosen by sorting. Word forms:
/// the text and the phrase are stemmed word by word through strings, and the
/// stemmed phrase searched for in the stemmed text. The compiled automaton
/// must find exactly the same. Phrases with operators, slots or anchors, and
/// those of lists with `asr: true`, are found by a matcher compiled for that
/// phrase alone.
struct ReferenceMatcher: PhraseMatching {
    private enum Form {
        case literal(bytes: [UInt8], exact: Bool)
        case program(PhraseMatcher)
    }

    private let lists: [(name: String, phrases: [(written: String, index: Int, form: Form)])]
    private let negators: [[UInt8]]
    private let exempt: Set<String>
    private let window: Int

    let listNames: [String]
    let listIndex: [String: Int]
    let phrases: [String]

    /// The matcher a ``Scorer`` would compile for `rubric`: its lists, the
    /// name check's introductions, its negation rule.
    init(rubric: Rubric) {
        let (lists, negation) = rubric.matcherSettings
        let normalizer = TextNormalizer.shared
        var phrases: [String] = []
        self.lists = lists.map { list in
            (
                list.name,
                list.phrases.compactMap { written in
                    let form: Form
                    switch PhrasePattern.parse(written) {
                    case .success(let pattern) where pattern.isPlainText && !list.asr:
                        guard case .text(let text) = pattern.parts[0][0] else { return nil }
                        form = .literal(bytes: Array(text.utf8), exact: pattern.exact || list.exact)
                    case .success:
                        var alone = list
                        alone.phrases = [written]
                        form = .program(PhraseMatcher(phraseLists: [alone], negation: .init(negators: [])))
                    case .failure:
                        let bytes = Array(normalizer.normalizePhrase(written).utf8)
                        guard !bytes.isEmpty else { return nil }
                        form = .literal(bytes: bytes, exact: false)
                    }
                    phrases.append(written)
                    return (written, phrases.count - 1, form)
                }
            )
        }
        self.phrases = phrases
        listNames = lists.map(\.name)
        listIndex = Dictionary(lists.enumerated().map { ($0.element.name, $0.offset) }) { first, _ in first }
        negators = negation.negators.map { Array(normalizer.normalizePhrase($0).utf8) }.filter { !$0.isEmpty }
        exempt = negation.exemptLists
        window = negation.window
    }

    /// The counted occurrences, list by list in the order given, each list's by start.
    private func occurrences(in text: NormalizedText, forms: MatchContext.Forms) -> [(
        list: Int, phrase: Int, range: Range<Int>
    )] {
        let bytes = text.bytes
        let negatorEnds = negators.flatMap { occurrences(of: $0, in: bytes).map(\.upperBound) }
        let (stemmedText, toNormal) = Self.stemmed(bytes)
        var result: [(list: Int, phrase: Int, range: Range<Int>)] = []
        for (index, list) in lists.enumerated() {
            var found: [(phrase: Int, range: Range<Int>)] = []
            for phrase in list.phrases {
                switch phrase.form {
                case .literal(let literal, exact: true):
                    found += occurrences(of: literal, in: bytes).map { (phrase.index, $0) }
                case .literal(let literal, exact: false):
                    found += occurrences(of: Self.stemmed(literal).text, in: stemmedText).map {
                        (phrase.index, toNormal[$0.lowerBound]..<toNormal[$0.upperBound])
                    }
                case .program(let matcher):
                    var hits: [PhraseMatcher.Hit] = []
                    var scratch = PhraseMatcher.Scratch()
                    matcher.collect(in: text, forms: forms, into: &hits, scratch: &scratch)
                    found += hits.map { (phrase.index, Int($0.start)..<Int($0.end)) }
                }
            }
            found.sort { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
            var end = 0
            for occurrence in found where occurrence.range.lowerBound >= end {
                if !exempt.contains(list.name),
                    negatorEnds.contains(where: {
                        $0 <= occurrence.range.lowerBound && units(bytes[$0..<occurrence.range.lowerBound]) <= window
                    })
                {
                    continue
                }
                end = occurrence.range.upperBound
                result.append((index, occurrence.phrase, occurrence.range))
            }
        }
        return result
    }

    func collect(
        in text: NormalizedText, forms: MatchContext.Forms, into hits: inout [PhraseMatcher.Hit],
        scratch: inout PhraseMatcher.Scratch
    ) {
        for found in occurrences(in: text, forms: forms) {
            hits.append(
                PhraseMatcher.Hit(
                    list: Int32(found.list), phrase: Int32(found.phrase),
                    start: Int32(found.range.lowerBound), end: Int32(found.range.upperBound)))
        }
    }

    /// Every counted occurrence, by start, then list, as ``PhraseMatcher/matches(in:)`` gives them.
    func matches(in text: NormalizedText) -> [PhraseMatch] {
        occurrences(in: text, forms: MatchContext().forms)
            .map { PhraseMatch(list: listNames[$0.list], phrase: phrases[$0.phrase], range: $0.range) }
            .sorted { ($0.range.lowerBound, $0.list) < ($1.range.lowerBound, $1.list) }
    }

    /// Every occurrence of `needle` with word boundaries where it starts or ends with a word character.
    private func occurrences(of needle: [UInt8], in text: [UInt8]) -> [Range<Int>] {
        guard needle.count <= text.count else { return [] }
        let first = String(decoding: needle, as: UTF8.self).unicodeScalars.first!
        let last = String(decoding: needle, as: UTF8.self).unicodeScalars.last!
        var found: [Range<Int>] = []
        for start in 0...(text.count - needle.count) where Array(text[start..<(start + needle.count)]) == needle {
            let end = start + needle.count
            let before = String(decoding: text[..<start], as: UTF8.self).unicodeScalars.last
            let after = String(decoding: text[end...], as: UTF8.self).unicodeScalars.first
            if Self.isWord(first), let before, Self.isWord(before) { continue }
            if Self.isWord(last), let after, Self.isWord(after) { continue }
            found.append(start..<end)
        }
        return found
    }

    /// `text` with every word of ASCII letters and apostrophes replaced by its
    /// stem, and for each of its bytes and its end the normalised offset.
    private static func stemmed(_ bytes: [UInt8]) -> (text: [UInt8], toNormal: [Int]) {
        let stemmer = WordStemmer()
        var text: [UInt8] = []
        var toNormal: [Int] = []
        var word: [UInt8] = []
        var wordStart = 0
        var offset = 0
        func flushWord() {
            guard !word.isEmpty else { return }
            var stem: [UInt8] = []
            let letters = word.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x27 } && word.contains { $0 != 0x27 }
            if letters {
                stem = [UInt8](repeating: 0, count: word.count)
                var changed = false
                let length = word.withUnsafeBufferPointer { word in
                    stem.withUnsafeMutableBufferPointer { stemmer.stem(word, into: $0.baseAddress!, changed: &changed) }
                }
                stem.removeSubrange(length...)
            } else {
                stem = word
            }
            for (index, byte) in stem.enumerated() {
                text.append(byte)
                toNormal.append(wordStart + min(index, word.count - 1))
            }
            word = []
        }
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            let utf8 = Array(String(scalar).utf8)
            if Self.isWord(scalar) {
                if word.isEmpty { wordStart = offset }
                word += utf8
            } else {
                flushWord()
                for (index, byte) in utf8.enumerated() {
                    text.append(byte)
                    toNormal.append(offset + index)
                }
            }
            offset += utf8.count
        }
        flushWord()
        toNormal.append(bytes.count)
        return (text, toNormal)
    }

    /// Han characters and words, or `Int.max` across clause punctuation.
    private func units(_ bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        var inWord = false
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if ",.!?;:、。，！？；…".unicodeScalars.contains(scalar) { return .max }
            if Self.isUnspaced(scalar) {
                count += 1
                inWord = false
            } else if Self.isWord(scalar) {
                if !inWord { count += 1 }
                inWord = true
            } else {
                inWord = false
            }
        }
        return count
    }

    private static func isUnspaced(_ scalar: Unicode.Scalar) -> Bool {
        [
            0x2E80...0x2FDF, 0x3040...0x30FF, 0x3100...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
            0x20000...0x3FFFF,
        ].contains { $0.contains(scalar.value) }
    }

    private static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        guard !Self.isUnspaced(scalar) else { return false }
        return scalar == "_" || scalar == "'" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
