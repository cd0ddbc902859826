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

    /// Replacements for scalars outside ASCII that normalisation changes.
    private let replacements: [UInt32: [Unicode.Scalar]]
    /// Simplified forms of the CJK unified ideographs U+4E00…U+9FFF (0 = unchanged).
    private let simplified: [UInt32]

    private init() {
        var simplified = [UInt32](repeating: 0, count: 0x9FFF - 0x4E00 + 1)
        let scalars = Array(HanSimplification.pairs.unicodeScalars)
        for index in stride(from: 0, to: scalars.count - 1, by: 2) where (0x4E00...0x9FFF).contains(scalars[index].value) {
            simplified[Int(scalars[index].value - 0x4E00)] = scalars[index + 1].value
        }
        self.simplified = simplified
        self.replacements = Self.compatibilityTable(simplified: simplified)
    }

    /// Normalises `text`.
    public func normalize(_ text: String) -> NormalizedText {
        var bytes: [UInt8] = []
        var starts: [Int32] = []
        var ends: [Int32] = []
        bytes.reserveCapacity(text.utf8.count)
        starts.reserveCapacity(text.utf8.count)
        ends.reserveCapacity(text.utf8.count)
        var offset = 0
        var pendingSpace = false

        func emit(_ scalar: Unicode.Scalar, from start: Int, to end: Int) {
            if scalar == " " {
                if !bytes.isEmpty { pendingSpace = true }
                return
            }
            if pendingSpace {
                bytes.append(0x20)
                starts.append(Int32(start))
                ends.append(Int32(start))
                pendingSpace = false
            }
            for byte in UTF8.encode(scalar)! {
                bytes.append(byte)
                starts.append(Int32(start))
                ends.append(Int32(end))
            }
        }

        for scalar in text.unicodeScalars {
            let start = offset
            offset += UTF8.width(scalar)
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x41...0x5A: emit(Unicode.Scalar(value + 0x20)!, from: start, to: offset)
                case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20: emit(" ", from: start, to: offset)
                default: emit(scalar, from: start, to: offset)
                }
            } else if value >= 0x4E00 && value <= 0x9FFF {
                let mapped = simplified[Int(value - 0x4E00)]
                emit(mapped == 0 ? scalar : Unicode.Scalar(mapped)!, from: start, to: offset)
            } else if let replacement = replacements[value] {
                for piece in replacement { emit(piece, from: start, to: offset) }
            } else if scalar.properties.isWhitespace {
                emit(" ", from: start, to: offset)
            } else if scalar.properties.changesWhenLowercased {
                for piece in scalar.properties.lowercaseMapping.unicodeScalars { emit(piece, from: start, to: offset) }
            } else {
                emit(scalar, from: start, to: offset)
            }
        }
        return NormalizedText(bytes: bytes, originStarts: starts, originEnds: ends)
    }

    /// Normalises a phrase from a word list: as text, without surrounding space.
    public func normalizePhrase(_ phrase: String) -> String {
        String(decoding: normalize(phrase).bytes, as: UTF8.self)
    }

    /// NFKC and lower case, computed once for the blocks where compatibility
    /// forms occur, then the Han simplification applied to what results.
    private static func compatibilityTable(simplified: [UInt32]) -> [UInt32: [Unicode.Scalar]] {
        let blocks: [ClosedRange<UInt32>] = [
            0x80...0x24F, 0x2B0...0x2FF, 0x370...0x3FF, 0x2000...0x206F, 0x2070...0x218F, 0x2460...0x24FF,
            0x2E80...0x2FDF, 0x3000...0x303F, 0x3200...0x33FF, 0xF900...0xFAFF, 0xFE10...0xFE6F, 0xFF00...0xFFEF,
        ]
        var joined = String.UnicodeScalarView()
        var originals: [Unicode.Scalar] = []
        for block in blocks {
            for value in block {
                guard let scalar = Unicode.Scalar(value), !scalar.properties.isNoncharacterCodePoint else { continue }
                originals.append(scalar)
                joined.append(scalar)
                joined.append("\u{1}")
            }
        }
        let normalized = String(joined).precomposedStringWithCompatibilityMapping.lowercased()
        let pieces = normalized.unicodeScalars.split(separator: "\u{1}", omittingEmptySubsequences: false)
        var table: [UInt32: [Unicode.Scalar]] = [:]
        for (original, piece) in zip(originals, pieces) {
            var result = piece.map { scalar -> Unicode.Scalar in
                if (0x4E00...0x9FFF).contains(scalar.value), case let mapped = simplified[Int(scalar.value - 0x4E00)], mapped != 0 {
                    return Unicode.Scalar(mapped)!
                }
                return scalar
            }
            switch original.value {
            case 0x2018, 0x2019, 0x201B, 0x2032, 0x02BC, 0xFF07: result = ["'"]
            case 0x201C, 0x201D, 0x201F, 0x2033, 0xFF02: result = ["\""]
            default: break
            }
            if original.properties.isWhitespace { result = [" "] }
            if result != [original] { table[original.value] = result }
        }
        return table
    }
}

/// Text normalised for matching, with the map back to the original.
public struct NormalizedText: Sendable, Equatable {
    /// The normalised text as UTF-8.
    public let bytes: [UInt8]
    /// For each normalised byte, where its source starts in the original UTF-8.
    let originStarts: [Int32]
    /// For each normalised byte, where its source ends in the original UTF-8.
    let originEnds: [Int32]

    /// The normalised text as a string.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The original UTF-8 range of the normalised bytes `range`.
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let point = range.lowerBound < originStarts.count ? Int(originStarts[range.lowerBound]) : Int(originEnds.last ?? 0)
            return point..<point
        }
        return Int(originStarts[range.lowerBound])..<Int(originEnds[range.upperBound - 1])
    }

    /// The original words behind the normalised bytes `range`.
    public func original(_ range: Range<Int>, in text: String) -> String {
        let bytes = originalRange(of: range)
        let utf8 = Array(text.utf8)
        return String(decoding: utf8[bytes], as: UTF8.self)
    }
}
