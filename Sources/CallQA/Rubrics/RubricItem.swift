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

/// The checks a rubric item can make.
public enum Check: Sendable, Equatable {
    /// The speaker says phrases from groups, optionally within a window.
    case phrase(PhraseCheck)
    /// Phrases that must not be said.
    case forbid(ForbidCheck)
    /// A phrase may be said at most a number of times.
    case limit(LimitCheck)
    /// After a customer's trigger, the agent responds within some turns.
    case response(ResponseCheck)
    /// The agent restates what the customer said.
    case paraphrase(ParaphraseCheck)
    /// The agent uses the customer's name once it is known.
    case name(NameCheck)
    /// Counts of wording, turned into points.
    case wording(WordingCheck)
    /// Around a long silence the agent asks the customer to hold, and thanks them after.
    case hold(HoldCheck)
    /// A conversation metric stays within bounds.
    case metric(MetricCheck)

    /// The kind's name as rubric files write it.
    public var kind: String {
        switch self {
        case .phrase: "phrase"
        case .forbid: "forbid"
        case .limit: "limit"
        case .response: "response"
        case .paraphrase: "paraphrase"
        case .name: "name"
        case .wording: "wording"
        case .hold: "hold"
        case .metric: "metric"
        }
    }

    /// Whether failing this check fails the call whatever its score.
    public var isCritical: Bool {
        if case .forbid(let check) = self { return check.critical }
        return false
    }
}

/// A set of phrases a check looks for: the union of some lists.
public struct PhraseGroup: Sendable, Equatable {
    /// The group's name, shown when it is missing (`self-introduction`).
    public var name: String
    /// The lists whose phrases count.
    public var lists: [String]
}

/// Which of a speaker's turns a check looks at.
public enum TurnWindow: Sendable, Equatable {
    /// The speaker's first N turns.
    case firstTurns(Int)
    /// The speaker's last N turns.
    case lastTurns(Int)
    /// Turns starting in the call's first N seconds; without timestamps, the
    /// speaker's first `fallbackTurns` turns.
    case firstSeconds(Double, fallbackTurns: Int)
    /// Turns starting in the call's last N seconds; without timestamps, the
    /// speaker's last `fallbackTurns` turns.
    case lastSeconds(Double, fallbackTurns: Int)
}

/// `phrase`: the speaker says phrases from all (or any) of the groups.
public struct PhraseCheck: Sendable, Equatable {
    /// How the groups combine.
    public enum Requirement: String, Sendable, Equatable {
        /// Every group must be said (`require: all`).
        case all
        /// One group is enough (`require: any`).
        case any
    }
    /// Whose turns count.
    public var speaker: SpeakerRole
    /// Which turns count; `nil` for the whole call.
    public var window: TurnWindow?
    /// How the groups combine.
    public var requirement: Requirement
    /// The groups.
    public var groups: [PhraseGroup]
    /// With `all`, whether saying some of the groups earns a share of the points.
    public var partialCredit: Bool
}

/// `forbid`: phrases that must not be said.
public struct ForbidCheck: Sendable, Equatable {
    /// Whose turns count.
    public var speaker: SpeakerRole
    /// The forbidden phrases.
    public var group: PhraseGroup
    /// Whether one occurrence fails the call (see ``Rubric/critical``).
    public var critical: Bool
}

/// `limit`: phrases that may be said at most `maximum` times in all.
public struct LimitCheck: Sendable, Equatable {
    /// Whose turns count.
    public var speaker: SpeakerRole
    /// The phrases counted.
    public var group: PhraseGroup
    /// How many times is still fine.
    public var maximum: Int
}

/// `response`: when the customer says a trigger, the agent responds within
/// `within` of its next turns (or has just responded, within as many of its
/// previous turns: a complaint repeated after an apology needs no second
/// one). Not applicable when no trigger is said.
public struct ResponseCheck: Sendable, Equatable {
    /// What the customer says that calls for a response.
    public var trigger: PhraseGroup
    /// What counts as the response.
    public var response: PhraseGroup
    /// How many of the agent's next turns may pass before the response.
    public var within: Int
    /// Which triggers need a response.
    public var answer: Answer
    /// Whether answering some triggers but not all earns a share of the points.
    public var partialCredit: Bool

    /// Which triggers need a response.
    public enum Answer: String, Sendable, Equatable {
        /// Every trigger (`answer: every`): an apology for each complaint.
        case every
        /// At least one (`answer: any`): empathy shown once when the customer is upset.
        case any
    }
}

/// `paraphrase`: the agent restates the customer, by a cue phrase or by
/// re-using enough of a customer turn's content.
public struct ParaphraseCheck: Sendable, Equatable {
    /// Cue phrases (`为了确认一下`, "just to confirm"); `nil` for none.
    public var cues: PhraseGroup?
    /// The share (0–1) of a customer turn's content units that an agent turn
    /// must repeat; `nil` to rely on cues alone.
    public var overlap: Double?
    /// Customer turns with fewer content units than this are not compared.
    public var minimumContent: Int
}

/// `name`: once the customer's name is known, the agent uses it with a title.
public struct NameCheck: Sendable, Equatable {
    /// Titles written after a Chinese surname (`先生`, `女士`, `小姐`).
    public var titlesAfter: [String]
    /// Titles written before an English surname (`Mr.`, `Ms.`).
    public var titlesBefore: [String]
    /// What the customer says before their name (`我姓`, `my name is`).
    public var introductions: [String]
}

/// `wording`: how many phrases of a list the agent says, turned into points.
public struct WordingCheck: Sendable, Equatable {
    /// What to aim for.
    public enum Target: Sendable, Equatable {
        /// Say them: full points at `full` occurrences, a share below.
        case use(full: Int)
        /// Avoid them: full points up to `allow`, none from `zero`, a share between.
        case avoid(allow: Int, zero: Int)
    }
    /// The phrases counted.
    public var group: PhraseGroup
    /// What to aim for.
    public var target: Target
}

/// `hold`: before a silence of at least `minimumSilence` seconds the agent
/// asks the customer to hold (请稍等, "could you please hold"), and after it
/// thanks them for waiting (感谢您的耐心等待, "thank you for waiting").
/// Not applicable when the call has no such silence or no times.
public struct HoldCheck: Sendable, Equatable {
    /// The shortest silence that counts as a hold, in seconds.
    public var minimumSilence: Double
    /// What asks permission, said in the agent's last turn before the silence.
    public var ask: PhraseGroup
    /// What thanks the customer, said in the agent's first turn after it.
    public var thank: PhraseGroup
    /// Whether doing half of what is due earns a share of the points.
    public var partialCredit: Bool
}

/// `metric`: a conversation metric within bounds (`interruptions` at most 2,
/// `pace-ratio` within 0.7–1.4). Not applicable when the call has no times
/// or the metric has no value (no customer speech for a pace ratio).
public struct MetricCheck: Sendable, Equatable {
    /// The metric checked.
    public var metric: ConversationMetric
    /// The lowest value that passes, if any.
    public var minimum: Double?
    /// The highest value that passes, if any.
    public var maximum: Double?
}
