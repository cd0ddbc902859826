extension RubricSuggestions {
    /// Reads every input, scores the labelled calls on `jobs` threads, and
    /// ranks the suggestions.
    ///
    /// Only the labelled calls are kept (their turns, for example quotes), so
    /// memory grows with the labelled sample, not with the inputs. Of calls
    /// with the same id only the first read counts, as for calibration.
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
    ///   - diagnostic: receives every warning and error about an input or a call, in input order.
    public init(
        scorer: Scorer, labels: HumanLabels, settings: Settings = Settings(), inputs: [TranscriptInput],
        loader: TranscriptLoader, jobs: Int, diagnostic: (Diagnostic) -> Void
    ) {
        let plan = RubricSuggestionPlan(rubric: scorer.rubric, labels: labels, settings: settings)
        var seen = Set<String>()
        var calls: [RubricSuggestionCall] = []
        BatchPipeline(loader: loader, jobs: jobs).run(
            inputs,
            transform: { event -> Observed? in
                switch event {
                case .call(let call): plan.observe(call, with: scorer).map(Observed.call)
                case .diagnostic(let problem): .diagnostic(problem)
                }
            },
            inputDone: { _ in Observed.inputDone },
            deliver: { result in
                switch result {
                case .call(let call): if seen.insert(call.callID).inserted { calls.append(call) }
                case .diagnostic(let problem): diagnostic(problem)
                case .inputDone: break
                }
            }
        )
        self.init(plan: plan, reference: scorer.reference, calls: calls)
    }
}

/// A labelled call read and observed, or a problem with an input.
private enum Observed: Sendable {
    case call(RubricSuggestionCall)
    case diagnostic(Diagnostic)
    case inputDone
}
