import Foundation

/// What a coach could add to a rubric, or take out of it, so that its
/// verdicts agree with people's.
///
/// Each labelled, scored call is put, per item, into a group by the human
/// verdict (the majority of the call's evaluators; a tie leaves the call out
/// for that item) and the machine's: both pass, both not pass, people only
/// pass, machine only pass. Then, from the text the item looks at (its
/// speaker and window):
///
/// - **add**: words and short phrases said in the calls people passed and the
///   machine did not, and rarely in the calls neither passed — wording the
///   rubric misses. For items that penalise what is said (`forbid`, `limit`,
///   `wording` to avoid) the groups swap: wording said where the machine
///   passed and people did not, against the calls both passed.
/// - **remove**: the rubric phrases the machine quoted as evidence in the
///   calls it passed and people did not (swapped likewise), with how often
///   it quoted them where both agreed; and the words and phrases that set
///   those calls apart.
/// - **triggers** (`response` items): what customers said in the calls
///   people judged the item applicable to and the machine did not, against
///   the calls both judged not applicable.
///
/// Candidates are ranked by the smoothed log odds ratio of being said in one
/// group rather than the other (see ``score(calls:groupSize:callsAgainst:againstSize:)``),
/// need a minimum number of calls, and come with two example quotes. The
/// result depends only on the calls, labels and settings: ties are broken by
/// the phrase's text.
public struct RubricSuggestions: Sendable, Equatable {
    /// What is counted, and how much is listed.
    public struct Settings: Sendable, Equatable {
        /// The fewest calls of a group a word or phrase must be said in to be suggested.
        public var minimumSupport: Int
        /// The most candidates listed per list.
        public var top: Int
        /// The items to suggest for; `nil` for every item the labels judge.
        public var items: [String]?

        /// Settings: at least `minimumSupport` calls, at most `top` candidates per list.
        public init(minimumSupport: Int = 2, top: Int = 10, items: [String]? = nil) {
            self.minimumSupport = max(1, minimumSupport)
            self.top = max(1, top)
            self.items = items
        }
    }

    /// The calls of an item, grouped by the human and the machine verdict.
    public enum CallGroup: String, Sendable, Equatable, CaseIterable {
        /// People and machine passed it.
        case bothPass
        /// Neither passed it (failed, partly met or not applicable).
        case bothNotPass
        /// People passed it; the machine did not.
        case humanOnlyPass
        /// The machine passed it; people did not.
        case machineOnlyPass
        /// People judged it applicable (passed or failed); the machine found it not applicable.
        case humanApplicableMachineNA
        /// Neither judged it applicable.
        case bothNA

        /// The group in words, after "where": `people passed and the machine did not`.
        public var words: String {
            switch self {
            case .bothPass: "both passed"
            case .bothNotPass: "neither passed"
            case .humanOnlyPass: "people passed and the machine did not"
            case .machineOnlyPass: "the machine passed and people did not"
            case .humanApplicableMachineNA: "people judged it applicable and the machine did not"
            case .bothNA: "neither judged it applicable"
            }
        }
    }

    /// Where a candidate was said.
    public struct Example: Sendable, Equatable {
        /// The call's id.
        public var callID: String
        /// The turn (0-based).
        public var turn: Int
        /// The clause of the turn that holds it, as written, cut to about ``quoteLength`` characters.
        public var text: String
    }

    /// A word or phrase to add or remove, with how well it separates two groups of calls.
    public struct Candidate: Sendable, Equatable {
        /// The words, normalised (lower case, simplified Chinese).
        public var phrase: String
        /// Whose turns it was said in.
        public var speaker: SpeakerRole
        /// Calls of the list's group it was said in.
        public var calls: Int
        /// Calls in that group.
        public var groupSize: Int
        /// Calls of the group it is held against that it was said in.
        public var callsAgainst: Int
        /// Calls in that group.
        public var againstSize: Int
        /// How well it separates the groups (``RubricSuggestions/score(calls:groupSize:callsAgainst:againstSize:)``).
        public var score: Double
        /// Up to two places it was said, in calls of the list's group.
        public var examples: [Example]
    }

    /// Candidates from one group of calls held against another.
    public struct CandidateList: Sendable, Equatable {
        /// The calls the candidates are frequent in.
        public var group: CallGroup
        /// How many calls that group has.
        public var groupSize: Int
        /// The calls they are held against.
        public var against: CallGroup
        /// How many calls that group has.
        public var againstSize: Int
        /// The text they come from, in words (`the agent's first turn`, `the machine's evidence`).
        public var scope: String
        /// Whose words the item looks at: candidates said by another speaker
        /// (a quoted trigger) say so.
        public var speaker: SpeakerRole
        /// The candidates, best first.
        public var candidates: [Candidate]
    }

