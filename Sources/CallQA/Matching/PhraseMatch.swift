/// One occurrence of a listed phrase in a turn's normalised text.
public struct PhraseMatch: Sendable, Equatable, Hashable {
    /// The name of the phrase list the phrase belongs to.
    public var list: String
    /// The phrase as the list writes it.
    public var phrase: String
    /// Where it occurs: a byte range of the turn's ``NormalizedText``.
    public var range: Range<Int>

    /// Creates a match.
    public init(list: String, phrase: String, range: Range<Int>) {
        self.list = list
        self.phrase = phrase
        self.range = range
    }
}

/// Finds listed phrases in normalised text.
///
/// ``PhraseMatcher`` matches exactly (after normalisation); other strategies
/// — fuzzy or tolerant of speech-recognition errors — can conform and be used
/// wherever a matcher is.
public protocol PhraseMatching: Sendable {
    /// Every counted occurrence of every listed phrase in `text`: within one
    /// list, occurrences do not overlap (the leftmost, then longest, wins),
    /// and negated occurrences are left out.
    func matches(in text: NormalizedText) -> [PhraseMatch]
}
