/// The content of a turn, as units a restatement would repeat: numbers and
/// amounts (`1280`, `86.40`), Chinese character pairs (`保费`, `两次`) and
/// English content words (`charges`, `april`), from normalised text.
///
/// Pairs with a particle or pronoun (的, 了, 我, 您, …) and English function
/// words are left out: repeating them says nothing.
enum ContentUnits {
    static func of(_ text: NormalizedText) -> Set<String> {
        var units: Set<String> = []
        let scalars = Array(text.string.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if isDigit(scalar) {
                var number = ""
                while index < scalars.count, isDigit(scalars[index]) || (isSeparator(scalars[index]) && index + 1 < scalars.count
                    && isDigit(scalars[index + 1]) && !number.isEmpty) {
                    if scalars[index] != "," { number.unicodeScalars.append(scalars[index]) }
                    index += 1
                }
                units.insert(number)
            } else if ScalarClass.isUnspacedScript(scalar) {
                if index + 1 < scalars.count, ScalarClass.isUnspacedScript(scalars[index + 1]),
                   !functionCharacters.contains(scalar), !functionCharacters.contains(scalars[index + 1]) {
                    units.insert(String(String.UnicodeScalarView([scalar, scalars[index + 1]])))
                }
                index += 1
            } else if ScalarClass.isWordCharacter(scalar) {
                var word = ""
                while index < scalars.count, ScalarClass.isWordCharacter(scalars[index]), !isDigit(scalars[index]) {
                    word.unicodeScalars.append(scalars[index])
                    index += 1
                }
                if word.count >= 3 && !stopWords.contains(word) { units.insert(word) }
            } else {
                index += 1
            }
        }
        return units
    }

    /// The same units as ``of(_:)``, as 64-bit fingerprints of their UTF-8
    /// (FNV-1a), sorted and without repeats: what comparing two turns needs,
    /// read straight from the normalised bytes without building strings.
    static func fingerprints(of text: NormalizedText) -> [UInt64] {
        var units: [UInt64] = []
        text.bytes.withUnsafeBufferPointer { bytes in
            let count = bytes.count
            var index = 0
            while index < count {
                let byte = bytes[index]
                if isDigit(byte) {
                    var hash = offsetBasis, length = 0
                    while index < count {
                        let current = bytes[index]
                        if isDigit(current) {
                            hash = (hash ^ UInt64(current)) &* prime
                        } else if (current == 0x2E || current == 0x2C) && index + 1 < count && isDigit(bytes[index + 1]) && length > 0 {
                            if current != 0x2C { hash = (hash ^ UInt64(current)) &* prime }
                        } else {
                            break
                        }
                        length += 1
                        index += 1
                    }
                    units.append(hash)
                    continue
                }
                guard let scalar = ScalarClass.scalar(at: index, in: bytes) else { break }
                let width = UTF8.width(scalar)
                if ScalarClass.isUnspacedScript(scalar) {
                    if let next = ScalarClass.scalar(at: index + width, in: bytes), ScalarClass.isUnspacedScript(next),
                       !isFunctionCharacter(scalar), !isFunctionCharacter(next) {
                        var hash = offsetBasis
                        for offset in 0..<(width + UTF8.width(next)) { hash = (hash ^ UInt64(bytes[index + offset])) &* prime }
                        units.append(hash)
                    }
                    index += width
                } else if ScalarClass.isWordCharacter(scalar) {
                    var hash = offsetBasis, letters = 0
                    while index < count, let current = ScalarClass.scalar(at: index, in: bytes),
                          ScalarClass.isWordCharacter(current), !isDigit(current) {
                        let width = UTF8.width(current)
                        for offset in 0..<width { hash = (hash ^ UInt64(bytes[index + offset])) &* prime }
                        letters += 1
                        index += width
                    }
                    if letters >= 3 && !stopWordFingerprints.contains(hash) { units.append(hash) }
                } else {
                    index += width
                }
            }
        }
        units.sort()
        var unique = 0
        for unit in units where unique == 0 || units[unique - 1] != unit {
            units[unique] = unit
            unique += 1
        }
        units.removeSubrange(unique...)
        return units
    }

    /// How many fingerprints two sorted lists share.
    static func sharedCount(_ first: [UInt64], _ second: [UInt64]) -> Int {
        var shared = 0, left = 0, right = 0
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

    private static func fingerprint(_ text: String) -> UInt64 {
        text.utf8.reduce(offsetBasis) { ($0 ^ UInt64($1)) &* prime }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isFunctionCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard value >= 0x4E00 && value <= 0x9FFF else { return false }
        let offset = Int(value - 0x4E00)
        return functionBitmap[offset >> 6] & (1 << UInt64(offset & 63)) != 0
    }

    /// ``functionCharacters`` as one bit per CJK unified ideograph.
    private static let functionBitmap: [UInt64] = {
        var bitmap = [UInt64](repeating: 0, count: (0x9FFF - 0x4E00) / 64 + 1)
        for scalar in functionCharacters where (0x4E00...0x9FFF).contains(scalar.value) {
            let offset = Int(scalar.value - 0x4E00)
            bitmap[offset >> 6] |= 1 << UInt64(offset & 63)
        }
        return bitmap
    }()

    private static let stopWordFingerprints: Set<UInt64> = Set(stopWords.map(fingerprint))

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { (0x30...0x39).contains(scalar.value) }
    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool { scalar == "." || scalar == "," }

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
