/// Finds a rubric's phrase lists in normalised text, reporting occurrences
/// by number: the one path from a turn's text to the hits checks read.
///
/// ``PhraseMatcher`` is the matcher a ``Scorer`` compiles; a test plugs in a
/// brute-force reference the same way. Scoring calls
/// ``collect(in:into:scratch:)`` once a turn, and the matcher's scan over the
/// bytes runs in its own code.
protocol PhraseMatching: Sendable {
    /// The list names; a hit's `list` indexes this.
    var listNames: [String] { get }
    /// Each list name's index in ``listNames``.
    var listIndex: [String: Int] { get }
    /// The phrases as the lists write them; a hit's `phrase` indexes this.
    var phrases: [String] { get }

    /// Appends the counted occurrences in `text` (a turn's normalised text)
    /// to `hits`, ordered by list, then start: within each list occurrences do
    /// not overlap (the leftmost, then longest, wins), and negated occurrences
    /// are left out. `forms` are the call's names for the slots that depend on
    /// it; `scratch` holds buffers a matcher may reuse between turns.
    func collect(
        in text: NormalizedText, forms: MatchContext.Forms, into hits: inout [PhraseMatcher.Hit],
        scratch: inout PhraseMatcher.Scratch)
}
