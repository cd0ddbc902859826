/// The turns whose words decide a rubric item, as rubric suggestions read
/// them: one speaker's turns, within the item's window.
struct RubricSuggestionScope: Sendable, Equatable {
    /// Whose turns.
    var speaker: SpeakerRole
    /// Which of them; `nil` for all.
    var window: TurnWindow?

    /// The indices of the turns in scope in a prepared call.
    func turns(in analysis: CallAnalysis) -> [Int] {
        analysis.turns(by: speaker, in: window).turns
    }

    /// A key telling scopes apart within one call.
    var key: String { speaker.rawValue + "|" + (window?.canonicalText ?? "") }

    /// The scope in words: `the agent's first turn`, `the customer's turns`.
    var description: String {
        let owner = "the \(speaker.rawValue)'s"
        switch window {
        case nil: return "\(owner) turns"
        case .firstTurns(let count)?: return "\(owner) first \(CallAnalysis.turnCount(count))"
        case .lastTurns(let count)?: return "\(owner) last \(CallAnalysis.turnCount(count))"
        case .firstSeconds(let seconds, let fallback)?:
            return "\(owner) turns in the first \(NumberText.shortest(seconds)) s"
                + " (untimed: first \(CallAnalysis.turnCount(fallback)))"
        case .lastSeconds(let seconds, let fallback)?:
            return "\(owner) turns in the last \(NumberText.shortest(seconds)) s"
                + " (untimed: last \(CallAnalysis.turnCount(fallback)))"
        }
    }
}

/// Where a rubric item's wording is, and which way it counts.
struct RubricSuggestionFocus: Sendable, Equatable {
    /// The text the item looks at: its speaker (the agent unless the check
    /// says otherwise) and its window.
    var words: RubricSuggestionScope
    /// For `response` items, the customer turns where a trigger would be said.
    var triggers: RubricSuggestionScope?
    /// Whether saying the item's phrases counts against the speaker (`forbid`,
    /// `limit`, `wording` to avoid): suggestions to add then come from the
    /// calls the machine passed and people did not.
    var penalises: Bool

    /// The focus of `item`; `nil` for checks of no wording (`metric`).
    init?(_ item: RubricItem) {
        let facts = item.check.lintFacts
        var speaker = SpeakerRole.agent
        var triggers: RubricSuggestionScope?
        switch item.check {
        case .phrase(let check): speaker = check.speaker
        case .forbid(let check): speaker = check.speaker
        case .limit(let check): speaker = check.speaker
        case .response: triggers = RubricSuggestionScope(speaker: .customer, window: nil)
        case .metric: return nil
        default: break
        }
        words = RubricSuggestionScope(speaker: speaker, window: facts.window)
        self.triggers = triggers
        penalises = !facts.penalised.isEmpty && facts.rewarded.isEmpty
    }
}
