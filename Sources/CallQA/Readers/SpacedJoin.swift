/// Joins pieces of speech the way each script writes them: Chinese runs
/// together, English words take a space.
///
/// Speech engines emit one token per word and annotation tools break lines
/// anywhere; a space is wanted between two pieces unless both sides are
/// "wide" (Han, kana, Hangul, CJK or full-width punctuation) or the second
/// piece is punctuation.
enum SpacedJoin {
    /// Whether a scalar belongs to a script written without spaces, or is
    /// CJK or full-width punctuation.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x2FDF, 0x3000...0x303F, 0x3040...0x30FF, 0x3100...0x312F, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF,
             0x20000...0x3134F:
            true
        default:
            false
        }
    }

    /// Appends `piece` to `text`, with a space between them when the scripts want one.
    ///
    /// - Parameter isPunctuation: the piece is punctuation, which follows the
    ///   word before it directly (a speech engine's `","`).
    static func append(_ piece: some StringProtocol, to text: inout String, isPunctuation: Bool = false) {
        guard let first = piece.unicodeScalars.first else { return }
        if let last = text.unicodeScalars.last, !isPunctuation,
           !(isWide(last) && isWide(first)), !last.isTranscriptWhitespace, !first.isTranscriptWhitespace {
            text.unicodeScalars.append(" ")
        }
        text += piece
    }

    /// `text` with runs of white space (line breaks included) made one space,
    /// or none between two wide characters, and none at either end: the
    /// layout of a file is not speech.
    static func collapsingWhitespace(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.isTranscriptWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace, let last = result.unicodeScalars.last, !(isWide(last) && isWide(scalar)) {
                result.unicodeScalars.append(" ")
            }
            pendingSpace = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
