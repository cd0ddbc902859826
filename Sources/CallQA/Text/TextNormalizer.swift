import Foundation

/// Normalises text for matching, keeping the way back to the original words.
///
/// Matching is done on a normalised copy; evidence always quotes the
/// original. Normalisation, scalar by scalar:
/// - Unicode compatibility forms (NFKC): full-width `ＡＢＣ１２３，：` becomes
///   `ABC123,:`, the ideographic space a space;
/// - case folding (lower case);
/// - traditional Chinese characters become simplified (們 → 们, 謝 → 谢);
/// - typographic apostrophes and quotes become `'` and `"`;
/// - every run of white space becomes one space.
///
/// The normalised text is UTF-8; each byte knows the original UTF-8 range it
/// came from, so a match can be mapped back to the exact words written.
public struct TextNormalizer: Sendable {
    /// The shared normaliser; building its tables takes a few milliseconds, once.
    public static let shared = TextNormalizer()

    /// For every scalar of the Basic Multilingual Plane: 0 when normalisation
    /// leaves it as it is, ``space`` for white space, otherwise the offset of
    /// its replacement in ``pool`` shifted left 8 bits, ORed with its length.
    private let table: [UInt32]
    /// The UTF-8 of every replacement, one after another.
    private let pool: [UInt8]
    private static let space: UInt32 = 1

    private init() {
        let han = UnicodeFacts.cjkUnifiedIdeographs
        var simplified = [UInt32](repeating: 0, count: han.count)
        let scalars = Array(HanSimplification.pairs.unicodeScalars)
        for index in stride(from: 0, to: scalars.count - 1, by: 2) where han.contains(scalars[index].value) {
            simplified[Int(scalars[index].value - han.lowerBound)] = scalars[index + 1].value
        }
        let replacements = Self.compatibilityTable(simplified: simplified)
        var table = [UInt32](repeating: 0, count: 0x10000)
        var pool: [UInt8] = [0]
        func replace(_ value: UInt32, with result: [Unicode.Scalar]) {
            if result == [" "] {
                table[Int(value)] = Self.space
                return
            }
            let start = pool.count
            for scalar in result { pool.append(contentsOf: UTF8.encode(scalar)!) }
            table[Int(value)] = UInt32(start) << 8 | UInt32(pool.count - start)
        }
        for value in UInt32(0x41)...0x5A { replace(value, with: [Unicode.Scalar(value + 0x20)!]) }
        for value in 0x09...0x0D { table[value] = Self.space }
        for (offset, mapped) in simplified.enumerated() where mapped != 0 {
            replace(han.lowerBound + UInt32(offset), with: [Unicode.Scalar(mapped)!])
        }
        for (value, replacement) in replacements { replace(value, with: replacement) }
        // Elsewhere only white space and case change; scripts without case or
        // white space (Han, kana, Hangul, Yi, private use) are not looked up,
        // to start fast, nor ASCII, done above.
        let settled: [ClosedRange<UInt32>] =
            CompatibilityMapping.blocks + [
                UnicodeFacts.basicLatin, UnicodeFacts.hangulJamo, UnicodeFacts.kana, UnicodeFacts.bopomofo,
                UnicodeFacts.kanbunToKatakanaExtensions, UnicodeFacts.cjkExtensionA, UnicodeFacts.cjkUnifiedIdeographs,
                UnicodeFacts.yi, UnicodeFacts.hangulSyllables, UnicodeFacts.surrogatesAndPrivateUse,
            ]
        var value: UInt32 = 0
        for range in settled.sorted(by: { $0.lowerBound < $1.lowerBound }) + [0x10000...0x10000] {
            while value < min(range.lowerBound, 0x10000) {
                if let scalar = Unicode.Scalar(value) {
                    if scalar.isTranscriptWhitespace {
                        table[Int(value)] = Self.space
                    } else if scalar.properties.changesWhenLowercased {
                        replace(value, with: Array(scalar.properties.lowercaseMapping.unicodeScalars))
                    }
                }
                value += 1
            }
            value = max(value, range.upperBound + 1)
        }
        self.table = table
        self.pool = pool
    }

