/// The content of a turn, as units a restatement would repeat: numbers and
/// amounts (`1280`, `86.40`), Chinese character pairs (`保费`, `两次`) and
/// English content words (`charges`, `april`), from normalised text.
///
/// Pairs with a particle or pronoun (的, 了, 我, 您, …) and English function
/// words are left out: repeating them says nothing.
enum ContentUnits {
    /// The units of a turn, as text: what evidence spells out.
    static func of(_ text: NormalizedText) -> Set<String> {
        of(text.bytes)
    }

    /// The same units as ``of(_:)``, as 64-bit fingerprints of their UTF-8
    /// (FNV-1a), sorted and without repeats: what comparing two turns needs,
    /// without building strings.
    static func fingerprints(of text: NormalizedText) -> [UInt64] {
        fingerprints(of: text.bytes)
    }

    /// The units of part of a turn's normalised text, as ``of(_:)`` spells them.
    static func of(_ bytes: [UInt8]) -> Set<String> {
        var units: Set<String> = []
        forEachUnit(in: bytes) { unit, isWord in
            let unit = String(decoding: unit, as: UTF8.self)
            if !isWord || !stopWords.contains(unit) { units.insert(unit) }
        }
        return units
    }

    /// The fingerprints of part of a turn's normalised text, as ``fingerprints(of:)-(NormalizedText)`` makes them.
    static func fingerprints(of bytes: [UInt8]) -> [UInt64] {
        var units: [UInt64] = []
        forEachUnit(in: bytes) { unit, isWord in
            let print = fingerprint(unit)
            if !isWord || !isStopWord(print) { units.append(print) }
        }
        units.sortAndRemoveRepeats()
        return units
    }

    /// The units of `bytes` whose fingerprints are among `heard` (sorted, as
    /// ``fingerprints(of:)-(NormalizedText)`` makes them), spelt as ``of(_:)``
    /// spells them, sorted and without repeats: what two turns share, with
    /// strings made for the shared units only.
    static func shared(in bytes: [UInt8], heard: [UInt64]) -> [String] {
        var units: [String] = []
        forEachUnit(in: bytes) { unit, isWord in
            let print = fingerprint(unit)
            if isWord && isStopWord(print) { return }
            if heard.sortedContains(print) { units.append(String(decoding: unit, as: UTF8.self)) }
        }
        units.sortAndRemoveRepeats()
        return units
    }

    private static func isStopWord(_ print: UInt64) -> Bool {
        stopWordFingerprints.sortedContains(print)
    }

    /// Calls `body` with the UTF-8 of each unit of normalised text, in order
    /// (repeats included), and whether it is a word of a spaced script (which
    /// may be a stop word): numbers without their thousands commas, pairs of
    /// Han characters without a function character, words of three letters or more.
    /// Numbers written in English words ("forty two", "two hundred") count
    /// as their digits, so a read-back in words restates a number in figures.
    private static func forEachUnit(in text: [UInt8], _ body: (_ unit: [UInt8], _ isWord: Bool) -> Void) {
        var unit: [UInt8] = []
        var spelled = SpelledNumber()
        func flushNumber() {
            if let value = spelled.finish() { body(Array(String(value).utf8), false) }
        }
        defer { flushNumber() }
        text.withUnsafeBufferPointer { bytes in
            let count = bytes.count
            var index = 0
            while index < count {
                unit.removeAll(keepingCapacity: true)
                if isDigit(bytes[index]) {
                    flushNumber()
                    while index < count {
                        let current = bytes[index]
                        let separates =
                            (current == 0x2E || current == 0x2C) && index + 1 < count && isDigit(bytes[index + 1])
                        guard isDigit(current) || separates else { break }
                        if current != 0x2C { unit.append(current) }
                        index += 1
                    }
                    body(unit, false)
                    continue
                }
                guard let scalar = ScalarClass.scalar(at: index, in: bytes) else { break }
                let width = UTF8.width(scalar)
                if ScalarClass.isUnspacedScript(scalar) {
                    flushNumber()
                    if let next = ScalarClass.scalar(at: index + width, in: bytes), ScalarClass.isUnspacedScript(next),
                        !isFunctionCharacter(scalar), !isFunctionCharacter(next)
                    {
                        unit.append(
                            contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + width + UTF8.width(next))])
                        )
                        body(unit, false)
                    }
                    index += width
                } else if ScalarClass.isWordCharacter(scalar) {
                    var letters = 0
                    while index < count, let current = ScalarClass.scalar(at: index, in: bytes),
                        ScalarClass.isWordCharacter(current), !isDigit(bytes[index])
                    {
                        let width = UTF8.width(current)
                        unit.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + width)]))
                        letters += 1
                        index += width
                    }
                    if spelled.add(unit) { continue }
                    flushNumber()
                    if letters >= 3 { body(unit, true) }
                } else {
                    index += width
                }
            }
        }
    }

    /// How many fingerprints two sorted lists share.
    static func sharedCount(_ first: [UInt64], _ second: [UInt64]) -> Int {
        var shared = 0
        var left = 0
        var right = 0
        while left < first.count && right < second.count {
            if first[left] == second[right] {
                shared += 1
                left += 1
                right += 1
            } else if first[left] < second[right] {
                left += 1
            } else {
                right += 1
            }
        }
        return shared
    }

    private static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    private static func fingerprint<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        bytes.reduce(offsetBasis) { ($0 ^ UInt64($1)) &* prime }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isFunctionCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        let block = UnicodeFacts.cjkUnifiedIdeographs
        guard block.contains(value) else { return false }
        let offset = Int(value - block.lowerBound)
        return functionBitmap[offset >> 6] & (1 << UInt64(offset & 63)) != 0
    }

    /// ``functionCharacters`` as one bit per CJK unified ideograph
    /// (``UnicodeFacts/cjkUnifiedIdeographs``).
    private static let functionBitmap: [UInt64] = {
        let block = UnicodeFacts.cjkUnifiedIdeographs
        var bitmap = [UInt64](repeating: 0, count: Int(block.upperBound - block.lowerBound) / 64 + 1)
        for scalar in functionCharacters where block.contains(scalar.value) {
            let offset = Int(scalar.value - block.lowerBound)
            bitmap[offset >> 6] |= 1 << UInt64(offset & 63)
        }
        return bitmap
    }()

    /// The stop words' fingerprints, sorted.
    private static let stopWordFingerprints: [UInt64] = stopWords.map { fingerprint($0.utf8) }.sorted()

    private static let functionCharacters: Set<Unicode.Scalar> = Set("的了吗呢吧啊呀嗯哦我你您他她它是这那个一就也都在有和么".unicodeScalars)

    private static let stopWords: Set<String> = [
        "the", "and", "for", "you", "your", "yours", "are", "was", "were", "this", "that", "these", "those", "with",
        "have", "has", "had", "not", "but", "can", "could", "would", "should", "will", "what", "which", "who", "how",
        "why", "when", "where", "there", "here", "from", "about", "into", "just", "also", "very", "really", "all",
        "any", "some", "our", "out", "they", "them", "their", "then", "than", "been", "being", "did", "does", "doing",
        "i'm", "it's", "that's", "you're", "i've", "i'll", "we're", "don't", "can't", "let", "me", "yes", "okay",
        "please", "thank", "thanks", "sure", "right", "well", "get", "got", "see", "say", "said", "one", "too",
        "its", "his", "her", "him", "she", "may", "might", "must", "need", "want", "like", "make", "know",
    ]
}
