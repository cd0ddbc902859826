@testable import CallQA

/// Phrase matching as the rules say it, by brute force: every phrase tried at
/// every byte, word boundaries and negation checked by decoding the text
/// around each occurrence, leftmost-longest chosen by sorting. The compiled
/// automaton must find exactly the same.
struct ReferenceMatcher: PhraseMatching {
    private let lists: [(name: String, phrases: [(written: String, bytes: [UInt8])])]
    private let negators: [[UInt8]]
    private let exempt: Set<String>
    private let window: Int

    /// The matcher a ``Scorer`` would compile for `rubric`: its lists, the
    /// name check's introductions, its negation rule.
    init(rubric: Rubric) {
        var lists = rubric.lists.map { (name: $0.name, phrases: $0.phrases) }
        var exempt = rubric.negation.exemptLists
        let introductions = rubric.items.flatMap { item -> [String] in
            if case .name(let check) = item.check { return check.introductions }
            return []
        }
        if !introductions.isEmpty {
            lists.append((NameCheck.introductionList, introductions))
            exempt.insert(NameCheck.introductionList)
        }
        let normalizer = TextNormalizer.shared
        self.lists = lists.map { list in
            (list.name, list.phrases.map { ($0, Array(normalizer.normalizePhrase($0).utf8)) }.filter { !$0.1.isEmpty })
        }
        negators = rubric.negation.negators.map { Array(normalizer.normalizePhrase($0).utf8) }.filter { !$0.isEmpty }
        self.exempt = exempt
        window = rubric.negation.window
    }

    func matches(in text: NormalizedText) -> [PhraseMatch] {
        let bytes = text.bytes
        let negatorEnds = negators.flatMap { occurrences(of: $0, in: bytes).map(\.upperBound) }
        var result: [PhraseMatch] = []
        for list in lists {
            var found: [(phrase: String, range: Range<Int>)] = []
            for phrase in list.phrases {
                found += occurrences(of: phrase.bytes, in: bytes).map { (phrase.written, $0) }
            }
            found.sort { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
            var end = 0
            for occurrence in found where occurrence.range.lowerBound >= end {
                if !exempt.contains(list.name),
                   negatorEnds.contains(where: { $0 <= occurrence.range.lowerBound && units(bytes[$0..<occurrence.range.lowerBound]) <= window }) {
                    continue
                }
                end = occurrence.range.upperBound
                result.append(PhraseMatch(list: list.name, phrase: occurrence.phrase, range: occurrence.range))
            }
        }
        return result.sorted { ($0.range.lowerBound, $0.list) < ($1.range.lowerBound, $1.list) }
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
        var count = 0, inWord = false
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
        [0x2E80...0x2FDF, 0x3040...0x30FF, 0x3100...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
         0x20000...0x3FFFF].contains { $0.contains(scalar.value) }
    }

    private func isWord(_ scalar: Unicode.Scalar) -> Bool {
        guard !isUnspaced(scalar) else { return false }
        return scalar == "_" || scalar == "'" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
