@testable import CallQA

/// Phrase matching as the rules say it, by brute force: every phrase tried at
/// every byte, word boundaries and negation checked by decoding the text
/// around each occurrence, leftmost-longest chosen by sorting. The compiled
/// automaton must find exactly the same.
struct ReferenceMatcher: PhraseMatching {
    private let lists: [(name: String, phrases: [(written: String, index: Int, bytes: [UInt8])])]
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
                    let bytes = Array(normalizer.normalizePhrase(written).utf8)
                    guard !bytes.isEmpty else { return nil }
                    phrases.append(written)
                    return (written, phrases.count - 1, bytes)
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
    private func occurrences(in bytes: [UInt8]) -> [(list: Int, phrase: Int, range: Range<Int>)] {
        let negatorEnds = negators.flatMap { occurrences(of: $0, in: bytes).map(\.upperBound) }
        var result: [(list: Int, phrase: Int, range: Range<Int>)] = []
        for (index, list) in lists.enumerated() {
            var found: [(phrase: Int, range: Range<Int>)] = []
            for phrase in list.phrases {
                found += occurrences(of: phrase.bytes, in: bytes).map { (phrase.index, $0) }
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

    func collect(in bytes: [UInt8], into hits: inout [PhraseMatcher.Hit], scratch: inout PhraseMatcher.Scratch) {
        for found in occurrences(in: bytes) {
            hits.append(
                PhraseMatcher.Hit(
                    list: Int32(found.list), phrase: Int32(found.phrase),
                    start: Int32(found.range.lowerBound), end: Int32(found.range.upperBound)))
        }
    }

    /// Every counted occurrence, by start, then list, as ``PhraseMatcher/matches(in:)`` gives them.
    func matches(in text: NormalizedText) -> [PhraseMatch] {
        occurrences(in: text.bytes)
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
            if isWord(first), let before, isWord(before) { continue }
            if isWord(last), let after, isWord(after) { continue }
            found.append(start..<end)
        }
        return found
    }

    /// Han characters and words, or `Int.max` across clause punctuation.
    private func units(_ bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        var inWord = false
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if ",.!?;:、。，！？；…".unicodeScalars.contains(scalar) { return .max }
            if isUnspaced(scalar) {
                count += 1
                inWord = false
            } else if isWord(scalar) {
                if !inWord { count += 1 }
                inWord = true
            } else {
                inWord = false
            }
        }
        return count
    }

    private func isUnspaced(_ scalar: Unicode.Scalar) -> Bool {
        [
            0x2E80...0x2FDF, 0x3040...0x30FF, 0x3100...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
            0x20000...0x3FFFF,
        ].contains { $0.contains(scalar.value) }
    }

    private func isWord(_ scalar: Unicode.Scalar) -> Bool {
        guard !isUnspaced(scalar) else { return false }
        return scalar == "_" || scalar == "'" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
