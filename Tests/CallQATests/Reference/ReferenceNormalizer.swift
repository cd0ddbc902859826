import Foundation

/// Normalisation as the definition says it, one scalar at a time through
/// Foundation: NFKC, lower case, ICU's Hant-Hans transform, typographic quotes,
/// white space runs as one space. Slow and obvious; the fast normaliser must
/// agree with it.
final class ReferenceNormalizer {
    private var simplified: [Unicode.Scalar: String] = [:]

    func normalize(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            for piece in transform(scalar).unicodeScalars {
                if piece.properties.isWhitespace {
                    if !result.isEmpty { pendingSpace = true }
                    continue
                }
                if pendingSpace {
                    result.append(" ")
                    pendingSpace = false
                }
                result.unicodeScalars.append(piece)
            }
        }
        return result
    }

    private func transform(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x2018, 0x2019, 0x201B, 0x2032, 0x02BC, 0xFF07: return "'"
        case 0x201C, 0x201D, 0x201F, 0x2033, 0xFF02: return "\""
        default: break
        }
        let folded = String(scalar).precomposedStringWithCompatibilityMapping.lowercased()
        var result = ""
        for piece in folded.unicodeScalars {
            if (0x4E00...0x9FFF).contains(piece.value) {
                if simplified[piece] == nil {
                    simplified[piece] =
                        String(piece).applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? String(piece)
                }
                result += simplified[piece]!
            } else {
                result.unicodeScalars.append(piece)
            }
        }
        return result
    }
}
