import Foundation

/// Hands work items out in order to several workers, and their results back
/// to one consumer in input order, whatever order the workers finish in.
///
/// Each input's results queue up until it is the input being delivered; a
/// worker whose input is not yet being delivered waits once its queue holds
/// `capacity` results, so memory stays bounded however large the batch. The
/// input being delivered is always drained, and inputs are handed out in
/// order, so a worker on it never waits: no deadlock.
final class OrderedChannel<Item: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let capacity: Int
    private var nextToTake = 0
    private var head = 0
    private var queues: [Int: Queue] = [:]
    private var finished: Set<Int> = []

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

    /// Adds a result of `input`, waiting while that input's queue is full and
    /// it is not the one being delivered.
    func put(_ item: Item, input: Int) {
        condition.lock()
        while input != head && (queues[input]?.count ?? 0) >= capacity { condition.wait() }
        queues[input, default: Queue()].append(item)
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
            if queues[head]?.count ?? 0 > 0 {
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
