/// What lists with `asr: true` forgive of speech recognition: Chinese
/// characters that sound the same (帐号 for 账号, 在 for 再), and English long
/// words off by one letter ("inconvenince" for "inconvenience").
///
/// - Han: every character stands for the first character of its reading
///   without tone (``HanReadings``, from ICU's Han-Latin transform), in a
///   view of the turn of the same length, so offsets need no map and evidence
///   quotes the characters actually said.
/// - English: a phrase's word of at least ``fuzzyLength`` letters matches a
///   word whose stem is within one edit (a letter added, dropped, changed, or
///   two swapped) of the word's stem. Words are found through their one-letter
///   deletions (hashed), so a turn's word costs a few hash look-ups whatever
///   the number of such words in the rubric.
enum SpeechTolerance {
    /// Words of at least this many letters may be misrecognised by one letter.
    static let fuzzyLength = 8

    /// For each CJK unified ideograph from U+4E00, the representative of its
    /// reading (0 for a character with no reading in the table).
    static let representatives: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 0x9FFF - 0x4E00 + 1)
        var representative: UInt32 = 0
        for scalar in HanReadings.groups.unicodeScalars {
            if scalar == ";" {
                representative = 0
            } else if (0x4E00...0x9FFF).contains(scalar.value) {
                if representative == 0 { representative = scalar.value }
                table[Int(scalar.value - 0x4E00)] = representative
            }
        }
        return table
    }()

    /// Whether UTF-8 holds a CJK unified ideograph (a lead byte E4–E9).
    static func hasHan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0xE4 && byte <= 0xE9 { return true }
        return false
    }

    /// `bytes` with every Han character replaced by its reading's
    /// representative, written to `output` (of the same length).
    static func homophones(_ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) {
        let table = representatives
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead >= 0xE4 && lead <= 0xE9 && index + 2 < bytes.count {
                let value = UTF8Scalars.decode(at: index, in: bytes).value
                let mapped = (0x4E00...0x9FFF).contains(value) ? table[Int(value - 0x4E00)] : 0
                if mapped != 0 {
                    output[index] = UInt8(0xE0 | (mapped >> 12))
                    output[index + 1] = UInt8(0x80 | ((mapped >> 6) & 0x3F))
                    output[index + 2] = UInt8(0x80 | (mapped & 0x3F))
                } else {
                    output[index] = bytes[index]
                    output[index + 1] = bytes[index + 1]
                    output[index + 2] = bytes[index + 2]
                }
                index += 3
            } else {
                output[index] = lead
                index += 1
            }
        }
    }

    /// A string's homophone form.
    static func homophones(_ bytes: [UInt8]) -> [UInt8] {
        var output = bytes
        bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { homophones(input, into: $0) }
        }
        return output
    }

    // MARK: - Long English words

    /// How an `asr` list's text divides: long words (of ``fuzzyLength``
    /// ASCII letters or more) on their own, the text between them as it is.
    static func segments(_ text: String) -> [(text: String, isLong: Bool)] {
        var segments: [(text: String, isLong: Bool)] = []
        var pending = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if isLong(word) {
                let before = pending.trimmingWhitespace()
                if !before.isEmpty { segments.append((String(before), false)) }
                pending = ""
                segments.append((String(word), true))
            } else {
                pending += (pending.isEmpty ? "" : " ") + word
            }
        }
        if !pending.isEmpty { segments.append((pending, false)) }
        return segments
    }

    /// Whether normalised text holds a long word.
    static func hasLongWord(_ text: String) -> Bool {
        text.split(separator: " ").contains(where: isLong)
    }

    private static func isLong(_ word: Substring) -> Bool {
        word.utf8.count >= fuzzyLength && word.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
    }

    /// The hash of `word` without the letter at `skipped` (none when out of range).
    static func hash(_ word: UnsafeBufferPointer<UInt8>, skipping skipped: Int) -> UInt64 {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for index in 0..<word.count where index != skipped {
            hash = (hash ^ UInt64(word[index])) &* 1_099_511_628_211
        }
        return hash ^ UInt64(word.count - (skipped < word.count ? 1 : 0))
    }

    /// Every hash a word within one edit of `word` shares with it: its own
    /// and those of its one-letter deletions.
    static func hashes(of word: [UInt8]) -> [UInt64] {
        word.withUnsafeBufferPointer { word in (0...word.count).map { hash(word, skipping: $0) } }
    }

    /// Whether two words are at most one edit apart: a letter added, dropped
    /// or changed, or two neighbours swapped.
    static func withinOneEdit(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Bool {
        let (short, long) = first.count <= second.count ? (first, second) : (second, first)
        guard long.count - short.count <= 1 else { return false }
        var prefix = 0
        while prefix < short.count && short[prefix] == long[prefix] { prefix += 1 }
        if prefix == short.count { return true }
        if short.count == long.count {
            // One change, or two neighbours swapped.
            if short[(prefix + 1)...].elementsEqual(long[(prefix + 1)...]) { return true }
            return prefix + 1 < short.count && short[prefix] == long[prefix + 1] && short[prefix + 1] == long[prefix]
                && short[(prefix + 2)...].elementsEqual(long[(prefix + 2)...])
        }
        return short[prefix...].elementsEqual(long[(prefix + 1)...])
    }
}
