/// The content of a turn, as units a restatement would repeat: numbers and
/// amounts (`1280`, `86.40`), Chinese character pairs (`保费`, `两次`) and
/// English content words (`charges`, `april`), from normalised text.
///
/// Pairs with a particle or pronoun (的, 了, 我, 您, …) and English function
/// words are left out: repeating them says nothing.
enum ContentUnits {
    static func of(_ text: NormalizedText) -> Set<String> {
        var units: Set<String> = []
        let scalars = Array(text.string.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if isDigit(scalar) {
                var number = ""
                while index < scalars.count, isDigit(scalars[index]) || (isSeparator(scalars[index]) && index + 1 < scalars.count
                    && isDigit(scalars[index + 1]) && !number.isEmpty) {
                    if scalars[index] != "," { number.unicodeScalars.append(scalars[index]) }
                    index += 1
                }
                units.insert(number)
            } else if ScalarClass.isUnspacedScript(scalar) {
                if index + 1 < scalars.count, ScalarClass.isUnspacedScript(scalars[index + 1]),
                   !functionCharacters.contains(scalar), !functionCharacters.contains(scalars[index + 1]) {
                    units.insert(String(String.UnicodeScalarView([scalar, scalars[index + 1]])))
                }
                index += 1
            } else if ScalarClass.isWordCharacter(scalar) {
                var word = ""
                while index < scalars.count, ScalarClass.isWordCharacter(scalars[index]), !isDigit(scalars[index]) {
                    word.unicodeScalars.append(scalars[index])
                    index += 1
                }
                if word.count >= 3 && !stopWords.contains(word) { units.insert(word) }
            } else {
                index += 1
            }
        }
        return units
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { (0x30...0x39).contains(scalar.value) }
    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool { scalar == "." || scalar == "," }

    private static let functionCharacters: Set<Unicode.Scalar> = Set("的了吗呢吧啊呀嗯哦我你您他她它是这那个一就也都在有和么".unicodeScalars)

    private static let stopWords: Set<String> = [
        "the", "and", "for", "you", "your", "yours", "are", "was", "were", "this", "that", "these", "those", "with",
        "have", "has", "had", "not", "but", "can", "could", "would", "should", "will", "what", "which", "who", "how",
        "why", "when", "where", "there", "here", "from", "about", "into", "just", "also", "very", "really", "all",
        "any", "some", "our", "out", "they", "them", "their", "then", "than", "been", "being", "did", "does", "doing",
        "i'm", "it's", "that's", "you're", "i've", "i'll", "we're", "don't", "can't", "let", "me", "yes", "okay",
        "please", "thank", "thanks", "sure", "right", "well", "get", "got", "see", "say", "said", "one", "too",
        "its", "his", "her", "him", "she", "may", "might", "must", "need", "want", "like", "make", "know",
    ]
}
