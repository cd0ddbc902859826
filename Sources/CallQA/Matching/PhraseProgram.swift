/// A phrase of more than one literal piece, or with slots or anchors,
/// compiled for the matcher: its parts, each a chain of pieces and slots, and
/// how each part relates to the one before it.
///
/// The automaton finds the literal pieces; a program is run on a turn only
/// when one of its pieces occurred there, and only then are its slots looked
/// for, so slots and operators cost nothing on other turns.
struct PhraseProgram: Sendable {
    /// One element of a part.
    struct Element: Sendable {
        enum Kind: Sendable {
            case piece(Int32)
            case slot(PhrasePattern.Slot)
        }

        var kind: Kind
        /// How many units may stand between this element and the one before
        /// it in the part (`{any:N}`), or -1: adjacent, a space at most.
        var gap: Int
    }

    /// How a part relates to the one before it, with the units allowed between.
    enum Link: Sendable {
        case after(Int)
        case near(Int)
    }

    let list: Int32
    let phrase: Int32
    let parts: [[Element]]
    let links: [Link]
    let atStart: Bool
    let atEnd: Bool
    /// The distinct pieces, every one of which must occur for a match.
    let pieces: [Int32]

    /// What a piece of a phrase is.
    enum PieceKind {
        /// Literal text.
        case literal
        /// A word's start (`frustrat*`).
        case prefix
        /// A long word of a list with `asr: true`, matched within one edit.
        case fuzzy
    }

    /// Compiles `pattern`; `piece` gives the matcher's piece for a literal
    /// text, prefix or long word; `near` stands for links written without a
    /// count; with `asr`, long words become pieces of their own.
    init(
        pattern: PhrasePattern, list: Int32, phrase: Int32, near: Int, asr: Bool,
        piece: (_ text: String, _ kind: PieceKind) -> Int
    ) {
        self.list = list
        self.phrase = phrase
        atStart = pattern.atStart
        atEnd = pattern.atEnd
        var pieces: [Int32] = []
        parts = pattern.parts.map { items in
            var elements: [Element] = []
            var gap = -1
            for item in items {
                switch item {
                case .text(let text):
                    let segments = asr ? SpeechTolerance.segments(text) : [(text, false)]
                    for segment in segments {
                        let id = Int32(piece(segment.text, segment.isLong ? .fuzzy : .literal))
                        if !pieces.contains(id) { pieces.append(id) }
                        elements.append(Element(kind: .piece(id), gap: gap))
                        gap = -1
                    }
                case .prefix(let text):
                    let id = Int32(piece(text, .prefix))
                    if !pieces.contains(id) { pieces.append(id) }
                    elements.append(Element(kind: .piece(id), gap: gap))
                    gap = -1
                case .slot(let slot):
                    elements.append(Element(kind: .slot(slot), gap: gap))
                    gap = -1
                case .any(let count):
                    gap = max(gap, 0) + count
                }
            }
            return elements
        }
        links = pattern.links.map { link in
            switch link {
            case .after(let count): .after(count ?? near)
            case .near(let count): .near(count ?? near)
            }
        }
        self.pieces = pieces
    }
}

extension PhraseMatcher {
    /// The most steps one program may take on one turn: a bound on the
    /// search for combinations, far above what real turns need.
    static let stepLimit = 20_000

    typealias Span = SlotSpans.Span

    /// Runs the programs one of whose pieces occurred in the turn, adding
    /// their occurrences to `scratch.raw`.
    func evaluatePrograms(
        in bytes: UnsafeBufferPointer<UInt8>, text: NormalizedText, forms: MatchContext.Forms,
        scratch: inout Scratch
    ) {
        scratch.pieceHits.sort { ($0.piece, $0.start, $1.end) < ($1.piece, $1.start, $0.end) }
        scratch.pieceSpans.removeAll(keepingCapacity: true)
        scratch.pieceSpans.append(
            contentsOf: scratch.pieceHits.lazy.map { Span(start: Int($0.start), end: Int($0.end)) })
        scratch.slotsFound = 0
        scratch.slotFacts.reset()
        for candidate in scratch.candidates {
            let program = programs[Int(candidate)]
            guard program.pieces.allSatisfy({ Self.hitRange(of: $0, in: scratch.pieceHits) != nil }) else { continue }
            var run = ProgramRun(companies: companies, program: program, bytes: bytes, text: text, forms: forms)
            for (start, end) in run.occurrences(scratch: &scratch) {
                scratch.raw.append(
                    Hit(list: program.list, phrase: program.phrase, start: Int32(start), end: Int32(end)))
            }
        }
    }

