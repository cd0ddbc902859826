import CStemmer
import Foundation

/// The Snowball English stemmer (libstemmer), with a cache of the words it
/// has stemmed: "apologized", "apologizing" and "apologies" all become
/// "apolog".
///
/// A Snowball stemmer keeps state between calls, so an instance is used by
/// one thread at a time: scans lease one from ``pool`` and give it back when
/// done. The cache makes a word seen before cost a hash and a comparison
/// instead of a run of the stemmer.
final class WordStemmer: @unchecked Sendable {
    /// Stemmers not in use, shared by every scan.
    static let pool = Pool()

    private let stemmer: OpaquePointer?
    /// Open addressing: each slot holds where its entry starts in ``entries``
    /// plus one (0 for an empty slot).
    private let slots: UnsafeMutablePointer<Int32>
    /// Entries one after another: the word's length, the stem's length
    /// (``unchanged`` when the stem is the word), the word, the stem.
    private let entries: UnsafeMutablePointer<UInt8>
    private var used = 0
    private var count = 0
    private static let slotCount = 1 << 15
    private static let entryCapacity = 1 << 20
    /// Words longer than this are stemmed without the cache.
    private static let longestCached = 40
    private static let unchanged: UInt8 = 0xFF

    init() {
        stemmer = sb_stemmer_new("english", "UTF_8")
        slots = .allocate(capacity: Self.slotCount)
        slots.initialize(repeating: 0, count: Self.slotCount)
        entries = .allocate(capacity: Self.entryCapacity)
    }

    deinit {
        if let stemmer { sb_stemmer_delete(stemmer) }
        slots.deallocate()
        entries.deallocate()
    }

    /// Writes the stem of `word` (lower-case ASCII letters and apostrophes)
    /// to `output`, which has room for `word`, and returns its length: never
    /// longer than the word, which is kept as it is when the stemmer would
    /// make it empty or longer. `changed` tells whether the stem differs.
    func stem(_ word: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>, changed: inout Bool)
        -> Int
    {
        guard let base = word.baseAddress else { return 0 }
        guard word.count <= Self.longestCached else {
            let stem = computeStem(word)
            stem.withUnsafeBufferPointer { output.update(from: $0.baseAddress!, count: stem.count) }
            if !stem.elementsEqual(word) { changed = true }
            return stem.count
        }
        var hash: UInt32 = 2_166_136_261
        for byte in word { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let mask = Self.slotCount - 1
        var slot = Int(hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { break }
            let start = entry - 1
            if Int(entries[start]) == word.count && memcmp(entries + start + 2, base, word.count) == 0 {
                let stemLength = entries[start + 1]
                if stemLength == Self.unchanged {
                    output.update(from: base, count: word.count)
                    return word.count
                }
                output.update(from: entries + start + 2 + word.count, count: Int(stemLength))
                changed = true
                return Int(stemLength)
            }
            slot = (slot + 1) & mask
        }
        let stem = computeStem(word)
        let differs = !stem.elementsEqual(word)
        stem.withUnsafeBufferPointer { output.update(from: $0.baseAddress!, count: stem.count) }
        if differs { changed = true }
        let size = 2 + word.count + (differs ? stem.count : 0)
        if count >= Self.slotCount / 2 || used + size > Self.entryCapacity {
            // Full: start again rather than grow, so memory stays flat.
            slots.update(repeating: 0, count: Self.slotCount)
            used = 0
            count = 0
            slot = Int(hash) & mask
        }
        slots[slot] = Int32(used + 1)
        entries[used] = UInt8(word.count)
        entries[used + 1] = differs ? UInt8(stem.count) : Self.unchanged
        (entries + used + 2).update(from: base, count: word.count)
        if differs {
            stem.withUnsafeBufferPointer {
                (entries + used + 2 + word.count).update(from: $0.baseAddress!, count: stem.count)
            }
        }
        used += size
        count += 1
        return stem.count
    }

    private func computeStem(_ word: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard let stemmer, let base = word.baseAddress,
            let result = sb_stemmer_stem(stemmer, base, Int32(word.count))
        else { return Array(word) }
        let length = Int(sb_stemmer_length(stemmer))
        guard length > 0, length <= word.count else { return Array(word) }
        return Array(UnsafeBufferPointer(start: result, count: length))
    }

    /// Stemmers waiting to be leased.
    final class Pool: @unchecked Sendable {
        private let lock = NSLock()
        private var idle: [WordStemmer] = []

        /// A stemmer for one thread's use until the lease is released.
        func lease() -> Lease {
            lock.lock()
            let stemmer = idle.popLast()
            lock.unlock()
            return Lease(stemmer: stemmer ?? WordStemmer(), pool: self)
        }

        fileprivate func giveBack(_ stemmer: WordStemmer) {
            lock.lock()
            idle.append(stemmer)
            lock.unlock()
        }
    }

    /// A stemmer leased from the pool; it goes back when the lease is released.
    final class Lease {
        let stemmer: WordStemmer
        private let pool: Pool

        fileprivate init(stemmer: WordStemmer, pool: Pool) {
            self.stemmer = stemmer
            self.pool = pool
        }

        deinit { pool.giveBack(stemmer) }
    }
}
