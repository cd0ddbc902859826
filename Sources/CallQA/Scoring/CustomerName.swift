/// The customer's name as a call reveals it, and the forms an agent would
/// use to address them.
struct CustomerName {
    /// The surname (刘, Chen), when it could be told.
    var surname: String?
    /// The whole name as given (刘洋, Daniel Chen).
    var fullName: String?
    /// The turn where it became known; `nil` when the transcript's header
    /// declared it (known from the start).
    var turn: Int?
    /// The customer's words that revealed it (`我姓刘`, "my name is Daniel Chen"),
    /// as a UTF-8 range of the turn's original text, and the introduction phrase.
    var revealed: (range: Range<Int>, phrase: String)?

    /// How the agent would address the customer: 刘先生, 刘女士, Mr. Chen, Ms Chen, Daniel Chen…
    func addressForms(_ check: NameCheck) -> [String] {
        var forms: [String] = []
        if let surname {
            if surname.unicodeScalars.allSatisfy(ScalarClass.isUnspacedScript) {
                forms += check.titlesAfter.map { surname + $0 }
            } else {
                forms += check.titlesBefore.map { $0 + " " + surname }
            }
        }
        if let fullName, fullName.unicodeScalars.count > 1 { forms.append(fullName) }
        return forms
    }

    /// Compound surnames that take two characters.
    static let compoundSurnames: Set<String> = [
        "欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛", "东方", "東方", "皇甫", "尉迟", "尉遲", "公孙", "公孫", "慕容", "令狐", "夏侯", "司徒",
        "长孙", "長孫",
    ]

    /// The name from the transcript's header (`刘先生`, `Mr. Chen`, `Daniel Chen`).
    static func fromHeader(_ declared: String, check: NameCheck) -> CustomerName? {
        var name = declared.trimmingWhitespace().description
        guard !name.isEmpty else { return nil }
        if name.unicodeScalars.contains(where: ScalarClass.isUnspacedScript) {
            for title in check.titlesAfter where name.hasSuffix(title) && name.count > title.count {
                name.removeLast(title.count)
                break
            }
            let surname =
                compoundSurnames.contains(String(name.prefix(2))) ? String(name.prefix(2)) : String(name.prefix(1))
            return CustomerName(surname: surname, fullName: name, turn: nil)
        }
        var words = name.split(separator: " ").map(String.init)
        if let first = words.first, check.titlesBefore.contains(where: { $0.lowercased() == first.lowercased() }) {
            words.removeFirst()
        }
        guard let last = words.last else { return nil }
        return CustomerName(surname: last, fullName: words.count > 1 ? words.joined(separator: " ") : nil, turn: nil)
    }

    /// The name a customer gives in a turn (`我姓刘`, `我叫王小明`, "my name is Daniel Chen").
    /// `matches` are the introduction phrases found in the turn, in order.
    static func said(in turn: Int, matches: [PhraseMatch], analysis: CallAnalysis) -> CustomerName? {
        let text = analysis.call.turns[turn].text
        let normalized = analysis.normalized[turn]
        for match in matches {
            // What follows the introduction, in the original text (names keep their capitals).
            let after = normalized.originalRange(of: match.range).upperBound
            let rest = Substring(text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: after)...])
                .trimmingWhitespace()
            if match.phrase.unicodeScalars.contains(where: ScalarClass.isUnspacedScript) {
                let han = String(
                    String.UnicodeScalarView(rest.unicodeScalars.prefix { ScalarClass.isUnspacedScript($0) }))
                guard !han.isEmpty else { continue }
                let givesSurnameOnly = match.phrase.hasSuffix("姓")
                let surname =
                    compoundSurnames.contains(String(han.prefix(2))) ? String(han.prefix(2)) : String(han.prefix(1))
                let fullName = givesSurnameOnly ? nil : String(han.prefix(3))
                let spoken = givesSurnameOnly ? surname : fullName!
                return CustomerName(
                    surname: surname, fullName: fullName, turn: turn,
                    revealed: quote(
                        from: normalized.originalRange(of: match.range).lowerBound,
                        through: spoken, after: after, in: text, phrase: match.phrase))
            }
            // English: one or two capitalised words.
            let words = leadingWords(rest, count: 2).prefix { $0.first?.isUppercase == true }
            guard let first = words.first else { continue }
            return CustomerName(
                surname: words.last!, fullName: words.count > 1 ? words.joined(separator: " ") : first,
                turn: turn,
                revealed: quote(
                    from: normalized.originalRange(of: match.range).lowerBound,
                    through: words.last!, after: after, in: text, phrase: match.phrase))
        }
        return nil
    }

    /// The range from `start` to the end of the first `name` at or after `after`.
    private static func quote(from start: Int, through name: String, after: Int, in text: String, phrase: String)
        -> (range: Range<Int>, phrase: String)
    {
        let bytes = Array(text.utf8)
        let target = Array(name.utf8)
        var index = after
        while index + target.count <= bytes.count {
            if bytes[index..<(index + target.count)].elementsEqual(target) {
                return (start..<(index + target.count), phrase)
            }
            index += 1
        }
        return (start..<after, phrase)
    }

    /// The first `count` words of `text` (letters, apostrophes and hyphens),
    /// reading no further than they reach.
    private static func leadingWords(_ text: Substring, count: Int) -> [String] {
        var words: [String] = []
        var word = ""
        for character in text {
            if character.isLetter || character == "'" || character == "-" {
                word.append(character)
                continue
            }
            if !word.isEmpty {
                words.append(word)
                word = ""
                if words.count == count { return words }
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }
}
