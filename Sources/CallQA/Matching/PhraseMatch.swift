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