    /// The suggestions for one item.
    public struct Item: Sendable, Equatable {
        /// The item's id.
        public var id: String
        /// Its title.
        public var title: String
        /// Its check's kind.
        public var kind: String
        /// How many calls fall in each group (every group, those of triggers only for `response` items).
        public var counts: [CallGroup: Int]
        /// Calls whose evaluators were evenly split on the item: left out.
        public var tied: Int
        /// Wording to add.
        public var add: CandidateList?
        /// The rubric phrases the machine quoted where it disagreed with people.
        public var removeQuoted: CandidateList?
        /// Wording that sets apart the calls where those phrases misled the machine.
        public var remove: CandidateList?
        /// For `response` items, what customers said where the machine saw no trigger.
        public var triggers: CandidateList?
        /// Why there are no lists, when there are none.
        public var note: String?
    }

    /// The rubric the suggestions are for.
    public var rubric: RubricReference
    /// What was counted.
    public var settings: Settings
    /// The ids of the calls both labelled and scored, sorted.
    public var labelledCallIDs: [String]
    /// Suggestions per item, in rubric order.
    public var items: [Item]
    /// The labelled call ids that several calls read have, with where each
    /// was read: their labels are paired with none of them (``CallIDs``).
    package var sharedCallIDs: [String: [Call.Source]] = [:]

    /// How long an example quote is at most, in characters (an ellipsis
    /// marks where the clause was cut).
    public static let quoteLength = 80

    /// How well a candidate separates two groups of calls: the log odds ratio
    /// of being said in a call of the one group rather than the other, with
    /// 0.5 added to each of the four counts (the Haldane–Anscombe correction,
    /// so that a phrase never said in the other group has a finite score).
    /// Positive when the phrase is relatively more frequent in the first
    /// group; 0 when equally frequent; e^score is the odds ratio.
    public static func score(calls: Int, groupSize: Int, callsAgainst: Int, againstSize: Int) -> Double {
        let said = Double(calls) + 0.5
        let unsaid = Double(groupSize - calls) + 0.5
        let saidAgainst = Double(callsAgainst) + 0.5
        let unsaidAgainst = Double(againstSize - callsAgainst) + 0.5
        return log((said * unsaidAgainst) / (unsaid * saidAgainst))
    }

    /// The human verdict of several evaluators: the one most of them gave;
    /// `nil` when none was given or the most given are tied.
    public static func majority(_ verdicts: [HumanLabels.Verdict]) -> HumanLabels.Verdict? {
        var counts: [HumanLabels.Verdict: Int] = [:]
        for verdict in verdicts { counts[verdict, default: 0] += 1 }
        guard let most = counts.values.max() else { return nil }
        let leaders = counts.filter { $0.value == most }
        return leaders.count == 1 ? leaders.first!.key : nil
    }

    /// Suggestions from calls already scored.
    ///
    /// - Parameters:
    ///   - scorer: the rubric's scorer.
    ///   - calls: the calls; those without labels are skipped, and so are
    ///     calls whose id another call has too (their labels are ambiguous).
    ///   - labels: the human labels.
    ///   - settings: what to count and list.
    public init(scorer: Scorer, calls: [Call], labels: HumanLabels, settings: Settings = Settings()) {
        let plan = RubricSuggestionPlan(rubric: scorer.rubric, labels: labels, settings: settings)
        var ids = CallIDs()
        var observed: [RubricSuggestionCall] = []
        for call in calls {
            _ = ids.claim(call.id, source: call.source)
            if let observation = plan.observe(call, with: scorer) { observed.append(observation) }
        }
        self.init(plan: plan, reference: scorer.reference, calls: observed, shared: ids.shared)
    }

    /// Ranks the candidates of every item of `plan` over `calls`, leaving out
    /// the calls whose id is `shared` by several calls.
    init(
        plan: RubricSuggestionPlan, reference: RubricReference, calls: [RubricSuggestionCall],
        shared: [String: [Call.Source]] = [:]
    ) {
        sharedCallIDs = shared
        let calls = calls.filter { shared[$0.callID] == nil }.sorted { $0.callID < $1.callID }
        rubric = reference
        settings = plan.settings
        labelledCallIDs = calls.map(\.callID)
        items = plan.items.map { planned in
            RubricSuggestionRanking.item(planned, calls: calls, settings: plan.settings)
        }
    }
}
