/// One thing a rubric checks, with its weight and what good looks like.
public struct RubricItem: Sendable, Equatable, Identifiable {
    /// A stable identifier (`greeting`), used in reports and comparisons.
    public var id: String
    /// A short human title.
    public var title: String
    /// The points the item is worth.
    public var weight: Double
    /// What good looks like, in words shown to agents.
    public var description: String
    /// Example phrases to say instead, shown when the item is missed.
    public var suggestions: [String]
    /// What is checked.
    public var check: Check
}
