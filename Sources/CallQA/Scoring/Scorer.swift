/// Scores calls against one rubric.
///
/// Compiles the rubric's phrase lists into one matcher when created; scoring
/// a call then matches each turn once and evaluates every item. A scorer is
/// immutable: share one across threads.
///
/// ```swift
/// let rubric = try Rubric(contentsOf: URL(fileURLWithPath: "rubrics/zh-standard.yaml"))
/// let scorer = Scorer(rubric)
/// let card = scorer.score(call)
/// print(card.score, card.passed, card.item("greeting")?.status ?? .na)
/// ```
public struct Scorer: Sendable {
    /// The rubric this scorer applies.
    public let rubric: Rubric
    /// The rubric's ID, version and fingerprint, as scorecards carry them.
    public let reference: RubricReference
    /// The matcher compiled from the rubric: its lists, with the phrases
    /// its checks add (the name check's introductions), and its negation rule.
    public let matcher: PhraseMatcher
    /// The matcher scoring uses: ``matcher``, unless another was given.
    private let matching: any PhraseMatching

    /// Compiles `rubric`.
    public init(_ rubric: Rubric) {
        let (lists, negation) = rubric.matcherSettings
        let compiled = PhraseMatcher(phraseLists: lists, negation: negation)
        self.init(rubric, compiled: compiled, matching: compiled)
    }

    /// Compiles `rubric`, but finds its phrases with `matcher`, which must
    /// report the lists of ``Rubric/matcherSettings`` in that order.
    init(_ rubric: Rubric, matcher: any PhraseMatching) {
        let (lists, negation) = rubric.matcherSettings
        self.init(rubric, compiled: PhraseMatcher(phraseLists: lists, negation: negation), matching: matcher)
    }

    private init(_ rubric: Rubric, compiled: PhraseMatcher, matching: any PhraseMatching) {
        self.rubric = rubric
        self.reference = RubricReference(rubric)
        self.matcher = compiled
        self.matching = matching
    }

    /// Every distinct phrase the scorer searches for, normalised: the
    /// rubric's lists, its negators and the name check's introductions.
    public var phrases: [String] {
        matcher.normalizedPhrases
    }

    /// Scores one call.
    public func score(_ call: Call) -> Scorecard {
        score(prepared: prepare(call))
    }

    /// A call normalised and matched, ready for its items to be evaluated:
    /// the first half of ``score(_:)``, apart so that each half can be timed.
    @_spi(Benchmarks)
    public struct PreparedCall {
        let analysis: CallAnalysis
        /// The call's metadata as given (masked when it was redacted).
        let metadata: [String: String]
    }

    /// Normalises and matches every turn of `call`.
    @_spi(Benchmarks)
    public func prepare(_ call: Call) -> PreparedCall {
        PreparedCall(
            analysis: CallAnalysis(call: call, matcher: matching, settings: rubric.metrics), metadata: call.metadata)
    }

    /// Evaluates every item on a prepared call.
    @_spi(Benchmarks)
    public func score(prepared: PreparedCall) -> Scorecard {
        let analysis = prepared.analysis
        let call = analysis.call
        var results: [ItemResult] = []
        var earned = 0.0
        var possible = 0.0
        var criticalFailures: [String] = []
        for item in rubric.items {
            let outcome = item.check.evaluate(in: analysis)
            let points = outcome.status == .na ? 0 : NumberText.rounded(item.weight * outcome.share, places: 2)
            if outcome.status != .na {
                earned += item.weight * outcome.share
                possible += item.weight
            }
            if item.check.isCritical && outcome.status == .fail { criticalFailures.append(item.id) }
            var result = ItemResult(
                id: item.id, title: item.title, status: outcome.status, points: points,
                maxPoints: item.weight, critical: item.check.isCritical, evidence: outcome.evidence,
                missing: outcome.missing, note: outcome.note)
            if let redactor = analysis.redaction?.redactor { result.redactText(with: redactor) }
            results.append(result)
        }
        var score = possible > 0 ? earned / possible * 100 : 100
        if !criticalFailures.isEmpty {
            switch rubric.critical {
            case .score(let value): score = value
            case .cap(let cap): score = min(score, cap)
            }
        }
        score = NumberText.rounded(score, places: 1)
        var card = Scorecard(
            callID: call.id, source: call.source, agent: call.agent, language: call.language,
            rubric: reference, score: score, passed: criticalFailures.isEmpty && score >= rubric.passMark,
            criticalFailures: criticalFailures, items: results, wording: wording(in: analysis),
            metrics: try? analysis.metrics.get(),
            metricsUnavailable: { if case .failure(let why) = analysis.metrics { why.reason } else { nil } }())
        card.metadata = prepared.metadata
        return card
    }

    private func wording(in analysis: CallAnalysis) -> WordingCount {
        let agentTurns = analysis.turns(by: .agent)
        func count(_ list: String?) -> Int {
            guard let list else { return 0 }
            return analysis.matches(of: PhraseGroup(name: list, lists: [list]), inTurns: agentTurns).count
        }
        return WordingCount(positive: count(rubric.wording.positive), negative: count(rubric.wording.negative))
    }
}

extension Rubric {
    /// The phrase lists a scorer compiles, in order, and their negation rule:
    /// the rubric's lists, then the lists its checks add (joined by name,
    /// left out when empty), which negators never cancel.
    var matcherSettings: (lists: [Rubric.PhraseList], negation: PhraseMatcher.Negation) {
        var lists = self.lists
        var negation = self.negation
        var added: [Rubric.PhraseList] = []
        for list in items.flatMap(\.check.matcherLists) {
            if let index = added.firstIndex(where: { $0.name == list.name }) {
                added[index].phrases += list.phrases
            } else {
                added.append(list)
            }
        }
        for list in added where !list.phrases.isEmpty {
            lists.append(list)
            negation.exemptLists.insert(list.name)
        }
        return (lists, negation)
    }
}
