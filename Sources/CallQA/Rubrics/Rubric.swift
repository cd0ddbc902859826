/// A scoring rubric: named phrase lists and weighted items, read from YAML.
///
/// A rubric is a file a coach can read and edit without reading Swift (see
/// `rubrics/zh-standard.yaml`). Load one with ``init(contentsOf:)`` or
/// ``init(yaml:source:)``; a rubric with any error is never returned half-valid:
/// the ``RubricError`` lists every problem with its line and column.
///
/// ```swift
/// let rubric = try Rubric(contentsOf: URL(fileURLWithPath: "rubrics/en-standard.yaml"))
/// let scorer = Scorer(rubric)
/// ```
public struct Rubric: Sendable, Equatable {
    /// A short identifier (`zh-standard`).
    public var id: String
    /// A semantic version (`1.2.0`).
    public var version: String
    /// A human title.
    public var title: String
    /// The languages the rubric scores.
    public var languages: [Language]
    /// The score (0–100) a call needs to pass.
    public var passMark: Double
    /// What a failed critical item does to the call's score.
    public var critical: CriticalPolicy
    /// When set, item weights must add up to this.
    public var totalWeight: Double?
    /// Negators and how far they reach.
    public var negation: PhraseMatcher.Negation
    /// The lists counted as positive and negative wording in every scorecard.
    public var wording: WordingLists
    /// Named phrase lists, in file order.
    public var lists: [PhraseList]
    /// The items, in file order.
    public var items: [RubricItem]
    /// The thresholds conversation metrics are computed with (`metrics:`).
    public var metrics = ConversationMetrics.Settings()
    /// Whether outputs of calls scored with this rubric mask personal data
    /// by default (`redact: true`; see ``Redactor``). The scorer does not
    /// read it: whoever reads the calls redacts them — `callqa` does so
    /// unless told `--no-redact`.
    public var redacts = false
    /// Where the rubric was read from.
    public var source: String
    /// Where things are in the rubric's file, for messages about them.
    package var positions = RubricPositions()

    /// What a failed critical item does to a call's score.
    public enum CriticalPolicy: Sendable, Equatable {
        /// The call scores this (usually 0).
        case score(Double)
        /// The call's score is capped at this.
        case cap(Double)
    }

    /// The lists whose phrases a scorecard counts as positive and negative wording.
    public struct WordingLists: Sendable, Equatable {
        /// The positive-wording list, if any.
        public var positive: String?
        /// The negative-wording list, if any.
        public var negative: String?
    }

    /// A named list of phrases.
    public struct PhraseList: Sendable, Equatable {
        /// The list's name, referred to by items.
        public var name: String
        /// The phrases, as written.
        public var phrases: [String]
        /// Whether every phrase matches only the word forms written (`exact: true`).
        public var exact = false
        /// The units `A ... B` and `A ~ B` allow between their parts when the
        /// phrase gives no count (`near:`, default 8).
        public var near = PhraseList.defaultNear
        /// Whether the list forgives speech recognition (`asr: true`): Han
        /// characters match characters that sound the same, English words of
        /// eight letters or more a word one letter off.
        public var asr = false

        /// The `near` of a list that does not set it.
        public static let defaultNear = 8
    }

    /// The list called `name`.
    public func list(named name: String) -> PhraseList? {
        lists.first { $0.name == name }
    }

    /// The item with the given id.
    public func item(_ id: String) -> RubricItem? {
        items.first { $0.id == id }
    }
}
