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
    private var slots: [Int32]
    /// Entries one after another: the word's length, the stem's length, the
    /// word, the stem.
    private var entries: [UInt8] = []
    private var count = 0
    private static let slotCount = 1 << 15
    /// Words longer than this are stemmed without the cache.
    private static let longestCached = 40

    init() {
        stemmer = sb_stemmer_new("english", "UTF_8")
        slots = [Int32](repeating: 0, count: Self.slotCount)
        entries.reserveCapacity(1 << 16)
    }

    deinit {
        if let stemmer { sb_stemmer_delete(stemmer) }
    }

    /// Appends the stem of `word` (lower-case ASCII letters and apostrophes)
    /// to `output`; a word the stemmer would make empty is kept as it is.
    func stem(_ word: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        guard word.count <= Self.longestCached else {
            output.append(contentsOf: computeStem(word))
            return
        }
        var hash: UInt32 = 2_166_136_261
        for byte in word { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let mask = Self.slotCount - 1
        var slot = Int(hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { break }
            let start = entry - 1
            let wordLength = Int(entries[start])
            if wordLength == word.count {
                let matches = entries.withUnsafeBufferPointer { stored in
                    memcmp(stored.baseAddress! + start + 2, word.baseAddress!, wordLength) == 0
                }
                if matches {
                    let stemStart = start + 2 + wordLength
                    output.append(contentsOf: entries[stemStart..<(stemStart + Int(entries[start + 1]))])
                    return
                }
            }
            slot = (slot + 1) & mask
        }
        let stem = computeStem(word)
        output.append(contentsOf: stem)
        if count >= Self.slotCount / 2 {
            // Full: start again rather than grow, so memory stays flat.
            slots = [Int32](repeating: 0, count: Self.slotCount)
            entries.removeAll(keepingCapacity: true)
            count = 0
            slot = Int(hash) & mask
        }
        slots[slot] = Int32(entries.count + 1)
        entries.append(UInt8(word.count))
        entries.append(UInt8(stem.count))
        entries.append(contentsOf: word)
        entries.append(contentsOf: stem)
        count += 1
    }

    private func computeStem(_ word: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard let stemmer, let base = word.baseAddress,
            let result = sb_stemmer_stem(stemmer, base, Int32(word.count))
        else { return Array(word) }
        let length = Int(sb_stemmer_length(stemmer))
        guard length > 0 else { return Array(word) }
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
