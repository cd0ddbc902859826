/// An Aho–Corasick automaton over UTF-8 bytes, compiled to a dense table.
///
/// Bytes are first mapped to classes (every byte that occurs in no pattern
/// shares one class), and every state has a transition for every class, so a
/// scan costs one table look-up per byte however many patterns there are.
/// Built once per rubric; immutable, and so safe to share across threads.
struct PhraseAutomaton: Sendable {
    private let byteClass: [UInt8]
    private let classCount: Int
    private let transitions: [Int32]
    private let outputStart: [Int32]
    private let outputs: [Int32]
    /// Each pattern's length in bytes.
    let patternLengths: [Int]

    /// Builds the automaton for `patterns`; pattern `i` is reported as `i`.
    /// Empty patterns are never reported.
    init(patterns: [[UInt8]]) {
        patternLengths = patterns.map(\.count)

        // Byte classes: 0 for bytes no pattern uses.
        var byteClass = [UInt8](repeating: 0, count: 256)
        var used = [Bool](repeating: false, count: 256)
        for pattern in patterns { for byte in pattern { used[Int(byte)] = true } }
        var classes = 1
        for byte in 0..<256 where used[byte] {
            byteClass[byte] = UInt8(truncatingIfNeeded: classes)
            classes += 1
        }
        // Well-formed UTF-8 uses at most 243 byte values, so classes fit a byte.
        classCount = classes
        self.byteClass = byteClass

        // The trie, as a table with one row of child states per state (0 = none:
        // the root is never a child).
        let capacity = patterns.reduce(1) { $0 + $1.count }
        var table = [Int32](repeating: 0, count: capacity * classes)
        var terminal: [[Int32]] = [[]]
        var stateCount = 1
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state = 0
            for byte in pattern {
                let slot = state * classes + Int(byteClass[Int(byte)])
                if table[slot] == 0 {
                    table[slot] = Int32(stateCount)
                    terminal.append([])
                    stateCount += 1
                }
                state = Int(table[slot])
            }
            terminal[state].append(Int32(index))
        }
        table.removeSubrange((stateCount * classes)...)

        // Failure links folded into the table, breadth first: a missing child
        // becomes the failure state's transition.
        var failure = [Int32](repeating: 0, count: stateCount)
        var order: [Int] = []
        order.reserveCapacity(stateCount)
        var reported = [[Int32]](repeating: [], count: stateCount)
        table.withUnsafeMutableBufferPointer { table in
            for symbol in 0..<classes where table[symbol] != 0 { order.append(Int(table[symbol])) }
            var head = 0
            while head < order.count {
                let state = order[head]
                head += 1
                let row = state * classes
                let fallback = Int(failure[state]) * classes
                for symbol in 0..<classes {
                    let child = table[row + symbol]
                    if child != 0 {
                        failure[Int(child)] = table[fallback + symbol]
                        order.append(Int(child))
                    } else {
                        table[row + symbol] = table[fallback + symbol]
                    }
                }
            }
            // Each state reports its own patterns and those of its failure chain.
            for state in order { reported[state] = terminal[state] + reported[Int(failure[state])] }
            // Each entry holds the next state's row offset (state × classes),
            // shifted left one bit, with the low bit set when that state reports
            // patterns: the scan loop needs no other look-up per byte.
            for slot in table.indices {
                let next = Int(table[slot])
                table[slot] = Int32(next * classes) << 1 | (reported[next].isEmpty ? 0 : 1)
            }
        }
        transitions = table

        var starts: [Int32] = [0]
        var flat: [Int32] = []
        for state in 0..<stateCount {
            flat.append(contentsOf: reported[state])
            starts.append(Int32(flat.count))
        }
        outputStart = starts
        outputs = flat
    }

    /// Calls `found(pattern, end)` for every occurrence of every pattern in
    /// `bytes`, where `end` is the index just past the occurrence; overlapping
    /// occurrences are all reported, in order of their end.
    func scan(_ bytes: [UInt8], _ found: (_ pattern: Int, _ end: Int) -> Void) {
        bytes.withUnsafeBufferPointer { scan($0, found) }
    }

    /// ``scan(_:_:)`` over a buffer.
    @inline(__always)
    func scan(_ text: UnsafeBufferPointer<UInt8>, _ found: (_ pattern: Int, _ end: Int) -> Void) {
        guard let base = text.baseAddress else { return }
        let count = text.count
        transitions.withUnsafeBufferPointer { table in
            byteClass.withUnsafeBufferPointer { classes in
                guard let table = table.baseAddress, let classes = classes.baseAddress else { return }
                var row = 0
                var index = 0
                while index < count {
                    // The inner loop only steps: nothing is reported from most states.
                    var entry = 0
                    repeat {
                        entry = Int(table[row &+ Int(classes[Int(base[index])])])
                        row = entry &>> 1
                        index &+= 1
                    } while entry & 1 == 0 && index < count
                    if entry & 1 != 0 {
                        let state = row / classCount
                        for output in Int(outputStart[state])..<Int(outputStart[state + 1]) {
                            found(Int(outputs[output]), index)
                        }
                    }
                }
            }
        }
    }

    /// ``scan(_:_:)`` over two texts at once — a turn and its homophone
    /// view, or its stemmed view and itself: `found(text, pattern, end)` with
    /// `text` 0 for `first` and 1 for `second`, each text's occurrences in
    /// order of their end. A scan waits on one table load per byte, each
    /// depending on the one before; two texts are two independent chains,
    /// which the processor runs side by side, in about the time of one. The
    /// longer text's rest is scanned alone.
    @inline(__always)
    func scan(
        _ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>,
        _ found: (_ text: Int, _ pattern: Int, _ end: Int) -> Void
    ) {
        guard let one = first.baseAddress, let two = second.baseAddress else {
            scan(first) { found(0, $0, $1) }
            scan(second) { found(1, $0, $1) }
            return
        }
        let common = min(first.count, second.count)
        transitions.withUnsafeBufferPointer { table in
            byteClass.withUnsafeBufferPointer { classes in
                guard let table = table.baseAddress, let classes = classes.baseAddress else { return }
                /// Reports the patterns of the state at `row`, which text `text` reached at `end`.
                func report(_ text: Int, _ row: Int, _ end: Int) {
                    let state = row / classCount
                    for output in Int(outputStart[state])..<Int(outputStart[state + 1]) {
                        found(text, Int(outputs[output]), end)
                    }
                }
                var row = 0
                var otherRow = 0
                var index = 0
                while index < common {
                    var entry = 0
                    var other = 0
                    repeat {
                        entry = Int(table[row &+ Int(classes[Int(one[index])])])
                        other = Int(table[otherRow &+ Int(classes[Int(two[index])])])
                        row = entry &>> 1
                        otherRow = other &>> 1
                        index &+= 1
                    } while (entry | other) & 1 == 0 && index < common
                    if entry & 1 != 0 { report(0, row, index) }
                    if other & 1 != 0 { report(1, otherRow, index) }
                }
                // The rest of the longer text.
                let (text, rest, count) = first.count > common ? (0, one, first.count) : (1, two, second.count)
                var restRow = text == 0 ? row : otherRow
                while index < count {
                    let entry = Int(table[restRow &+ Int(classes[Int(rest[index])])])
                    restRow = entry &>> 1
                    index &+= 1
                    if entry & 1 != 0 { report(text, restRow, index) }
                }
            }
        }
    }
}
