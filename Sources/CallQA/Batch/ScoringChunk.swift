import Foundation

/// A run of consecutive events read from one input, scored by whichever
/// thread gets to it first, its results collected by the thread that delivers.
///
/// The reader puts the chunk in the ordered channel as soon as it is read, in
/// the place its results will take, so output order never depends on which
/// thread scores it.
final class ScoringChunk<Result: Sendable>: @unchecked Sendable {
    /// What was read, in order: calls and diagnostics.
    let events: [ReadEvent]
    private let condition = NSCondition()
    private var claimed = false
    private var results: [Result]?

    init(events: [ReadEvent]) {
        self.events = events
    }

    /// Takes the chunk for scoring; `false` when another thread has it.
    func claim() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if claimed { return false }
        claimed = true
        return true
    }

    /// Scores a claimed chunk: each event's result, in order, handed over.
    func complete(_ transform: (ReadEvent) -> Result?) {
        let results = events.compactMap(transform)
        condition.lock()
        self.results = results
        condition.broadcast()
        condition.unlock()
    }

    /// The results, once the thread that claimed the chunk has completed it.
    func wait() -> [Result] {
        condition.lock()
        defer { condition.unlock() }
        while results == nil { condition.wait() }
        return results!
    }
}

/// Chunks waiting for a thread to score them, at most `capacity` at once.
final class ChunkQueue<Result: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    private var chunks: [ScoringChunk<Result>] = []
    private var readers = 0
    private var inputsLeft = true

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Queues a chunk; `false` when the queue is full (the caller should score
    /// a chunk itself, then try again).
    func push(_ chunk: ScoringChunk<Result>) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard chunks.count < capacity else { return false }
        chunks.append(chunk)
        condition.signal()
        return true
    }

    /// A queued chunk, without waiting.
    func pop() -> ScoringChunk<Result>? {
        condition.lock()
        defer { condition.unlock() }
        return chunks.isEmpty ? nil : chunks.removeFirst()
    }

    /// A queued chunk, waiting while some input is still being read; `nil`
    /// when nothing more can come.
    func popOrWait() -> ScoringChunk<Result>? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty {
            if readers == 0 && !inputsLeft { return nil }
            condition.wait()
        }
        return chunks.removeFirst()
    }

    /// A thread starts reading an input.
    func startReading() {
        condition.lock()
        readers += 1
        condition.unlock()
    }

    /// A thread is done reading its input.
    func stopReading() {
        condition.lock()
        readers -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// No input is left to read.
    func noInputsLeft() {
        condition.lock()
        inputsLeft = false
        condition.broadcast()
        condition.unlock()
    }
}
