/// Reads a number written in English words, word by word: "forty two" is
/// 42, "two hundred and five" 205, "three thousand" 3000.
struct SpelledNumber {
    private var total = 0
    private var current = 0
    private var words = 0

    private static let small: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    private static let scales: [String: Int] = ["hundred": 100, "thousand": 1000, "million": 1_000_000]

    /// Takes the next word (lower-case UTF-8); `false` when it is not part of
    /// a number, and the number read so far is left for ``finish()``.
    mutating func add(_ word: [UInt8]) -> Bool {
        let text = String(decoding: word, as: UTF8.self)
        if let value = Self.small[text] {
            current += value
            words += 1
            return true
        }
        if let scale = Self.scales[text], words > 0 {
            if scale == 100 {
                current = max(current, 1) * 100
            } else {
                total += max(current, 1) * scale
                current = 0
            }
            words += 1
            return true
        }
        if text == "and", words > 0 { return true }
        return false
    }

    /// The number read since the last call, if any, and a fresh start.
    mutating func finish() -> Int? {
        defer { self = SpelledNumber() }
        return words > 0 ? total + current : nil
    }
}
