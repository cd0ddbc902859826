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
    /// The matcher that finds the rubric's phrases in normalised turns.
    public let matcher: any PhraseMatching
    /// The same matcher when it is the exact one compiled from the rubric.
    private let compiled: PhraseMatcher?

    /// Compiles `rubric`.
    ///
    /// - Parameters:
    ///   - rubric: the rubric to apply.
    ///   - matcher: a phrase matcher to use instead of the exact one built
    ///     from the rubric's lists (for example a fuzzy one); it must report
    ///     matches under the rubric's list names.
    public init(_ rubric: Rubric, matcher: (any PhraseMatching)? = nil) {
        self.rubric = rubric
        self.reference = RubricReference(rubric)
        if let matcher {
            self.matcher = matcher
            self.compiled = matcher as? PhraseMatcher
            return
        }
        var lists = rubric.lists.map { (name: $0.name, phrases: $0.phrases) }
        let introductions = rubric.items.flatMap { item -> [String] in
            if case .name(let check) = item.check { return check.introductions }
            return []
        }
        var negation = rubric.negation
        if !introductions.isEmpty {
            lists.append((NameCheck.introductionList, introductions))
            negation.exemptLists.insert(NameCheck.introductionList)
        }
        let compiled = PhraseMatcher(lists: lists, negation: negation)
        self.matcher = compiled
        self.compiled = compiled
    }

    /// Every distinct phrase the scorer searches for, normalised: the
    /// rubric's lists, its negators and the name check's introductions.
    /// Empty when a custom matcher was given.
    public var phrases: [String] {
        compiled?.normalizedPhrases ?? []
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
    }

    /// Normalises and matches every turn of `call`.
    @_spi(Benchmarks)
    public func prepare(_ call: Call) -> PreparedCall {
        PreparedCall(analysis: CallAnalysis(call: call, matcher: matcher, compiled: compiled, settings: rubric.metrics))
    }

    /// Evaluates every item on a prepared call.
    @_spi(Benchmarks)
    public func score(prepared: PreparedCall) -> Scorecard {
        let analysis = prepared.analysis
        let call = analysis.call
        var results: [ItemResult] = []
        var earned = 0.0, possible = 0.0
        var criticalFailures: [String] = []
        for item in rubric.items {
            let outcome = evaluate(item.check, in: analysis)
            let points = outcome.status == .na ? 0 : Self.rounded(item.weight * outcome.share, places: 2)
            if outcome.status != .na {
                earned += item.weight * outcome.share
                possible += item.weight
            }
            if item.check.isCritical && outcome.status == .fail { criticalFailures.append(item.id) }
            results.append(ItemResult(id: item.id, title: item.title, status: outcome.status, points: points,
                                      max: item.weight, critical: item.check.isCritical, evidence: outcome.evidence,
                                      missing: outcome.missing, note: outcome.note))
        }
        var score = possible > 0 ? earned / possible * 100 : 100
        if !criticalFailures.isEmpty {
            switch rubric.critical {
            case .score(let value): score = value
            case .cap(let cap): score = min(score, cap)
            }
        }
        score = Self.rounded(score, places: 1)
        return Scorecard(call: call.id, source: call.source, agent: call.agent, language: call.language,
                         rubric: reference, score: score, passed: criticalFailures.isEmpty && score >= rubric.passMark,
                         criticalFailures: criticalFailures, items: results, wording: wording(in: analysis),
                         metrics: try? analysis.metrics.get(),
                         metricsUnavailable: { if case .failure(let why) = analysis.metrics { why.reason } else { nil } }())
    }

    private func evaluate(_ check: Check, in analysis: CallAnalysis) -> CheckOutcome {
        switch check {
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

    private func wording(in analysis: CallAnalysis) -> WordingCount {
        let agentTurns = analysis.turns(by: .agent)
        func count(_ list: String?) -> Int {
            guard let list else { return 0 }
            return analysis.matches(of: PhraseGroup(name: list, lists: [list]), inTurns: agentTurns).count
        }
        return WordingCount(positive: count(rubric.wording.positive), negative: count(rubric.wording.negative))
    }

    /// `value` rounded to `places` decimals: how scores, rates and times are reported.
    static func rounded(_ value: Double, places: Int) -> Double {
        let scale = (0..<places).reduce(1.0) { scale, _ in scale * 10 }
        return (value * scale).rounded() / scale
    }
}
