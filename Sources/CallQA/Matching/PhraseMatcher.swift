/// Matches named phrase lists against normalised text, all lists in one pass.
///
/// - Phrases are normalised like the text (see ``TextNormalizer``), so a
///   simplified phrase finds traditional text and `ＯＫ` finds `ok`.
/// - Chinese (and other unspaced scripts) match as substrings; a phrase that
///   starts or ends with a letter or digit of a spaced script needs a word
///   boundary there: "sorry" does not match "sorryness".
/// - **Negation**: an occurrence preceded by a negator (不, 没有, not, never, …)
///   within ``Negation/window`` units — a Han character or a word each — with
///   no clause punctuation between, does not count: "not sorry" is no
///   apology, "没有问题" no problem. Lists can opt out.
/// - Within one list, overlapping occurrences count once: leftmost, then longest.
///
/// One automaton serves every list and the negators; it is built once and is
/// immutable, so a matcher is shared freely across threads.
public struct PhraseMatcher: PhraseMatching {
    /// How negators cancel the phrases they precede.
    public struct Negation: Sendable, Equatable {
        /// The words that negate what follows them.
        public var negators: [String]
        /// How far before a phrase a negator reaches, in units: a Han
        /// character or a word each (spaces are free).
        public var window: Int
        /// Lists whose phrases are never negated.
        public var exemptLists: Set<String>

        /// Creates a negation rule.
        public init(negators: [String], window: Int = 2, exemptLists: Set<String> = []) {
            self.negators = negators
            self.window = window
            self.exemptLists = exemptLists
        }
    }

    private struct Pattern: Sendable {
        var owners: [(list: Int32, phrase: Int32)]
        var isNegator: Bool
        var needsLeftBoundary: Bool
        var needsRightBoundary: Bool
    }

    /// One counted occurrence, by number: the list, the phrase as the list
    /// writes it (an index into ``phrases``), and the normalised byte range.
    struct Hit: Sendable, Equatable {
        var list: Int32
        var phrase: Int32
        var start: Int32
        var end: Int32
    }

    /// Buffers one scan reuses, so matching a turn allocates nothing.
    struct Scratch {
        var raw: [Hit] = []
        var negatorEnds: [Int] = []
    }

    private let automaton: PhraseAutomaton
    private let patterns: [Pattern]
    /// The list names, in the order given; a ``Hit``'s list indexes this.
    let listNames: [String]
    /// Each list name's index.
    let listIndex: [String: Int]
    /// The phrases as the lists write them; a ``Hit``'s phrase indexes this.
    let phrases: [String]
    private let negatable: [Bool]
    private let window: Int

    /// Every distinct phrase the matcher searches for, normalised, in the
    /// order first listed: the lists' phrases, then the negators.
    public let normalizedPhrases: [String]

    /// Compiles phrase lists and a negation rule.
    ///
    /// - Parameters:
    ///   - lists: phrase lists by name; the same phrase may be in several lists.
    ///   - negation: the negators and how far they reach.
    public init(lists: [(name: String, phrases: [String])], negation: Negation) {
        let normalizer = TextNormalizer.shared
        var index: [String: Int] = [:]
        var patterns: [Pattern] = []
        var texts: [[UInt8]] = []
        var phrases: [String] = []
        var normalizedPhrases: [String] = []

        func pattern(for phrase: String) -> Int? {
            let normalized = normalizer.normalizePhrase(phrase)
            guard !normalized.isEmpty else { return nil }
            if let existing = index[normalized] { return existing }
            let bytes = Array(normalized.utf8)
            index[normalized] = patterns.count
            patterns.append(
                Pattern(
                    owners: [], isNegator: false,
                    needsLeftBoundary: normalized.unicodeScalars.first.map(ScalarClass.isWordCharacter) ?? false,
                    needsRightBoundary: normalized.unicodeScalars.last.map(ScalarClass.isWordCharacter) ?? false))
            texts.append(bytes)
            normalizedPhrases.append(normalized)
            return patterns.count - 1
        }

        for (listIndex, list) in lists.enumerated() {
            for phrase in list.phrases {
                if let id = pattern(for: phrase) {
                    patterns[id].owners.append((Int32(listIndex), Int32(phrases.count)))
                    phrases.append(phrase)
                }
            }
        }
        for negator in negation.negators {
            if let id = pattern(for: negator) { patterns[id].isNegator = true }
        }
        self.automaton = PhraseAutomaton(patterns: texts)
        self.patterns = patterns
        self.normalizedPhrases = normalizedPhrases
        self.phrases = phrases
        self.listNames = lists.map(\.name)
        var listIndex: [String: Int] = [:]
        for (position, list) in lists.enumerated() where listIndex[list.name] == nil { listIndex[list.name] = position }
        self.listIndex = listIndex
        self.negatable = lists.map { !negation.exemptLists.contains($0.name) }
        self.window = negation.window
    }

