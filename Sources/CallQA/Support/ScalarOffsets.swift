/// Where a byte of a UTF-8 text falls in Unicode scalars, found without
/// counting from the text's start each time.
///
/// Evidence reports its place in a turn as scalar offsets, and a turn may
/// hold thousands of quotes: counting from the start for each would cost the
/// turn's length per quote, a time that grows with the square of the turn.
/// The index counts once, keeping the number of scalars before every
/// ``stride``-th byte, so a look-up counts at most ``stride`` bytes.
struct ScalarOffsets: Sendable {
    /// Bytes between two counts kept.
    static let stride = 256

    /// Texts up to this many bytes need no index: counting from their start
    /// costs no more than the index saves.
    static let unindexedBytes = 4096

    /// `counts[k]`: the scalars in the text's first `k × stride` bytes.
    private let counts: [Int]

    /// Counts the scalars of `utf8` once.
    init(_ utf8: UnsafeBufferPointer<UInt8>) {
        var counts = [0]
        counts.reserveCapacity(utf8.count / Self.stride + 1)
        var total = 0
        var blockStart = 0
        while blockStart + Self.stride <= utf8.count {
            total += UTF8Scalars.count(in: UnsafeBufferPointer(rebasing: utf8[blockStart..<(blockStart + Self.stride)]))
            counts.append(total)
            blockStart += Self.stride
        }
        self.counts = counts
    }

    /// The scalars in `utf8` before byte `offset`; `utf8` is the text the
    /// index was made of.
    func scalars(before offset: Int, in utf8: UnsafeBufferPointer<UInt8>) -> Int {
        let block = min(offset / Self.stride, counts.count - 1)
        let from = block * Self.stride
        return counts[block] + UTF8Scalars.count(in: UnsafeBufferPointer(rebasing: utf8[from..<offset]))
    }
}
