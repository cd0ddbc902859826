/// What a speaking rate counts, and what a speaker takes time to say: each
/// ideograph (a Han character, ``UnicodeFacts/isIdeograph(_:)``) is one unit,
/// each word of letters or digits is one, an apostrophe inside a word
/// (`don't`, `customer’s`) keeping it one. Punctuation and white space count
/// nothing.
///
/// ```swift
/// SpeechUnits.count(in: "您好，请问有什么可以帮您？")  // 11
/// SpeechUnits.count(in: "I'm checking the bill now")  // 5
/// SpeechUnits.count(in: "您的VIP卡")                  // 4: three characters and a word
/// ```
package enum SpeechUnits {
    /// The units spoken in `text`.
    package static func count(in text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            // Fast paths, the same answers without a Unicode property look-up: ASCII, and the CJK
            // unified ideographs block, every code point of which is an ideograph.
            if value < 0x80 {
                if (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) {
                    if !inWord { count += 1 }
                    inWord = true
                } else if !(inWord && value == 0x27) {
                    inWord = false
                }
                continue
            }
            if (0x4E00...0x9FFF).contains(value) {
                count += 1
                inWord = false
                continue
            }
            if UnicodeFacts.isIdeograph(scalar) {
                count += 1
                inWord = false
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || (inWord && (scalar == "'" || scalar == "’"))
            {
                if !inWord { count += 1 }
                inWord = true
            } else {
                inWord = false
            }
        }
        return count
    }
}
