import Foundation

/// Scores many inputs on several threads, delivering results in input order.
///
/// The output of a batch is the same, byte for byte, whatever the number of
/// threads: results come back in the order of the inputs, and within an input
/// in the order of its calls. Results are handed over as they are ready, so a
/// batch of any size is scored in bounded memory when the consumer streams
/// them out.
///
/// ```swift
/// let batch = BatchScorer(loader: TranscriptLoader(), jobs: 4) { call in scorer }
/// batch.run(inputs, render: { card in "\(card.call) \(card.score)\n" }) { event in
///     if case .scored(_, let text) = event { print(text, terminator: "") }
/// }
/// ```
public struct BatchScorer: Sendable {
    /// What a batch hands over, in input order: scorecards, diagnostics and
    /// the ends of inputs.
    public enum Event: Sendable {
        /// A call scored, with the text `render` made of it on the worker thread.
        case scored(Scorecard, rendered: String)
        /// A warning or error about an input or a call.
        case diagnostic(Diagnostic)
        /// An input was read to its end (the last event of each input).
        case inputDone(TranscriptInput)
    }

    /// Reads the inputs.
    public let loader: TranscriptLoader
    /// How many threads score at once.
    public let jobs: Int
    /// The scorer for a call, or `nil` when no rubric suits it.
    public let scorer: @Sendable (Call) -> Scorer?
    /// The error for a call no rubric suits.
    public let unscorable: @Sendable (Call) -> Diagnostic

    /// Creates a batch scorer.
    ///
    /// - Parameters:
    ///   - loader: reads the inputs.
    ///   - jobs: threads to score on (at least one, at most ``maximumJobs``).
    ///   - unscorable: the error for a call `scorer` has no scorer for.
    ///   - scorer: the scorer for a call, or `nil` when no rubric suits it.
    public init(
        loader: TranscriptLoader, jobs: Int,
        unscorable: @escaping @Sendable (Call) -> Diagnostic = BatchScorer.defaultUnscorable,
        scorer: @escaping @Sendable (Call) -> Scorer?
    ) {
        self.loader = loader
        self.jobs = Self.threads(for: jobs)
        self.scorer = scorer
        self.unscorable = unscorable
    }

    /// Threads per core beyond which more threads only cost memory: scoring
    /// keeps a core busy, and reading rarely waits.
    public static let jobsPerCore = 4

    /// The most threads a batch runs on: ``jobsPerCore`` per core.
    public static var maximumJobs: Int { jobsPerCore * max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// The threads a batch asked for `jobs` runs on: at least one, at most ``maximumJobs``.
    public static func threads(for jobs: Int) -> Int { min(max(1, jobs), maximumJobs) }

    /// How many results may wait, in all, behind the input being delivered.
    public static let pendingResults = 8192

    /// The error for a call no rubric suits, naming its language.
    public static let defaultUnscorable: @Sendable (Call) -> Diagnostic = { call in
        Diagnostic(
            .error, source: call.source.path, line: call.source.line,
            message: "call \(call.id) not scored: no rubric for its language (\(call.language.rawValue))")
    }

    /// Scores every input, calling `deliver` on the calling thread with each
    /// event in input order.
    ///
    /// - Parameters:
    ///   - inputs: what to read.
    ///   - render: turns a scorecard into output text, on the worker thread
    ///     (so that serialising runs in parallel too).
    ///   - deliver: receives each event, in order.
    public func run(
        _ inputs: [TranscriptInput], render: @escaping @Sendable (Scorecard) -> String,
        deliver: (Event) -> Void
    ) {
        BatchPipeline(loader: loader, jobs: jobs)
            .run(
                inputs, transform: { [self] event in score(event, render: render) },
                inputDone: { Event.inputDone($0) }, deliver: deliver)
    }

    /// Calls per chunk handed between threads.
    static let chunkSize = 16

    /// What one event read becomes: a scorecard, or a diagnostic.
    private func score(_ event: ReadEvent, render: @Sendable (Scorecard) -> String) -> Event? {
        switch scored(event) {
        case .scored(_, let card, _): .scored(card, rendered: render(card))
        case .diagnostic(let diagnostic): .diagnostic(diagnostic)
        case .inputDone(let input): .inputDone(input)
        }
    }
}
