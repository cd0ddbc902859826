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
/// batch.run(inputs, render: { card in "\(card.call) \(card.score)\n" }) { result in
///     if case .scored(_, let text) = result { print(text, terminator: "") }
/// }
/// ```
public struct BatchScorer: Sendable {
    /// One result of a batch.
    public enum Result: Sendable {
        /// A call scored, with the text `render` made of it on the worker thread.
        case scored(Scorecard, rendered: String)
        /// A warning or error about an input or a call.
        case diagnostic(Diagnostic)
        /// An input was read to its end (the last result of each input).
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
    ///   - jobs: threads to score on (at least one).
    ///   - unscorable: the error for a call `scorer` has no scorer for.
    ///   - scorer: the scorer for a call, or `nil` when no rubric suits it.
    public init(loader: TranscriptLoader, jobs: Int,
                unscorable: @escaping @Sendable (Call) -> Diagnostic = BatchScorer.defaultUnscorable,
                scorer: @escaping @Sendable (Call) -> Scorer?) {
        self.loader = loader
        self.jobs = max(1, jobs)
        self.scorer = scorer
        self.unscorable = unscorable
    }

    /// How many results may wait, in all, behind the input being delivered.
    public static let pendingResults = 8192

    /// The error for a call no rubric suits, naming its language.
    public static let defaultUnscorable: @Sendable (Call) -> Diagnostic = { call in
        Diagnostic(.error, source: call.source.path, line: call.source.line,
                   message: "call \(call.id) not scored: no rubric for its language (\(call.language.rawValue))")
    }

    /// Scores every input, calling `deliver` on the calling thread with each
    /// result in input order.
    ///
    /// - Parameters:
    ///   - inputs: what to read.
    ///   - render: turns a scorecard into output text, on the worker thread
    ///     (so that serialising runs in parallel too).
    ///   - deliver: receives each result, in order.
    public func run(_ inputs: [TranscriptInput], render: @escaping @Sendable (Scorecard) -> String,
                    deliver: (Result) -> Void) {
        // Results waiting behind the input being delivered: about 8,192 in all
        // (a few kilobytes each), shared among the threads.
        let channel = OrderedChannel<Result>(count: inputs.count, capacity: max(256, Self.pendingResults / jobs))
        let work: @Sendable () -> Void = { [loader, scorer, unscorable] in
            while let index = channel.take() {
                loader.read(inputs[index]) { event in
                    switch event {
                    case .call(let call):
                        if let scorer = scorer(call) {
                            let card = scorer.score(call)
                            channel.put(.scored(card, rendered: render(card)), input: index)
                        } else {
                            channel.put(.diagnostic(unscorable(call)), input: index)
                        }
                    case .diagnostic(let diagnostic):
                        channel.put(.diagnostic(diagnostic), input: index)
                    }
                }
                channel.put(.inputDone(inputs[index]), input: index)
                channel.finish(input: index)
            }
        }
        let threads = min(jobs, max(1, inputs.count))
        for _ in 0..<threads {
            let thread = Thread(block: work)
            thread.stackSize = 8 << 20
            thread.start()
        }
        while let result = channel.next() { deliver(result) }
    }
}