    /// Normalises `text`.
    public func normalize(_ text: String) -> NormalizedText {
        var source = text
        // Normalised text is rarely longer than the original (ligatures and
        // symbols such as ㈱ expand); when it is, the room is doubled.
        var capacity = source.utf8.count + 24
        while true {
            var length = 0
            var origins: [Int32] = []
            let bytes = source.withUTF8 { input in
                table.withUnsafeBufferPointer { table in
                    pool.withUnsafeBufferPointer { pool in
                        [UInt8](unsafeUninitializedCapacity: capacity) { output, outputCount in
                            origins = [Int32](unsafeUninitializedCapacity: capacity) { starts, startsCount in
                                length = Self.normalize(input, into: output, origins: starts, table: table, pool: pool)
                                startsCount = max(length, 0)
                            }
                            outputCount = max(length, 0)
                        }
                    }
                }
            }
            if length >= 0 { return NormalizedText(bytes: bytes, originStarts: origins, source: text) }
            capacity *= 2
        }
    }

    /// The hot loop: table look-ups on UTF-8. Returns the normalised length,
    /// or -1 when `output` is too small.
    private static func normalize(
        _ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>,
        origins: UnsafeMutableBufferPointer<Int32>, table: UnsafeBufferPointer<UInt32>,
        pool: UnsafeBufferPointer<UInt8>
    ) -> Int {
        let count = input.count
        let capacity = output.count
        var index = 0
        var length = 0
        var pendingSpace = false

        /// Writes the pending space, if there is one, as coming from the
        /// scalar starting at `start`; the caller has made sure of the room.
        @inline(__always)
        func writePendingSpace(from start: Int) {
            guard pendingSpace else { return }
            output[length] = 0x20
            origins[length] = Int32(start)
            length += 1
            pendingSpace = false
        }

        /// Writes one byte that the scalar starting at `start` became; a space
        /// only marks one as pending (runs collapse, none leads or trails).
        /// `false` when there is no room.
        func put(_ byte: UInt8, from start: Int) -> Bool {
            if byte == 0x20 {
                if length > 0 { pendingSpace = true }
                return true
            }
            guard length + 1 < capacity else { return false }
            writePendingSpace(from: start)
            output[length] = byte
            origins[length] = Int32(start)
            length += 1
            return true
        }

        while index < count {
            let start = index
            let lead = input[index]
            if lead < 0x80 {
                // ASCII: a space, a capital, or itself.
                index += 1
                let entry = table[Int(lead)]
                if entry == space || lead == 0x20 {
                    if length > 0 { pendingSpace = true }
                    continue
                }
                guard length + 2 <= capacity else { return -1 }
                writePendingSpace(from: start)
                output[length] = entry == 0 ? lead : pool[Int(entry >> 8)]
                origins[length] = Int32(start)
                length += 1
                continue
            }
            if lead >= 0xE0 && lead < 0xF0 {
                // Three bytes (Han, kana, CJK punctuation, full-width forms):
                // when left as they are, copied as they stand.
                let second = input[index + 1]
                let third = input[index + 2]
                let value = UInt32(lead & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
                if table[Int(value)] == 0 {
                    guard length + 4 <= capacity else { return -1 }
                    writePendingSpace(from: start)
                    output[length] = lead
                    output[length + 1] = second
                    output[length + 2] = third
                    origins[length] = Int32(start)
                    origins[length + 1] = Int32(start)
                    origins[length + 2] = Int32(start)
                    length += 3
                    index += 3
                    continue
                }
            }
            let (value, width) = UTF8Scalars.decode(at: index, in: input)
            index += width
            let entry: UInt32 = value < 0x10000 ? table[Int(value)] : Self.supplementary(value)
            if entry == 0 {
                // Left as it is (most Han): its bytes copied, none of them a space.
                guard length + width + 1 <= capacity else { return -1 }
                writePendingSpace(from: start)
                for offset in 0..<width {
                    output[length + offset] = input[start + offset]
                    origins[length + offset] = Int32(start)
                }
                length += width
                continue
            }
            switch entry {
            case space:
                guard put(0x20, from: start) else { return -1 }
            case cased:
                // A letter beyond the Basic Multilingual Plane with a lower case (rare).
                for byte in Unicode.Scalar(value)!.properties.lowercaseMapping.utf8 where !put(byte, from: start) {
                    return -1
                }
            default:
                let from = Int(entry >> 8)
                let pieces = Int(entry & 0xFF)
                for offset in 0..<pieces where !put(pool[from + offset], from: start) { return -1 }
            }
        }
        return length
    }

    /// Scalars beyond the Basic Multilingual Plane (emoji, rare Han) are left
    /// as they are, but for white space and the few letters with a lower case
    /// (``cased``).
    private static func supplementary(_ value: UInt32) -> UInt32 {
        guard let scalar = Unicode.Scalar(value) else { return 0 }
        if scalar.isTranscriptWhitespace { return space }
        return scalar.properties.changesWhenLowercased ? cased : 0
    }

    /// Marks a scalar beyond the Basic Multilingual Plane that has a lower case.
    private static let cased: UInt32 = 2

    /// Normalises a phrase from a word list: as text, without surrounding space.
    public func normalizePhrase(_ phrase: String) -> String {
        String(decoding: normalize(phrase).bytes, as: UTF8.self)
    }

    /// The compatibility replacements (``CompatibilityMapping``), with the
    /// Han simplification applied to what results.
    private static func compatibilityTable(simplified: [UInt32]) -> [(UInt32, [Unicode.Scalar])] {
        var table: [(UInt32, [Unicode.Scalar])] = []
        table.reserveCapacity(2600)
        var original: UInt32 = 0
        var current: UInt32 = 0
        var replacement: [Unicode.Scalar] = []
        for byte in CompatibilityMapping.table.utf8 {
            switch byte {
            case UInt8(ascii: ":"):
                original = current
                current = 0
            case UInt8(ascii: " "), UInt8(ascii: ";"):
                var scalar = current
                let han = UnicodeFacts.cjkUnifiedIdeographs
                if han.contains(scalar), simplified[Int(scalar - han.lowerBound)] != 0 {
                    scalar = simplified[Int(scalar - han.lowerBound)]
                }
                replacement.append(Unicode.Scalar(scalar)!)
                current = 0
                if byte == UInt8(ascii: ";") {
                    table.append((original, replacement))
                    replacement.removeAll(keepingCapacity: true)
                }
            default:
                let digit = byte <= UInt8(ascii: "9") ? byte - UInt8(ascii: "0") : byte - UInt8(ascii: "A") + 10
                current = current << 4 | UInt32(digit)
            }
        }
        return table
    }
}

/// Text normalised for matching, with the map back to the original.
public struct NormalizedText: Sendable, Equatable {
    /// The normalised text as UTF-8.
    public let bytes: [UInt8]
    /// For each normalised byte, where the scalar it came from starts in the
    /// original UTF-8.
    let originStarts: [Int32]
    /// The original text.
    let source: String

    /// The normalised text as a string.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The original UTF-8 range of the normalised bytes `range`.
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let point = range.lowerBound < originStarts.count ? Int(originStarts[range.lowerBound]) : source.utf8.count
            return point..<point
        }
        let last = Int(originStarts[range.upperBound - 1])
        var source = source
        let lead = source.withUTF8 { $0[last] }
        let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        return Int(originStarts[range.lowerBound])..<(last + width)
    }

    /// The original words behind the normalised bytes `range`.
    public func original(_ range: Range<Int>, in text: String) -> String {
        let bytes = originalRange(of: range)
        var text = text
        return text.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[bytes]), as: UTF8.self) }
    }
}
