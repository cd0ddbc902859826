import Yams

/// The checks a rubric item can make.
///
/// Each kind lives in its own file (`PhraseCheck.swift`, …): its settings,
/// how a rubric file writes it, and how it is evaluated.
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

    /// Every kind's name, in the order messages list them.
    static let kinds = [
        PhraseCheck.kind, ForbidCheck.kind, LimitCheck.kind, ResponseCheck.kind, ParaphraseCheck.kind, NameCheck.kind,
        WordingCheck.kind, HoldCheck.kind, MetricCheck.kind,
    ]

    /// The kind's name as rubric files write it.
    public var kind: String {
        switch self {
        case .phrase: PhraseCheck.kind
        case .forbid: ForbidCheck.kind
        case .limit: LimitCheck.kind
        case .response: ResponseCheck.kind
        case .paraphrase: ParaphraseCheck.kind
        case .name: NameCheck.kind
        case .wording: WordingCheck.kind
        case .hold: HoldCheck.kind
        case .metric: MetricCheck.kind
        }
    }

    /// Whether failing this check fails the call whatever its score.
    public var isCritical: Bool {
        switch self {
        case .phrase(let check): check.isCritical
        case .forbid(let check): check.isCritical
        case .limit(let check): check.isCritical
        case .response(let check): check.isCritical
        case .paraphrase(let check): check.isCritical
        case .name(let check): check.isCritical
        case .wording(let check): check.isCritical
        case .hold(let check): check.isCritical
        case .metric(let check): check.isCritical
        }
    }

    /// Reads a check of the kind named `kind` from its mapping; an unknown
    /// kind is a problem at the `kind` key.
    static func decode(kind: String, at site: CheckSite, parser: inout RubricParser) -> Check? {
        switch kind {
        case PhraseCheck.kind: return PhraseCheck.decode(site, parser: &parser).map(Check.phrase)
        case ForbidCheck.kind: return ForbidCheck.decode(site, parser: &parser).map(Check.forbid)
        case LimitCheck.kind: return LimitCheck.decode(site, parser: &parser).map(Check.limit)
        case ResponseCheck.kind: return ResponseCheck.decode(site, parser: &parser).map(Check.response)
        case ParaphraseCheck.kind: return ParaphraseCheck.decode(site, parser: &parser).map(Check.paraphrase)
        case NameCheck.kind: return NameCheck.decode(site, parser: &parser).map(Check.name)
        case WordingCheck.kind: return WordingCheck.decode(site, parser: &parser).map(Check.wording)
        case HoldCheck.kind: return HoldCheck.decode(site, parser: &parser).map(Check.hold)
        case MetricCheck.kind: return MetricCheck.decode(site, parser: &parser).map(Check.metric)
        default:
            parser.reader.problem(
                site.node["kind"], "unknown check kind '\(kind)' (expected \(YAMLNodeReader.list(kinds)))")
            return nil
        }
    }

    /// Writes the check's settings into its item's canonical JSON object.
    func writeCanonical(to json: inout JSONWriter) {
        switch self {
        case .phrase(let check): check.writeCanonical(to: &json)
        case .forbid(let check): check.writeCanonical(to: &json)
        case .limit(let check): check.writeCanonical(to: &json)
        case .response(let check): check.writeCanonical(to: &json)
        case .paraphrase(let check): check.writeCanonical(to: &json)
        case .name(let check): check.writeCanonical(to: &json)
        case .wording(let check): check.writeCanonical(to: &json)
        case .hold(let check): check.writeCanonical(to: &json)
        case .metric(let check): check.writeCanonical(to: &json)
        }
    }

    /// What lint needs to know about the check.
    var lintFacts: CheckLintFacts {
        switch self {
        case .phrase(let check): check.lintFacts
        case .forbid(let check): check.lintFacts
        case .limit(let check): check.lintFacts
        case .response(let check): check.lintFacts
        case .paraphrase(let check): check.lintFacts
        case .name(let check): check.lintFacts
        case .wording(let check): check.lintFacts
        case .hold(let check): check.lintFacts
        case .metric(let check): check.lintFacts
        }
    }

    /// Evaluates the check on a prepared call.
    func evaluate(in analysis: CallAnalysis) -> CheckOutcome {
        switch self {
        case .phrase(let check): check.evaluate(in: analysis)
        case .forbid(let check): check.evaluate(in: analysis)
        case .limit(let check): check.evaluate(in: analysis)
        case .response(let check): check.evaluate(in: analysis)
        case .paraphrase(let check): check.evaluate(in: analysis)
        case .name(let check): check.evaluate(in: analysis)
        case .wording(let check): check.evaluate(in: analysis)
        case .hold(let check): check.evaluate(in: analysis)
        case .metric(let check): check.evaluate(in: analysis)
        }
    }

    /// Phrase lists the check adds to the rubric's matcher.
    var matcherLists: [Rubric.PhraseList] {
        switch self {
        case .phrase(let check): check.matcherLists
        case .forbid(let check): check.matcherLists
        case .limit(let check): check.matcherLists
        case .response(let check): check.matcherLists
        case .paraphrase(let check): check.matcherLists
        case .name(let check): check.matcherLists
        case .wording(let check): check.matcherLists
        case .hold(let check): check.matcherLists
        case .metric(let check): check.matcherLists
        }
    }
}
