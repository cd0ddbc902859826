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
    /// The view's UTF-8.
    var bytes: [UInt8] = []
    /// For each byte of the view and one past its end, the normalised offset
    /// it stands for: a stem's first byte maps to its word's start, the byte
    /// after a stem to the word's end.
    var toNormal: [Int32] = []

    /// Builds the view of `text`; `false` when it would equal `text` (no
    /// word's stem differs from the word), and then the view is left empty.
    mutating func build(of text: UnsafeBufferPointer<UInt8>, stemmer: WordStemmer) -> Bool {
        bytes.removeAll(keepingCapacity: true)
        toNormal.removeAll(keepingCapacity: true)
        var changed = false
        let count = text.count
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
                    guard (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || (byte >= 0x41 && byte <= 0x5A) else {
                        break
                    }
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
                    bytes.append(text[index + offset])
                    toNormal.append(Int32(index + offset))
                }
                index += width
                continue
            }
            let word = UnsafeBufferPointer(rebasing: text[start..<index])
            let before = bytes.count
            if stemmable && letters {
                stemmer.stem(word, into: &bytes)
            } else {
                bytes.append(contentsOf: word)
            }
            let length = bytes.count - before
            if length != word.count || !bytes[before...].elementsEqual(word) { changed = true }
            for offset in 0..<length { toNormal.append(Int32(start + min(offset, word.count - 1))) }
        }
        toNormal.append(Int32(count))
        if !changed {
            bytes.removeAll(keepingCapacity: true)
            toNormal.removeAll(keepingCapacity: true)
        }
        return changed
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
        return changed ? view.bytes : text
    }
}