    /// Where a piece's hits are in the sorted piece hits, if it has any.
    static func hitRange(of piece: Int32, in hits: [PieceHit]) -> Range<Int>? {
        let low = hits.partitioningIndex { $0.piece >= piece }
        var end = low
        while end < hits.count && hits[end].piece == piece { end += 1 }
        return end > low ? low..<end : nil
    }
}

/// One program on one turn: finds each part's occurrences, then the
/// combinations the links allow.
private struct ProgramRun {
    typealias Span = SlotSpans.Span

    /// The rubric's company names, normalised, for `{company}`.
    let companies: [[UInt8]]
    let program: PhraseProgram
    let bytes: UnsafeBufferPointer<UInt8>
    let text: NormalizedText
    let forms: MatchContext.Forms
    var steps = 0

    init(
        companies: [[UInt8]], program: PhraseProgram, bytes: UnsafeBufferPointer<UInt8>, text: NormalizedText,
        forms: MatchContext.Forms
    ) {
        self.companies = companies
        self.program = program
        self.bytes = bytes
        self.text = text
        self.forms = forms
    }

    /// The program's occurrences: for each occurrence of its first part, the
    /// first combination of the nearest occurrences of the other parts.
    mutating func occurrences(scratch: inout PhraseMatcher.Scratch) -> [(Int, Int)] {
        var partSpans: [[Span]] = []
        for part in program.parts {
            let spans = occurrences(of: part, scratch: &scratch)
            if spans.isEmpty { return [] }
            partSpans.append(spans)
        }
        var result: [(Int, Int)] = []
        for first in partSpans[0] {
            if let found = combine(1, previous: first, low: first.start, high: first.end, partSpans: partSpans) {
                result.append(found)
            }
            if steps > PhraseMatcher.stepLimit { break }
        }
        return result
    }

    private mutating func combine(_ index: Int, previous: Span, low: Int, high: Int, partSpans: [[Span]])
        -> (Int, Int)?
    {
        steps += 1
        if steps > PhraseMatcher.stepLimit { return nil }
        guard index < partSpans.count else {
            if program.atStart && !startsSentence(at: low) { return nil }
            if program.atEnd && !endsSentence(at: high) { return nil }
            return (low, high)
        }
        switch program.links[index - 1] {
        case .after(let limit):
            for span in partSpans[index] where span.start >= previous.end {
                if units(previous.end, span.start, limit: limit) > limit { break }
                if let found = combine(
                    index + 1, previous: span, low: low, high: max(high, span.end), partSpans: partSpans)
                {
                    return found
                }
            }
        case .near(let limit):
            var candidates: [(distance: Int, span: Span)] = []
            for span in partSpans[index] {
                if span.start >= previous.end {
                    if units(previous.end, span.start, limit: limit) <= limit {
                        candidates.append((span.start - previous.end, span))
                    }
                } else if span.end <= previous.start {
                    if units(span.end, previous.start, limit: limit) <= limit {
                        candidates.append((previous.start - span.end, span))
                    }
                }
            }
            candidates.sort { ($0.distance, $0.span.start) < ($1.distance, $1.span.start) }
            for candidate in candidates {
                let span = candidate.span
                if let found = combine(
                    index + 1, previous: span, low: min(low, span.start), high: max(high, span.end),
                    partSpans: partSpans)
                {
                    return found
                }
            }
        }
        return nil
    }

    /// A part's occurrences, by start: anchored on its first piece (or, in a
    /// part of slots alone, its first slot), extended element by element to
    /// the left and to the right.
    private mutating func occurrences(of part: [PhraseProgram.Element], scratch: inout PhraseMatcher.Scratch)
        -> [Span]
    {
        let anchor =
            part.firstIndex {
                if case .piece = $0.kind { true } else { false }
            } ?? 0
        var result: [Span] = []
        for span in spans(of: part[anchor], scratch: &scratch) {
            guard let start = extendLeft(part, anchor - 1, from: span.start, scratch: &scratch),
                let end = extendRight(part, anchor + 1, from: span.end, scratch: &scratch)
            else { continue }
            result.append(Span(start: start, end: end))
            if steps > PhraseMatcher.stepLimit { break }
        }
        result.sort { ($0.start, $1.end) < ($1.start, $0.end) }
        return result
    }

