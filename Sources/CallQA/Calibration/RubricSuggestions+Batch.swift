extension RubricSuggestions {
    /// Reads every input, scores the labelled calls on `jobs` threads, and
    /// ranks the suggestions.
    ///
    /// Only the labelled calls are kept (their turns, for example quotes), so
    /// memory grows with the labelled sample, not with the inputs. Calls
    /// with the same id are reported, and their labels paired with none of
    /// them (``CallIDs``), as for calibration. A call in a language the
    /// rubric does not score is reported and left out, unless `anyLanguage`.
    ///
    /// ```swift
    /// let suggestions = RubricSuggestions(scorer: Scorer(rubric), labels: labels, inputs: inputs,
    ///                                     loader: loader, jobs: 4) { print($0) }
    /// ```
    ///
    /// - Parameters:
    ///   - scorer: the rubric's scorer.
    ///   - labels: the human labels.
    ///   - settings: what to count and list.
    ///   - inputs: what to read.
    ///   - loader: reads the inputs.
    ///   - jobs: threads to score on (at least one).
    ///   - anyLanguage: score calls in languages the rubric does not name, too.
    ///   - diagnostic: receives every warning and error about an input or a call, in input order.
    public init(
        scorer: Scorer, labels: HumanLabels, settings: Settings = Settings(), inputs: [TranscriptInput],
        loader: TranscriptLoader, jobs: Int, anyLanguage: Bool = false, diagnostic: (Diagnostic) -> Void
    ) {
        let plan = RubricSuggestionPlan(rubric: scorer.rubric, labels: labels, settings: settings)
        var ids = CallIDs()
        var calls: [RubricSuggestionCall] = []
        BatchPipeline(loader: loader, jobs: jobs).run(
            inputs,
            transform: { event -> Observed? in
                switch event {
                case .call(let call):
                    if !anyLanguage, let problem = scorer.rubric.languageProblem(call) { return .diagnostic(problem) }
                    return .call(plan.observe(call, with: scorer), call.id, call.source)
                case .diagnostic(let problem): return .diagnostic(problem)
                }
            },
            inputDone: { _ in Observed.inputDone },
            deliver: { result in
                switch result {
                case .call(let observed, let id, let source):
                    if let warning = ids.claim(id, source: source).warning { diagnostic(warning) }
                    if let observed { calls.append(observed) }
                case .diagnostic(let problem): diagnostic(problem)
                case .inputDone: break
                }
            }
        )
        self.init(plan: plan, reference: scorer.reference, calls: calls, shared: ids.shared)
    }
}

/// A call read (observed when it is labelled), or a problem with an input.
private enum Observed: Sendable {
    case call(RubricSuggestionCall?, String, Call.Source)
    case diagnostic(Diagnostic)
    case inputDone
}
