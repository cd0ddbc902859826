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
        guard jobs > 1 else {
            for input in inputs {
                loader.read(input) { event in score(event, render: render).map(deliver) }
                deliver(.inputDone(input))
            }
            return
        }
        // Each input is read by one thread, in chunks of calls that any thread
        // may score: one large file keeps every core busy. Chunks take their
        // place in the output as soon as they are read. Results waiting behind
        // the input being delivered: about 8,192 in all, shared among threads.
        let chunkSize = Self.chunkSize
        let channel = OrderedChannel<Slot>(count: inputs.count,
                                           capacity: max(4, Self.pendingResults / jobs / chunkSize))
        let queue = ChunkQueue(capacity: 2 * jobs)
        let scoreChunk: @Sendable (ScoringChunk) -> Void = { chunk in
            chunk.complete(chunk.events.compactMap { score($0, render: render) })
        }
        let work: @Sendable () -> Void = { [loader] in
            while true {
                // Scoring what is read comes first; then the next input.
                if let chunk = queue.pop() {
                    if chunk.claim() { scoreChunk(chunk) }
                    continue
                }
                queue.startReading()
                guard let index = channel.take() else {
                    queue.stopReading()
                    queue.noInputsLeft()
                    while let chunk = queue.popOrWait() {
                        if chunk.claim() { scoreChunk(chunk) }
                    }
                    return
                }
                var pending: [ReadEvent] = []
                var calls = 0
                func flush() {
                    guard !pending.isEmpty else { return }
                    let chunk = ScoringChunk(events: pending)
                    pending.removeAll(keepingCapacity: true)
                    calls = 0
                    channel.put(.chunk(chunk), input: index)
                    // A full queue means scoring lags reading: help, then queue.
                    while !queue.push(chunk) {
                        if let other = queue.pop(), other.claim() { scoreChunk(other) }
                    }
                }
                loader.read(inputs[index]) { event in
                    pending.append(event)
                    if case .call = event { calls += 1 }
                    if calls >= chunkSize { flush() }
                }
                // The input's last chunk (all of a one-call file) is scored here:
                // nothing waits for this thread but it.
                for event in pending {
                    if let result = score(event, render: render) { channel.put(.result(result), input: index) }
                }
                channel.put(.result(.inputDone(inputs[index])), input: index)
                channel.finish(input: index)
                queue.stopReading()
            }
        }
        for _ in 0..<jobs {
            let thread = Thread(block: work)
            thread.stackSize = 8 << 20
            thread.start()
        }
        while let slot = channel.next() {
            switch slot {
            case .result(let result):
                deliver(result)
            case .chunk(let chunk):
                // The chunk being delivered is scored here if no thread has it yet.
                if chunk.claim() { scoreChunk(chunk) }
                chunk.wait().forEach(deliver)
            }
        }
    }

    /// Calls per chunk handed between threads.
    static let chunkSize = 16

    /// What the ordered channel carries: a result, or a chunk being scored.
    private enum Slot: Sendable {
        case result(Result)
        case chunk(ScoringChunk)
    }

    /// The result of one event read: a scorecard, or a diagnostic.
    private func score(_ event: ReadEvent, render: @Sendable (Scorecard) -> String) -> Result? {
        switch event {
        case .call(let call):
            guard let scorer = scorer(call) else { return .diagnostic(unscorable(call)) }
            let card = scorer.score(call)
            return .scored(card, rendered: render(card))
        case .diagnostic(let diagnostic):
            return .diagnostic(diagnostic)
        }
    }
}
