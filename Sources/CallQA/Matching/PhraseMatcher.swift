/// Matches named phrase lists against normalised text, all lists in one pass.
///
/// - Phrases are normalised like the text (see ``TextNormalizer``), so a
///   simplified phrase finds traditional text and `ＯＫ` finds `ok`.
/// - Chinese (and other unspaced scripts) match as substrings; a phrase that
///   starts or ends with a letter or digit of a spaced script needs a word
///   boundary there: "sorry" does not match "sorryness".
/// - English words match in any form (Snowball stems): "apologize" finds
///   "apologized" and "apologies". A phrase written `=sorry`, or any phrase
///   of a list with `exact: true`, matches only the form written.
/// - The matching language adds prefixes (`frustrat*`), order and nearness
///   (`A ... B`, `A ~5 B`), slots (`{number}`, `{name}`, `{agent}`,
///   `{company}`, `{any:N}`) and anchors (`^`, `$`); see the README's
///   "Matching language". An occurrence of a phrase of several parts spans
///   from its first part's start to its last part's end.
/// - A list with `asr: true` forgives speech recognition: Han characters
///   that sound the same, long English words one letter off
///   (``SpeechTolerance``).
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

    /// The view of a turn a pattern is looked for in, as a bit of a mask.
    enum View: UInt8, Sendable {
        /// Every English word as its stem: literal pieces (exact ones are
        /// then compared with the normalised text).
        case stemmed = 1
        /// The normalised text: prefixes (`frustrat*`).
        case normal = 2
        /// The stemmed view with every Han character as its reading's
        /// representative: pieces with Han of lists with `asr: true`.
        case homophone = 4
    }

    /// A string the automaton finds, and the pieces that are found with it.
    struct Pattern: Sendable {
        var view: View
        var needsLeftBoundary: Bool
        var needsRightBoundary: Bool
        var pieces: [Int32] = []
    }

    /// A literal piece of one or more phrases.
    struct Piece: Sendable {
        /// For a piece that matches only as written: its normalised bytes.
        var exact: [UInt8]?
        /// A prefix: the occurrence extends to the end of its word.
        var isPrefix: Bool
        /// A long word of a list with `asr: true`: the word and its stem,
        /// either matched within one edit by ``SpeechTolerance`` (a word of
        /// the text, or its stem), not by the automaton.
        var fuzzy: [[UInt8]]?
        var isNegator = false
        /// The phrases that are this piece alone.
        var owners: [(list: Int32, phrase: Int32)] = []
        /// The phrases of several pieces, slots or anchors it is part of.
        var programs: [Int32] = []
    }

    /// One counted occurrence, by number: the list, the phrase as the list
    /// writes it (an index into ``phrases``), and the normalised byte range.
    struct Hit: Sendable, Equatable {
        var list: Int32
        var phrase: Int32
        var start: Int32
        var end: Int32
    }

    /// A piece found in a turn, in normalised byte offsets.
    struct PieceHit: Sendable {
        var piece: Int32
        var start: Int32
        var end: Int32
    }

    /// Buffers one scan reuses, so matching a turn allocates little, and the
    /// stemmer the scan uses (leased from a pool: a stemmer is not shared
    /// between threads).
    struct Scratch {
        var raw: [Hit] = []
        var negatorEnds: [Int] = []
        var found: [PieceHit] = []
        var view = StemmedView()
        var homophones: [UInt8] = []
        var foundHomophones: [PieceHit] = []
        var foundPrefixes: [PieceHit] = []
        var lease: WordStemmer.Lease?
        var pieceHits: [PieceHit] = []
        var pieceSpans: [SlotSpans.Span] = []
        var candidates: [Int32] = []
        var marks: [UInt32] = []
        var generation: UInt32 = 0
        /// Each slot's spans in the turn, valid where ``slotsFound`` has its bit.
        var slotSpans: [[SlotSpans.Span]] = Array(repeating: [], count: PhrasePattern.Slot.allCases.count)
        var slotsFound: UInt8 = 0
        var slotNumbers: [SlotSpans.Span] = []
        var slotFacts = SlotSpans.TurnFacts()
        var steps = 0
    }

    let automaton: PhraseAutomaton
    let patterns: [Pattern]
    let pieces: [Piece]
    let programs: [PhraseProgram]
    /// Whether some stemmed-view pattern has letters (else no turn needs the view).
    private let usesStems: Bool
    /// Whether some prefix has letters (else the stemmed view serves alone).
    private let usesPrefixes: Bool
    /// Whether some pattern is looked for in the homophone view.
    private let usesHomophones: Bool
    /// Long words of `asr` lists by the hashes of their one-letter deletions.
    private let fuzzyIndex: [UInt64: [Int32]]
    /// The names in the rubric's `company` list, normalised, for `{company}`.
    let companies: [[UInt8]]
    /// The list names, in the order given; a ``Hit``'s list indexes this.
    let listNames: [String]
    /// Each list name's index.
    let listIndex: [String: Int]
    /// The phrases as the lists write them; a ``Hit``'s phrase indexes this.
    let phrases: [String]
    private let negatable: [Bool]
    private let window: Int

    /// Every distinct literal piece the matcher searches for, normalised, in
    /// the order first listed: the lists' phrases (their words, without
    /// operators and slots), then the negators.
    public let normalizedPhrases: [String]

    /// Compiles phrase lists and a negation rule; every phrase matches word
    /// forms, and `near` (`A ... B`, `A ~ B`) is 8 units.
    ///
    /// - Parameters:
    ///   - lists: phrase lists by name; the same phrase may be in several lists.
    ///   - negation: the negators and how far they reach.
    public init(lists: [(name: String, phrases: [String])], negation: Negation) {
        self.init(phraseLists: lists.map { Rubric.PhraseList(name: $0.name, phrases: $0.phrases) }, negation: negation)
    }

    /// Compiles phrase lists, with their settings (`exact`, `near`), and a negation rule.
    init(phraseLists lists: [Rubric.PhraseList], negation: Negation) {
        let lease = WordStemmer.pool.lease()
        var compiler = Compiler(stemmer: lease.stemmer)
        var phrases: [String] = []
        var programs: [PhraseProgram] = []
        var companies: [[UInt8]] = []

        for (listNumber, list) in lists.enumerated() {
            for phrase in list.phrases {
                let pattern: PhrasePattern
                switch PhrasePattern.parse(phrase) {
                case .success(let parsed): pattern = parsed
                case .failure:
                    // A rubric refuses such a phrase; a matcher made in code takes it as text.
                    let text = TextNormalizer.shared.normalizePhrase(phrase)
                    guard !text.isEmpty else { continue }
                    pattern = PhrasePattern(
                        exact: false, atStart: false, atEnd: false, parts: [[.text(text)]], links: [])
                }
                let exact = pattern.exact || list.exact
                let phraseNumber = Int32(phrases.count)
                phrases.append(phrase)
                if list.name == "company", pattern.isPlainText, case .text(let text) = pattern.parts[0][0] {
                    companies.append(Array(text.utf8))
                }
                if pattern.isPlainText, case .text(let text) = pattern.parts[0][0],
                    !list.asr || !SpeechTolerance.hasLongWord(text)
                {
                    let piece = compiler.piece(text, exact: exact, prefix: false, asr: list.asr)
                    compiler.pieces[piece].owners.append((Int32(listNumber), phraseNumber))
                    continue
                }
                let program = PhraseProgram(
                    pattern: pattern, list: Int32(listNumber), phrase: phraseNumber, near: list.near, asr: list.asr
                ) { text, kind in
                    switch kind {
                    case .literal: compiler.piece(text, exact: exact, prefix: false, asr: list.asr)
                    case .prefix: compiler.piece(text, exact: exact, prefix: true, asr: false)
                    case .fuzzy: compiler.fuzzyPiece(text)
                    }
                }
                for piece in program.pieces { compiler.pieces[Int(piece)].programs.append(Int32(programs.count)) }
                programs.append(program)
            }
        }
        for negator in negation.negators {
            let text = TextNormalizer.shared.normalizePhrase(negator)
            guard !text.isEmpty else { continue }
            let piece = compiler.piece(text, exact: true, prefix: false, asr: false)
            compiler.pieces[piece].isNegator = true
        }

        self.automaton = PhraseAutomaton(patterns: compiler.texts)
        self.patterns = compiler.patterns
        self.pieces = compiler.pieces
        self.programs = programs
        self.companies = companies
        self.normalizedPhrases = compiler.shown
        self.usesStems = zip(compiler.patterns, compiler.texts).contains { $0.view == .stemmed && Self.hasWord($1) }
        self.usesPrefixes = zip(compiler.patterns, compiler.texts).contains { $0.view == .normal && Self.hasWord($1) }
        self.usesHomophones = compiler.patterns.contains { $0.view == .homophone }
        self.fuzzyIndex = compiler.fuzzyIndex
        self.phrases = phrases
        self.listNames = lists.map(\.name)
        var listIndex: [String: Int] = [:]
        for (position, list) in lists.enumerated() where listIndex[list.name] == nil { listIndex[list.name] = position }
        self.listIndex = listIndex
        self.negatable = lists.map { !negation.exemptLists.contains($0.name) }
        self.window = negation.window
    }

    /// Whether UTF-8 holds an ASCII letter or apostrophe: what the stemmed view can change.
    private static func hasWord(_ bytes: [UInt8]) -> Bool {
        bytes.contains { ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x27 }
    }

    /// Builds the automaton's patterns and the pieces found with them.
    private struct Compiler {
        let stemmer: WordStemmer
        var patterns: [Pattern] = []
        var texts: [[UInt8]] = []
        var pieces: [Piece] = []
        var shown: [String] = []
        var fuzzyIndex: [UInt64: [Int32]] = [:]
        private var patternIndex: [String: Int] = [:]
        private var pieceIndex: [String: Int] = [:]
        private var shownSet: Set<String> = []

        init(stemmer: WordStemmer) {
            self.stemmer = stemmer
        }

        /// The piece for normalised `text`: matching only as written
        /// (`exact`), as a word's start (`prefix`), or in any word form; with
        /// `asr`, Han characters match characters that sound the same.
        mutating func piece(_ text: String, exact: Bool, prefix: Bool, asr: Bool) -> Int {
            if shownSet.insert(text).inserted { shown.append(text) }
            var bytes = Array(text.utf8)
            let homophone = asr && !prefix && bytes.withUnsafeBufferPointer(SpeechTolerance.hasHan)
            let view: View = prefix ? .normal : homophone ? .homophone : .stemmed
            var search = prefix ? bytes : StemmedView.stemmed(bytes, stemmer: stemmer)
            if homophone {
                search = SpeechTolerance.homophones(search)
                bytes = []
            }
            let verify = exact && !prefix && !homophone && PhraseMatcher.hasWord(bytes) ? bytes : nil
            let key = (prefix ? "p" : homophone ? (exact ? "H" : "h") : exact ? "e" : "s") + text
            if let existing = pieceIndex[key] { return existing }
            let patternKey = String(view.rawValue) + String(decoding: search, as: UTF8.self)
            let pattern: Int
            if let existing = patternIndex[patternKey] {
                pattern = existing
            } else {
                pattern = patterns.count
                patternIndex[patternKey] = pattern
                let (first, last) = search.withUnsafeBufferPointer {
                    (ScalarClass.scalar(at: 0, in: $0), ScalarClass.scalar(before: $0.count, in: $0))
                }
                patterns.append(
                    Pattern(
                        view: view, needsLeftBoundary: first.map(ScalarClass.isWordCharacter) ?? false,
                        needsRightBoundary: !prefix && (last.map(ScalarClass.isWordCharacter) ?? false)))
                texts.append(search)
            }
            let id = pieces.count
            pieceIndex[key] = id
            pieces.append(Piece(exact: verify, isPrefix: prefix))
            patterns[pattern].pieces.append(Int32(id))
            return id
        }

        /// The piece for a long word of a list with `asr: true`: found by its
        /// stem within one edit, outside the automaton.
        mutating func fuzzyPiece(_ word: String) -> Int {
            if shownSet.insert(word).inserted { shown.append(word) }
            let key = "f" + word
            if let existing = pieceIndex[key] { return existing }
            let forms = Array(Set([Array(word.utf8), StemmedView.stemmed(Array(word.utf8), stemmer: stemmer)]))
            let id = pieces.count
            pieceIndex[key] = id
            pieces.append(Piece(exact: nil, isPrefix: false, fuzzy: forms))
            for hash in Set(forms.flatMap(SpeechTolerance.hashes)) { fuzzyIndex[hash, default: []].append(Int32(id)) }
            return id
        }
    }

    /// Every counted occurrence of every listed phrase in `text`, by start,
    /// then list: within one list, occurrences do not overlap (the leftmost,
    /// then longest, wins), and negated occurrences are left out. With no
    /// call, `{name}` and `{agent}` know no names: redaction tokens (and staff
    /// numbers for `{agent}`) still count.
    public func matches(in text: NormalizedText) -> [PhraseMatch] {
        matches(in: text, context: MatchContext())
    }

    /// ``matches(in:)`` with the call's names for the slots that depend on it.
    func matches(in text: NormalizedText, context: MatchContext) -> [PhraseMatch] {
        var scratch = Scratch()
        var hits: [Hit] = []
        collect(in: text, forms: context.forms, into: &hits, scratch: &scratch)
        return
            hits
            .map {
                PhraseMatch(
                    list: listNames[Int($0.list)], phrase: phrases[Int($0.phrase)], range: Int($0.start)..<Int($0.end))
            }
            .sorted { ($0.range.lowerBound, $0.list) < ($1.range.lowerBound, $1.list) }
    }

    /// Appends the counted occurrences in `text` to `hits`, ordered by list,
    /// then start: within each list the leftmost, then longest, occurrence
    /// wins, and negated occurrences are left out.
    func collect(
        in text: NormalizedText, forms: MatchContext.Forms, into hits: inout [Hit], scratch: inout Scratch
    ) {
        scratch.raw.removeAll(keepingCapacity: true)
        scratch.negatorEnds.removeAll(keepingCapacity: true)
        scratch.pieceHits.removeAll(keepingCapacity: true)
        scratch.candidates.removeAll(keepingCapacity: true)
        if !programs.isEmpty {
            if scratch.marks.count != programs.count {
                scratch.marks = [UInt32](repeating: 0, count: programs.count)
                scratch.generation = 0
            }
            scratch.generation &+= 1
            if scratch.generation == 0 {
                scratch.marks = [UInt32](repeating: 0, count: programs.count)
                scratch.generation = 1
            }
        }
        var found = scratch.found
        scratch.found = []
        found.removeAll(keepingCapacity: true)
        var view = scratch.view
        scratch.view = StemmedView()

        text.bytes.withUnsafeBufferPointer { normal in
            var separate = false
            if usesStems && StemmedView.hasLetters(normal) {
                let lease = scratch.lease ?? WordStemmer.pool.lease()
                scratch.lease = lease
                separate = view.build(of: normal, stemmer: lease.stemmer)
            }
            if separate {
                view.withBuffers { stemmed, map in
                    if usesPrefixes && !(usesHomophones && SpeechTolerance.hasHan(stemmed)) {
                        // The stemmed view and the normalised text (for prefixes)
                        // side by side; prefixes reported after the view's pieces.
                        var prefixes = scratch.foundPrefixes
                        scratch.foundPrefixes = []
                        prefixes.removeAll(keepingCapacity: true)
                        automaton.scan(stemmed, normal) { which, id, end in
                            if which == 0 {
                                report(id, end: end, in: stemmed, map: map, only: View.stemmed.rawValue, into: &found)
                            } else {
                                report(id, end: end, in: normal, map: nil, only: View.normal.rawValue, into: &prefixes)
                            }
                        }
                        if !fuzzyIndex.isEmpty { fuzzyWords(in: stemmed, map: map, found: &found) }
                        found.append(contentsOf: prefixes)
                        scratch.foundPrefixes = prefixes
                    } else {
                        scanTolerating(
                            stemmed, map: map, only: View.stemmed.rawValue, scratch: &scratch, into: &found)
                        if usesPrefixes { scan(normal, map: nil, only: View.normal.rawValue, into: &found) }
                    }
                }
                if !fuzzyIndex.isEmpty { fuzzyWords(in: normal, map: nil, found: &found) }
            } else {
                scanTolerating(
                    normal, map: nil, only: View.stemmed.rawValue | View.normal.rawValue, scratch: &scratch,
                    into: &found)
            }
            for occurrence in found {
                record(occurrence, in: normal, scratch: &scratch)
            }
            if !scratch.candidates.isEmpty {
                evaluatePrograms(in: normal, text: text, forms: forms, scratch: &scratch)
            }
        }
        scratch.found = found
        scratch.view = view
        guard !scratch.raw.isEmpty else { return }

        // Leftmost-longest within each list, negated occurrences left out.
        scratch.raw.sort { ($0.list, $0.start, $1.end) < ($1.list, $1.start, $0.end) }
        scratch.negatorEnds.sort()
        var lastList: Int32 = -1
        var lastEnd: Int32 = 0
        text.bytes.withUnsafeBufferPointer { bytes in
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
    }

    /// Reports the patterns of the views `only` in `text` (the stemmed view,
    /// or the normalised text when they are the same), then what lists with
    /// `asr: true` forgive there: pieces with Han looked for in its homophone
    /// view — scanned beside `text` in one pass, reported after it — and
    /// long words within one edit of its words.
    private func scanTolerating(
        _ text: UnsafeBufferPointer<UInt8>, map: UnsafeBufferPointer<Int32>?, only views: UInt8,
        scratch: inout Scratch, into found: inout [PieceHit]
    ) {
        if usesHomophones && SpeechTolerance.hasHan(text) {
            if scratch.homophones.count < text.count {
                scratch.homophones = [UInt8](repeating: 0, count: max(text.count, 2 * scratch.homophones.count))
            }
            var heard = scratch.foundHomophones
            scratch.foundHomophones = []
            heard.removeAll(keepingCapacity: true)
            scratch.homophones.withUnsafeMutableBufferPointer { output in
                let view = UnsafeMutableBufferPointer(rebasing: output[0..<text.count])
                SpeechTolerance.homophones(text, into: view)
                let homophones = UnsafeBufferPointer(view)
                automaton.scan(text, homophones) { which, id, end in
                    if which == 0 {
                        report(id, end: end, in: text, map: map, only: views, into: &found)
                    } else {
                        report(id, end: end, in: homophones, map: map, only: View.homophone.rawValue, into: &heard)
                    }
                }
            }
            found.append(contentsOf: heard)
            scratch.foundHomophones = heard
        } else {
            scan(text, map: map, only: views, into: &found)
        }
        if !fuzzyIndex.isEmpty { fuzzyWords(in: text, map: map, found: &found) }
    }

    /// Reports the words of `text` within one edit of a long word of an
    /// `asr` list (or of its stem), as ``PieceHit``s with `-1 - piece`.
    private func fuzzyWords(
        in text: UnsafeBufferPointer<UInt8>, map: UnsafeBufferPointer<Int32>?, found: inout [PieceHit]
    ) {
        var index = 0
        while index < text.count {
            guard Self.isLetter(text[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < text.count, Self.isLetter(text[end]) || text[end] == 0x27 { end += 1 }
            defer { index = end }
            let bounded =
                (ScalarClass.scalar(before: index, in: text).map { !ScalarClass.isWordCharacter($0) } ?? true)
                && (ScalarClass.scalar(at: end, in: text).map { !ScalarClass.isWordCharacter($0) } ?? true)
            let word = UnsafeBufferPointer(rebasing: text[index..<end])
            guard bounded, word.count >= 4, word.count <= 40 else { continue }
            var matched: [Int32] = []
            for skipped in 0...word.count {
                for piece in fuzzyIndex[SpeechTolerance.hash(word, skipping: skipped)] ?? []
                where !matched.contains(piece) {
                    let forms = pieces[Int(piece)].fuzzy!
                    guard
                        forms.contains(where: { form in
                            form.withUnsafeBufferPointer { SpeechTolerance.withinOneEdit($0, word) }
                        })
                    else { continue }
                    matched.append(piece)
                    let start = map.map { $0[index] } ?? Int32(index)
                    let stop = map.map { $0[end] } ?? Int32(end)
                    found.append(PieceHit(piece: -1 - piece, start: start, end: stop))
                }
            }
        }
    }

    @inline(__always)
    private static func isLetter(_ byte: UInt8) -> Bool {
        byte >= 0x61 && byte <= 0x7A
    }

    /// Reports every pattern found in `text` with its word boundaries, in
    /// normalised offsets (through `map` for the stemmed view); `only` is the
    /// mask of the views whose patterns count.
    private func scan(
        _ text: UnsafeBufferPointer<UInt8>, map: UnsafeBufferPointer<Int32>?, only views: UInt8,
        into found: inout [PieceHit]
    ) {
        automaton.scan(text) { id, end in report(id, end: end, in: text, map: map, only: views, into: &found) }
    }

    /// Reports pattern `id` ending at `end` in `text` when it is of one of
    /// the views `only` and stands at the word boundaries it needs.
    @inline(__always)
    private func report(
        _ id: Int, end: Int, in text: UnsafeBufferPointer<UInt8>, map: UnsafeBufferPointer<Int32>?, only views: UInt8,
        into found: inout [PieceHit]
    ) {
        let pattern = patterns[id]
        if pattern.view.rawValue & views == 0 { return }
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
        if let map {
            found.append(PieceHit(piece: Int32(id), start: map[start], end: map[end]))
        } else {
            found.append(PieceHit(piece: Int32(id), start: Int32(start), end: Int32(end)))
        }
    }

    /// Records a pattern's occurrence (`occurrence.piece` is the pattern) for
    /// each of its pieces: exact pieces compared with the text, prefixes
    /// extended to their word's end.
    private func record(_ occurrence: PieceHit, in text: UnsafeBufferPointer<UInt8>, scratch: inout Scratch) {
        if occurrence.piece < 0 {
            record(piece: -1 - occurrence.piece, occurrence, in: text, scratch: &scratch)
        } else {
            for id in patterns[Int(occurrence.piece)].pieces {
                record(piece: id, occurrence, in: text, scratch: &scratch)
            }
        }
    }

    /// Records one piece's occurrence. Reads the piece's fields in place: a
    /// copy of the piece would retain and release each of its lists, for
    /// every occurrence in every turn.
    private func record(
        piece id: Int32, _ occurrence: PieceHit, in text: UnsafeBufferPointer<UInt8>, scratch: inout Scratch
    ) {
        let index = Int(id)
        let start = Int(occurrence.start)
        var end = Int(occurrence.end)
        if let exact = pieces[index].exact {
            guard end - start == exact.count, text[start..<end].elementsEqual(exact) else { return }
        }
        if pieces[index].isPrefix {
            while let scalar = ScalarClass.scalar(at: end, in: text), ScalarClass.isWordCharacter(scalar) {
                end += UTF8.width(scalar)
            }
        }
        if pieces[index].isNegator { scratch.negatorEnds.append(end) }
        for owner in pieces[index].owners {
            scratch.raw.append(Hit(list: owner.list, phrase: owner.phrase, start: Int32(start), end: Int32(end)))
        }
        if !pieces[index].programs.isEmpty {
            scratch.pieceHits.append(PieceHit(piece: id, start: Int32(start), end: Int32(end)))
            for program in pieces[index].programs where scratch.marks[Int(program)] != scratch.generation {
                scratch.marks[Int(program)] = scratch.generation
                scratch.candidates.append(program)
            }
        }
    }

    /// Whether a negator ends within the window before `start`, with no
    /// clause punctuation between.
    ///
    /// `negatorEnds` is sorted. Only the last negator to end at or before
    /// `start` needs a look: the units between an earlier one and `start`
    /// include those between it and `start` (and any clause punctuation),
    /// so a turn with many negators costs a binary search per occurrence.
    private func isNegated(start: Int, negatorEnds: [Int], bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let after = negatorEnds.partitioningIndex { $0 > start }
        guard after > 0 else { return false }
        return Self.units(between: negatorEnds[after - 1], and: start, in: bytes, limit: window, acrossClauses: false)
            <= window
    }

    /// Han characters and words between two byte offsets, counted up to one
    /// past `limit`; `Int.max` when clause punctuation stands between and
    /// `acrossClauses` is false.
    static func units(
        between start: Int, and end: Int, in bytes: UnsafeBufferPointer<UInt8>, limit: Int, acrossClauses: Bool
    ) -> Int {
        var count = 0
        var index = start
        var inWord = false
        while index < end {
            guard let scalar = ScalarClass.scalar(at: index, in: bytes) else { break }
            index += UTF8.width(scalar)
            if !acrossClauses && ScalarClass.isClauseBreak(scalar) { return .max }
            if ScalarClass.isUnspacedScript(scalar) {
                count += 1
                inWord = false
            } else if ScalarClass.isWordCharacter(scalar) {
                if !inWord { count += 1 }
                inWord = true
            } else {
                inWord = false
            }
            if count > limit { return count }
        }
        return count
    }
}
