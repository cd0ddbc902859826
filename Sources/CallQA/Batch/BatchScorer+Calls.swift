/// Scoring a batch for writers that need each call beside its scorecard (the
/// HTML report embeds the transcripts of the calls to review).
extension BatchScorer {
    /// What ``run(_:deliver:)`` hands over, in input order.
    public enum CallEvent: Sendable {
        /// A call, its scorecard, and the rubric that scored it.
        case scored(Call, Scorecard, Rubric)
        /// A warning or error about an input or a call.
        case diagnostic(Diagnostic)
        /// An input was read to its end (the last event of each input).
        case inputDone(TranscriptInput)
    }

    /// Scores every input, calling `deliver` on the calling thread with each
    /// call, its scorecard and its rubric, in input order — the same calls
    /// and order as ``run(_:render:deliver:)``.
    public func run(_ inputs: [TranscriptInput], deliver: (CallEvent) -> Void) {
        BatchPipeline(loader: loader, jobs: jobs)
            .run(
                inputs, transform: { [self] event in scored(event) }, inputDone: { CallEvent.inputDone($0) },
                deliver: deliver)
    }

    /// What one event read becomes: the call scored, or a diagnostic (also
    /// for a call no rubric can score).
    func scored(_ event: ReadEvent) -> CallEvent {
        switch event {
        case .call(let call):
            guard let scorer = scorer(call) else { return .diagnostic(unscorable(call)) }
            return .scored(call, scorer.score(call), scorer.rubric)
        case .diagnostic(let diagnostic):
            return .diagnostic(diagnostic)
        }
    }
}
