extension RubricComparison {
    /// Reads every input once, scores each call with both rubrics, and
    /// compares the two scorecards of every call.
    ///
    /// Each call is read once and scored twice, on `jobs` threads; calls stay
    /// in input order whatever the number of threads. Problems reading the
    /// inputs go to `diagnostic`, in input order, once each. A call in a
    /// language either rubric does not score is reported and not compared,
    /// unless `anyLanguage`; a call whose id an earlier call has is compared
    /// under a unique id, with a warning (``CallIDs``).
    ///
    /// ```swift
    /// let comparison = RubricComparison(before: Scorer(current), after: Scorer(proposed),
    ///                                   inputs: inputs, loader: loader, jobs: 4) { print($0) }
    /// ```
    ///
    /// - Parameters:
    ///   - before: the scorer of the current rubric.
    ///   - after: the scorer of the rubric that would replace it.
    ///   - inputs: what to read.
    ///   - loader: reads the inputs.
    ///   - jobs: threads to score on (at least one).
    ///   - anyLanguage: compare calls in languages the rubrics do not name, too.
    ///   - diagnostic: receives every warning and error about an input or a call.
    public init(
        before: Scorer, after: Scorer, inputs: [TranscriptInput], loader: TranscriptLoader, jobs: Int,
        anyLanguage: Bool = false, diagnostic: (Diagnostic) -> Void
    ) {
        var pairs: [(before: Scorecard, after: Scorecard)] = []
        var ids = CallIDs()
        BatchPipeline(loader: loader, jobs: jobs).run(
            inputs,
            transform: { event -> ScoredTwice? in
                switch event {
                case .call(let call):
                    if !anyLanguage,
                        let problem = before.rubric.languageProblem(call, verb: "compared")
                            ?? after.rubric.languageProblem(call, verb: "compared")
                    {
                        return .diagnostic(problem)
                    }
                    return .scored(before: before.score(call), after: after.score(call))
                case .diagnostic(let problem): return .diagnostic(problem)
                }
            },
            inputDone: { _ in ScoredTwice.inputDone },
            deliver: { result in
                switch result {
                case .scored(var first, var second):
                    let (id, warning) = ids.claim(first.callID, source: first.source)
                    if let warning { diagnostic(warning) }
                    first.callID = id
                    second.callID = id
                    pairs.append((before: first, after: second))
                case .diagnostic(let problem): diagnostic(problem)
                case .inputDone: break
                }
            }
        )
        self.init(first: before.rubric, second: after.rubric, pairs: pairs)
    }
}

/// One call read and scored with both rubrics, or a problem with an input.
private enum ScoredTwice: Sendable {
    case scored(before: Scorecard, after: Scorecard)
    case diagnostic(Diagnostic)
    case inputDone
}
