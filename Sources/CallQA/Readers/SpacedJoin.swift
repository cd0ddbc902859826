/// Joins pieces of speech the way each script writes them: Chinese runs
/// together, English words take a space.
///
/// Speech engines emit one token per word and annotation tools break lines
/// anywhere; a space is wanted between two pieces unless both sides join
/// without one (Han, kana, Hangul, CJK or full-width punctuation:
/// ``UnicodeFacts/joinsWithoutSpace(_:)``) or the second piece is punctuation.
enum SpacedJoin {
    /// Whether a space goes between two pieces that meet at `last` and `first`.
    private static func wantsSpace(between last: Unicode.Scalar, and first: Unicode.Scalar) -> Bool {
        !(UnicodeFacts.joinsWithoutSpace(last) && UnicodeFacts.joinsWithoutSpace(first))
    }

    /// Appends `piece` to `text`, with a space between them when the scripts want one.
    ///
    /// - Parameter isPunctuation: the piece is punctuation, which follows the
    ///   word before it directly (a speech engine's `","`).
    static func append(_ piece: some StringProtocol, to text: inout String, isPunctuation: Bool = false) {
        guard let first = piece.unicodeScalars.first else { return }
        if let last = text.unicodeScalars.last, !isPunctuation,
            wantsSpace(between: last, and: first), !last.isTranscriptWhitespace, !first.isTranscriptWhitespace
        {
            text.unicodeScalars.append(" ")
        }
        text += piece
    }

    /// `text` with runs of white space (line breaks included) made one space,
    /// or none between two characters that join without one, and none at either end: the
    /// layout of a file is not speech.
    static func collapsingWhitespace(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.isTranscriptWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace, let last = result.unicodeScalars.last, wantsSpace(between: last, and: scalar) {
                result.unicodeScalars.append(" ")
            }
            pendingSpace = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
