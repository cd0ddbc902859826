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

    /// The check's value, of its kind: every operation below forwards to it,
    /// so this is the one switch over the kinds.
    private var body: any CheckKind {
        switch self {
        case .phrase(let check): check
        case .forbid(let check): check
        case .limit(let check): check
        case .response(let check): check
        case .paraphrase(let check): check
        case .name(let check): check
        case .wording(let check): check
        case .hold(let check): check
        case .metric(let check): check
        }
    }

    /// The kind's name as rubric files write it.
    public var kind: String { type(of: body).kind }

    /// Whether failing this check fails the call whatever its score.
    public var isCritical: Bool { body.isCritical }

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
    func writeCanonical(to json: inout JSONWriter) { body.writeCanonical(to: &json) }

    /// What lint needs to know about the check.
    var lintFacts: CheckLintFacts { body.lintFacts }

    /// Evaluates the check on a prepared call.
    func evaluate(in analysis: CallAnalysis) -> CheckOutcome { body.evaluate(in: analysis) }

    /// Phrase lists the check adds to the rubric's matcher.
    var matcherLists: [Rubric.PhraseList] { body.matcherLists }
}