    /// Every counted occurrence of every listed phrase in `text`, by start,
    /// then list: within one list, occurrences do not overlap (the leftmost,
    /// then longest, wins), and negated occurrences are left out.
    public func matches(in text: NormalizedText) -> [PhraseMatch] {
        var scratch = Scratch()
        var hits: [Hit] = []
        collect(in: text.bytes, into: &hits, scratch: &scratch)
        return
            hits
            .map {
                PhraseMatch(
                    list: listNames[Int($0.list)], phrase: phrases[Int($0.phrase)], range: Int($0.start)..<Int($0.end))
            }
            .sorted { ($0.range.lowerBound, $0.list) < ($1.range.lowerBound, $1.list) }
    }

    /// Appends the counted occurrences in `bytes` to `hits`, ordered by list,
    /// then start: within each list the leftmost, then longest, occurrence
    /// wins, and negated occurrences are left out.
    func collect(in bytes: [UInt8], into hits: inout [Hit], scratch: inout Scratch) {
        scratch.raw.removeAll(keepingCapacity: true)
        scratch.negatorEnds.removeAll(keepingCapacity: true)
        bytes.withUnsafeBufferPointer { text in
            automaton.scan(text) { id, end in
                let pattern = patterns[id]
                let start = end - automaton.patternLengths[id]
                if pattern.needsLeftBoundary, let before = ScalarClass.scalar(before: start, in: text),
                    ScalarClass.isWordCharacter(before)
                {
                    return
                }
                if pattern.needsRightBoundary, let after = ScalarClass.scalar(at: end, in: text),
                    ScalarClass.isWordCharacter(after)
                {
                    return
                }
                if pattern.isNegator { scratch.negatorEnds.append(end) }
                for owner in pattern.owners {
                    scratch.raw.append(
                        Hit(list: owner.list, phrase: owner.phrase, start: Int32(start), end: Int32(end)))
                }
            }
        }
        guard !scratch.raw.isEmpty else { return }

        // Leftmost-longest within each list, negated occurrences left out.
        scratch.raw.sort { ($0.list, $0.start, $1.end) < ($1.list, $1.start, $0.end) }
        var lastList: Int32 = -1
        var lastEnd: Int32 = 0
        for hit in scratch.raw {
            if hit.list != lastList {
                lastList = hit.list
                lastEnd = 0
            }
            guard hit.start >= lastEnd else { continue }
            if negatable[Int(hit.list)]
                && isNegated(start: Int(hit.start), negatorEnds: scratch.negatorEnds, bytes: bytes)
            {
                continue
            }
            lastEnd = hit.end
            hits.append(hit)
        }
    }

    /// Whether a negator ends within the window before `start`, with no
    /// clause punctuation between.
    private func isNegated(start: Int, negatorEnds: [Int], bytes: [UInt8]) -> Bool {
        for end in negatorEnds where end <= start {
            if units(between: end, and: start, in: bytes) <= window { return true }
        }
        return false
    }

    /// Han characters and words between two byte offsets; `Int.max` when
    /// clause punctuation stands between.
    private func units(between start: Int, and end: Int, in bytes: [UInt8]) -> Int {
        var count = 0
        var index = start
        var inWord = false
        while index < end {
            guard let scalar = ScalarClass.scalar(at: index, in: bytes) else { break }
            index += UTF8.width(scalar)
            if ScalarClass.isClauseBreak(scalar) { return .max }
            if ScalarClass.isUnspacedScript(scalar) {
                count += 1
                inWord = false
            } else if ScalarClass.isWordCharacter(scalar) {
                if !inWord { count += 1 }
                inWord = true
            } else {
                inWord = false
            }
        }
        return count
    }
}