    private mutating func extendRight(
        _ part: [PhraseProgram.Element], _ index: Int, from position: Int, scratch: inout PhraseMatcher.Scratch
    ) -> Int? {
        guard index < part.count else { return position }
        steps += 1
        if steps > PhraseMatcher.stepLimit { return nil }
        let element = part[index]
        let spaced = position < bytes.count && bytes[position] == UInt8(ascii: " ")
        for span in spans(of: element, scratch: &scratch) where span.start >= position {
            if element.gap < 0 {
                if span.start > position + (spaced ? 1 : 0) { break }
            } else if units(position, span.start, limit: element.gap) > element.gap {
                break
            }
            if let end = extendRight(part, index + 1, from: span.end, scratch: &scratch) { return end }
        }
        return nil
    }

    private mutating func extendLeft(
        _ part: [PhraseProgram.Element], _ index: Int, from position: Int, scratch: inout PhraseMatcher.Scratch
    ) -> Int? {
        guard index >= 0 else { return position }
        steps += 1
        if steps > PhraseMatcher.stepLimit { return nil }
        let gap = part[index + 1].gap
        let spaced = position > 0 && bytes[position - 1] == UInt8(ascii: " ")
        let candidates = spans(of: part[index], scratch: &scratch)
        for span in candidates.reversed() where span.end <= position {
            if gap < 0 {
                if span.end < position - (spaced ? 1 : 0) { continue }
            } else if units(span.end, position, limit: gap) > gap {
                continue
            }
            if let start = extendLeft(part, index - 1, from: span.start, scratch: &scratch) { return start }
        }
        return nil
    }

    /// The occurrences of a piece or a slot in the turn, by start.
    private func spans(of element: PhraseProgram.Element, scratch: inout PhraseMatcher.Scratch) -> ArraySlice<Span> {
        switch element.kind {
        case .piece(let piece):
            guard let range = PhraseMatcher.hitRange(of: piece, in: scratch.pieceHits) else { return [] }
            return scratch.pieceSpans[range]
        case .slot(let slot):
            let index = slot.position
            if scratch.slotsFound & (1 << index) == 0 {
                SlotSpans.spans(
                    of: slot, in: bytes, forms: forms, companies: companies, facts: &scratch.slotFacts,
                    into: &scratch.slotSpans[index], numbers: &scratch.slotNumbers)
                scratch.slotsFound |= 1 << index
            }
            return scratch.slotSpans[index][...]
        }
    }

    private func units(_ start: Int, _ end: Int, limit: Int) -> Int {
        PhraseMatcher.units(between: start, and: end, in: bytes, limit: limit, acrossClauses: true)
    }

    // MARK: - Anchors

    /// Sentence ends: what `^` may follow and `$` may precede.
    private static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\u{3002}", "!", "?", ".", "\u{FF01}", "\u{FF1F}", "\u{FF61}": true
        default: false
        }
    }

    /// Whether only white space and punctuation stand between `position` and
    /// the turn's start or the end of a sentence before it (`。！？.!?` or a
    /// line break).
    private func startsSentence(at position: Int) -> Bool {
        var index = position
        while index > 0, let scalar = ScalarClass.scalar(before: index, in: bytes) {
            if Self.endsSentence(scalar) { return true }
            if scalar == " " {
                if hasLineBreak(atSpace: index - 1) { return true }
            } else if ScalarClass.isWordCharacter(scalar) || ScalarClass.isUnspacedScript(scalar) {
                return false
            }
            index -= UTF8.width(scalar)
        }
        return true
    }

    /// Whether only white space and closing punctuation (quotes, brackets)
    /// stand between `position` and the turn's end or a sentence end
    /// (`。！？.!?` or a line break).
    private func endsSentence(at position: Int) -> Bool {
        var index = position
        while let scalar = ScalarClass.scalar(at: index, in: bytes) {
            if Self.endsSentence(scalar) { return true }
            if scalar == " " {
                if hasLineBreak(atSpace: index) { return true }
            } else {
                switch scalar.properties.generalCategory {
                case .closePunctuation, .finalPunctuation: break
                default: if scalar != "\"" && scalar != "'" { return false }
                }
            }
            index += UTF8.width(scalar)
        }
        return true
    }

    /// Whether the white space a normalised space at `index` stands for held a line break.
    private func hasLineBreak(atSpace index: Int) -> Bool {
        guard index > 0, index + 1 < bytes.count else { return false }
        let from = text.originalRange(of: (index - 1)..<index).upperBound
        let to = Int(text.originStarts[index + 1])
        guard from < to else { return false }
        return text.source.utf8.dropFirst(from).prefix(to - from).contains { $0 == 0x0A || $0 == 0x0D }
    }
}
