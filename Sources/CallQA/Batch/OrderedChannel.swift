import Foundation

/// Hands work items out in order to several workers, and their results back
/// to one consumer in input order, whatever order the workers finish in.
///
/// Each input's results queue up until it is the input being delivered; a
/// worker waits once its input's queue holds `capacity` results — also on
/// the input being delivered, when the consumer falls behind — so memory
/// stays bounded however large the batch and however loaded the machine. The
/// input being delivered is always drained, and inputs are handed out in
/// order, so a worker that waits is always woken: no deadlock.
final class OrderedChannel<Item: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let capacity: Int
    private var nextToTake = 0
    private var head = 0
    private var queues: [Int: Queue] = [:]
    private var finished: Set<Int> = []
    /// The most results one queue has held: never more than `capacity`.
    private(set) var largestQueue = 0

    /// A channel for `count` inputs, holding at most `capacity` results per
    /// input that is not yet being delivered.
    init(count: Int, capacity: Int = 256) {
        self.count = count
        self.capacity = max(1, capacity)
    }

    /// The next input for a worker, or `nil` when every input is taken.
    func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        guard nextToTake < count else { return nil }
        defer { nextToTake += 1 }
        return nextToTake
    }

    /// Adds a result of `input`, waiting while that input's queue is full.
    func put(_ item: Item, input: Int) {
        condition.lock()
        while (queues[input]?.count ?? 0) >= capacity { condition.wait() }
        queues[input, default: Queue()].append(item)
        largestQueue = max(largestQueue, queues[input]!.count)
        condition.broadcast()
        condition.unlock()
    }

    /// Marks `input` complete.
    func finish(input: Int) {
        condition.lock()
        finished.insert(input)
        condition.broadcast()
        condition.unlock()
    }

    /// The next result in input order, or `nil` when every input is delivered.
    func next() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while head < count {
            if let waiting = queues[head]?.count, waiting > 0 {
                // A worker may be waiting for room in this queue.
                if waiting >= capacity { condition.broadcast() }
                return queues[head]!.removeFirst()
            }
            if finished.contains(head) {
                queues[head] = nil
                finished.remove(head)
                head += 1
                condition.broadcast() // a waiting worker's input may now be the head
                continue
            }
            condition.wait()
        }
        return nil
    }

    /// A first-in, first-out queue that removes from the front in constant time.
    private struct Queue {
        private var items: [Item?] = []
        private var start = 0

        var count: Int { items.count - start }

        mutating func append(_ item: Item) { items.append(item) }

        mutating func removeFirst() -> Item {
            let item = items[start].take()!
            start += 1
            if start == items.count {
                items.removeAll(keepingCapacity: true)
                start = 0
            } else if start >= 1024 && start * 2 >= items.count {
                items.removeFirst(start)
                start = 0
            }
            return item
        }
    }
}
