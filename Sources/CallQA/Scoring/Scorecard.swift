/// How one call scored against one rubric, with the evidence for every verdict.
///
/// Its `Codable` form is the call object of `callqa score --format json`
/// and each line of `--format jsonl`, so the tool's output decodes as
/// scorecards.
public struct Scorecard: Sendable, Equatable {
    /// The call's ID.
    public var callID: String
    /// Where the call was read from.
    public var source: Call.Source
    /// The agent, as the transcript names them.
    public var agent: String?
    /// The call's language.
    public var language: Language
    /// The call's other facts (`date`, `queue`, …) by key, as scored (masked
    /// when the call was redacted).
    public var metadata: [String: String] = [:]
    /// The rubric that scored it.
    public var rubric: RubricReference
    /// Points earned over points applicable, 0–100 (after any critical failure).
    public var score: Double
    /// Whether the score reaches the rubric's pass mark with no critical failure.
    public var passed: Bool
    /// The items whose critical failure decided the score, if any.
    public var criticalFailures: [String]
    /// Each item's verdict, in rubric order.
    public var items: [ItemResult]
    /// Positive and negative wording the agent used.
    public var wording: WordingCount
    /// The call's conversation metrics, when its turns are timed.
    public var metrics: ScorecardMetrics?
    /// Why ``metrics`` is missing, when it is.
    public var metricsUnavailable: String?

    /// A scorecard from its parts; `metrics` are kept as scorecards carry them.
    init(
        callID: String, source: Call.Source, agent: String?, language: Language, rubric: RubricReference, score: Double,
        passed: Bool, criticalFailures: [String], items: [ItemResult], wording: WordingCount,
        metrics: ConversationMetrics?, metricsUnavailable: String?
    ) {
        self.callID = callID
        self.source = source
        self.agent = agent
        self.language = language
        self.rubric = rubric
        self.score = score
        self.passed = passed
        self.criticalFailures = criticalFailures
        self.items = items
        self.wording = wording
        self.metrics = metrics.map(ScorecardMetrics.init)
        self.metricsUnavailable = metricsUnavailable
    }

    /// The result for one item.
    public func item(_ id: String) -> ItemResult? {
        items.first { $0.id == id }
    }
}

/// Identifies the exact rubric a scorecard was made with.
public struct RubricReference: Sendable, Codable, Equatable, Hashable {
    /// The rubric's ID.
    public var id: String
    /// Its semantic version.
    public var version: String
    /// The SHA-256 of its canonical content.
    public var sha256: String

    /// The reference to `rubric`.
    public init(_ rubric: Rubric) {
        self.init(id: rubric.id, version: rubric.version, sha256: rubric.sha256)
    }

    /// A reference from its parts.
    public init(id: String, version: String, sha256: String) {
        self.id = id
        self.version = version
        self.sha256 = sha256
    }

    /// `id version`, as reports name a rubric.
    public var name: String { "\(id) \(version)" }

    /// Reads the reference from a scored call's JSON object, where it is three
    /// fields of the call (`rubric`, `rubricVersion`, `rubricSha256`).
    init<Key: CodingKey>(
        fieldsOf container: KeyedDecodingContainer<Key>, id: Key, version: Key, sha256: Key
    ) throws {
        self.init(
            id: try container.decode(String.self, forKey: id),
            version: try container.decode(String.self, forKey: version),
            sha256: try container.decode(String.self, forKey: sha256))
    }
}

/// Counts of the agent's positive and negative wording.
public struct WordingCount: Sendable, Codable, Equatable {
    /// Phrases from the rubric's positive-wording list.
    public var positive: Int
    /// Phrases from the rubric's negative-wording list.
    public var negative: Int

    /// Creates a count.
    public init(positive: Int, negative: Int) {
        self.positive = positive
        self.negative = negative
    }
}

/// A verdict on one rubric item.
public enum ItemStatus: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
    /// Fully met.
    case pass
    /// Partly met: some of the points.
    case partial
    /// Not met.
    case fail
    /// Does not apply to this call: no points either way.
    case na
}

/// One item's verdict, points and evidence.
///
/// Its `Codable` form is an element of a scorecard's `items` in CallQA's JSON.
public struct ItemResult: Sendable, Codable, Equatable {
    /// The item's ID.
    public var id: String
    /// The item's title.
    public var title: String
    /// The verdict.
    public var status: ItemStatus
    /// Points earned.
    public var points: Double
    /// Points possible (the item's weight).
    public var maxPoints: Double
    /// Whether failing this item fails the call.
    public var critical: Bool
    /// The words that back the verdict: what was said (for a pass, or a
    /// forbidden phrase), or what made the item apply (a complaint).
    public var evidence: [Evidence]
    /// What is missing, for an item not fully met (a group's name, an unanswered turn).
    public var missing: [String]
    /// The verdict in one sentence.
    public var note: String

    /// The JSON field names, in the order CallQA writes them.
    enum CodingKeys: String, CodingKey {
        case id, title, status, points
        case maxPoints = "max"
        case critical, note, missing, evidence
    }
}

/// Words from a turn that back a verdict.
///
/// Its `Codable` form is an element of an item's `evidence` in CallQA's JSON:
/// `start` and `offsets` (a two-element array) are left out when unknown.
public struct Evidence: Sendable, Codable, Equatable {
    /// What a piece of evidence is.
    public enum Kind: String, Sendable, Codable, Equatable, CaseIterable {
        /// Words said in a turn that match ``Evidence/phrase``, a rubric phrase:
        /// explanations highlight them.
        case quote
        /// A whole turn picked out by a rule (a restatement by shared content,
        /// an interruption, the turn after a silence); ``Evidence/phrase``
        /// describes the rule, and explanations show that description.
        case rule
    }

    /// The 0-based index of the turn in the call.
    public var turn: Int
    /// Who said it.
    public var speaker: SpeakerRole
    /// When the turn starts, in seconds, if known.
    public var start: Double?
    /// The exact words, as written in the transcript.
    public var text: String
    /// The rubric phrase they match (a quote), or what the rule found (a rule).
    public var phrase: String
    /// Whether the evidence quotes words or a whole turn picked out by a rule.
    public var kind: Kind
    /// Where the words are in the turn's text, in Unicode scalars (code
    /// points) from its start, when known.
    public var offsets: Range<Int>?

    /// Creates evidence.
    public init(
        turn: Int, speaker: SpeakerRole, start: Double?, text: String, phrase: String, kind: Kind = .quote,
        offsets: Range<Int>? = nil
    ) {
        self.turn = turn
        self.speaker = speaker
        self.start = start
        self.text = text
        self.phrase = phrase
        self.kind = kind
        self.offsets = offsets
    }

    /// The JSON field names, in the order CallQA writes them.
    enum CodingKeys: String, CodingKey {
        case turn, speaker, start, text, phrase, kind, offsets
    }
}
