import Foundation

/// Reads many inputs on several threads and turns what is read into results
/// on any thread, delivering the results in input order.
///
/// Each input is read by one thread, in chunks of calls that any thread may
/// turn into results: one large file keeps every core busy. Chunks take their
/// place in the output as soon as they are read, so the order of the results
/// never depends on which thread made them. At most about
/// ``BatchScorer/pendingResults`` results wait, in all, behind the input being
/// delivered.
struct BatchPipeline: Sendable {
    /// Reads the inputs.
    let loader: TranscriptLoader
    /// How many threads work at once (at least one, at most ``BatchScorer/maximumJobs``).
    let jobs: Int

    init(loader: TranscriptLoader, jobs: Int) {
        self.loader = loader
        self.jobs = BatchScorer.threads(for: jobs)
    }

    /// Reads every input, calling `deliver` on the calling thread with each
    /// result in input order.
    ///
    /// - Parameters:
    ///   - inputs: what to read.
    ///   - transform: the result of one event read (a call or a diagnostic),
    ///     or `nil` for none; runs on any thread.
    ///   - inputDone: the result that ends an input, after all of its own.
    ///   - deliver: receives each result, in order.
    func run<Result: Sendable>(
        _ inputs: [TranscriptInput],
        transform: @escaping @Sendable (ReadEvent) -> Result?,
        inputDone: @escaping @Sendable (TranscriptInput) -> Result,
        deliver: (Result) -> Void
    ) {
        guard jobs > 1 else {
            for input in inputs {
                loader.read(input) { event in transform(event).map(deliver) }
                deliver(inputDone(input))
            }
            return
        }
        let chunkSize = BatchScorer.chunkSize
        let channel = OrderedChannel<Slot<Result>>(
            count: inputs.count,
            capacity: max(4, BatchScorer.pendingResults / jobs / chunkSize))
        let queue = ChunkQueue<Result>(capacity: 2 * jobs)
        let work: @Sendable () -> Void = { [loader] in
            while true {
                // Working on what is read comes first; then the next input.
                if let chunk = queue.pop() {
                    if chunk.claim() { chunk.complete(transform) }
                    continue
                }
                queue.startReading()
                guard let index = channel.take() else {
                    queue.stopReading()
                    queue.noInputsLeft()
                    while let chunk = queue.popOrWait() {
                        if chunk.claim() { chunk.complete(transform) }
                    }
                    return
                }
                var pending: [ReadEvent] = []
                var calls = 0
                func flush() {
                    guard !pending.isEmpty else { return }
                    let chunk = ScoringChunk<Result>(events: pending)
                    pending.removeAll(keepingCapacity: true)
                    calls = 0
                    channel.put(.chunk(chunk), input: index)
                    // A full queue means working lags reading: help, then queue.
                    while !queue.push(chunk) {
                        if let other = queue.pop(), other.claim() { other.complete(transform) }
                    }
                }
                loader.read(inputs[index]) { event in
                    pending.append(event)
                    if case .call = event { calls += 1 }
                    if calls >= chunkSize { flush() }
                }
                // The input's last chunk (all of a one-call file) is done here:
                // nothing waits for this thread but it.
                for event in pending {
                    if let result = transform(event) { channel.put(.result(result), input: index) }
                }
                channel.put(.result(inputDone(inputs[index])), input: index)
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
                // The chunk being delivered is done here if no thread has it yet.
                if chunk.claim() { chunk.complete(transform) }
                chunk.wait().forEach(deliver)
            }
        }
    }

    /// What the ordered channel carries: a result, or a chunk being worked on.
    private enum Slot<Result: Sendable>: Sendable {
        case result(Result)
        case chunk(ScoringChunk<Result>)
    }
}
