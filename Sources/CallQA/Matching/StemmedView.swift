/// A second view of normalised text for matching word forms: every English
/// word (a run of ASCII letters and apostrophes between word boundaries)
/// replaced by its Snowball stem, everything else as it is, with the way back
/// to the normalised bytes.
///
/// "we apologized for the delay" becomes "we apolog for the delay"; a phrase
/// "apologize for" is stemmed the same way ("apolog for") and found in it.
/// Words with digits or other letters (`a123`, `café`), Han and punctuation
/// are copied unchanged, so word boundaries stand where they stood.
struct StemmedView {
    /// The view's UTF-8 is the first ``length`` bytes of this buffer.
    private var buffer: [UInt8] = []
    /// For each byte of the view and one past its end, the normalised offset
    /// it stands for: a stem's first byte maps to its word's start, the byte
    /// after a stem to the word's end.
    private(set) var toNormal: [Int32] = []
    /// The view's length in bytes.
    private(set) var length = 0

    /// Builds the view of `text`; `false` when it equals `text` (no word's
    /// stem differs from the word). A stem is never longer than its word, so
    /// the view is never longer than the text.
    mutating func build(of text: UnsafeBufferPointer<UInt8>, stemmer: WordStemmer) -> Bool {
        let count = text.count
        if buffer.count < count { buffer = [UInt8](repeating: 0, count: max(count, 2 * buffer.count)) }
        if toNormal.count < count + 1 { toNormal = [Int32](repeating: 0, count: max(count + 1, 2 * toNormal.count)) }
        var changed = false
        var written = 0
        buffer.withUnsafeMutableBufferPointer { output in
            toNormal.withUnsafeMutableBufferPointer { map in
                var index = 0
                while index < count {
                    let start = index
                    var stemmable = true
                    var letters = false
                    while index < count {
                        let byte = text[index]
                        if byte >= 0x61 && byte <= 0x7A {
                            letters = true
                            index += 1
                        } else if byte == 0x27 {
                            index += 1
                        } else if byte < 0x80 {
                            guard (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || (byte >= 0x41 && byte <= 0x5A)
                            else { break }
                            stemmable = false
                            index += 1
                        } else {
                            let (value, width) = UTF8Scalars.decode(at: index, in: text)
                            guard let scalar = Unicode.Scalar(value), ScalarClass.isWordCharacter(scalar) else { break }
                            stemmable = false
                            index += width
                        }
                    }
                    if index == start {
                        // Not a word character: copied as it is.
                        let width = UTF8Scalars.width(lead: text[index])
                        for offset in 0..<width {
                            output[written] = text[index + offset]
                            map[written] = Int32(index + offset)
                            written += 1
                        }
                        index += width
                        continue
                    }
                    if stemmable && letters {
                        let word = UnsafeBufferPointer(rebasing: text[start..<index])
                        let stemLength = stemmer.stem(word, into: output.baseAddress! + written, changed: &changed)
                        let last = Int32(index - 1)
                        for offset in 0..<stemLength { map[written + offset] = min(Int32(start + offset), last) }
                        written += stemLength
                    } else {
                        for offset in start..<index {
                            output[written] = text[offset]
                            map[written] = Int32(offset)
                            written += 1
                        }
                    }
                }
                map[written] = Int32(count)
            }
        }
        length = written
        return changed
    }

    /// Calls `body` with the view's bytes and its map back to normalised offsets.
    func withBuffers<Result>(
        _ body: (_ bytes: UnsafeBufferPointer<UInt8>, _ toNormal: UnsafeBufferPointer<Int32>) -> Result
    ) -> Result {
        buffer.withUnsafeBufferPointer { bytes in
            toNormal.withUnsafeBufferPointer { map in
                body(UnsafeBufferPointer(rebasing: bytes[0..<length]), map)
            }
        }
    }

    /// Whether `text` holds an ASCII letter: without one, the view equals the text.
    static func hasLetters(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in text where byte >= 0x61 && byte <= 0x7A { return true }
        return false
    }

    /// `text` with every English word stemmed, as one string: how a phrase's
    /// literal piece is looked for in the view.
    static func stemmed(_ text: [UInt8], stemmer: WordStemmer) -> [UInt8] {
        var view = StemmedView()
        let changed = text.withUnsafeBufferPointer { view.build(of: $0, stemmer: stemmer) }
        return changed ? view.withBuffers { bytes, _ in Array(bytes) } : text
    }
}
