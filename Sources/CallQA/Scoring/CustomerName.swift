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
    /// The token an anonymised transcript put in place of the name (`#NAME#`,
    /// `[姓名x]`), when that is all the transcript shows.
    var token: String?

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
        if let fullName, fullName.unicodeScalars.count > 1,
            fullName.unicodeScalars.allSatisfy(ScalarClass.isUnspacedScript) || fullName.contains(" ")
        {
            forms.append(fullName)
        }
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
            if let token = NameToken.all(in: String(rest)).first, token.range.lowerBound <= 2 {
                let start = normalized.originalRange(of: match.range).lowerBound
                let skipped = text.utf8.count - after - rest.utf8.count
                return CustomerName(
                    surname: nil, fullName: nil, turn: turn,
                    revealed: (start..<(after + skipped + token.range.upperBound), match.phrase), token: token.token)
            }
            if match.phrase.unicodeScalars.contains(where: ScalarClass.isUnspacedScript) {
                if match.phrase == "姓", rest.hasPrefix("名") { continue }
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
            // English: one or two words, in any case (speech recognition writes names in lower
            // case), up to a word that is not a name.
            var words = leadingWords(rest, count: 2).prefix { !notNames.contains($0.lowercased()) }
            // After "this is" or "it's" only a capitalised word is a name ("this is ridiculous" is none).
            if !match.phrase.hasPrefix("my") && !match.phrase.hasPrefix("i am") {
                words = words.prefix { word in
                    word.first?.isUppercase == true && word.dropFirst().contains { $0.isLowercase }
                }
            }
            guard let first = words.first, first.count > 1 else { continue }
            return CustomerName(
                surname: words.last!, fullName: words.count > 1 ? words.joined(separator: " ") : first,
                turn: turn,
                revealed: quote(
                    from: normalized.originalRange(of: match.range).lowerBound,
                    through: words.last!, after: after, in: text, phrase: match.phrase))
        }
        return nil
    }

    /// Words that follow "my name is" or "this is" but are no name.
    static let notNames: Set<String> = [
        "a", "an", "the", "and", "but", "or", "so", "my", "your", "our", "i", "i'm", "it", "is", "was", "not", "about",
        "regarding", "for", "from", "with", "to", "in", "on", "at", "of", "calling", "writing", "because", "very",
        "really", "just", "still", "also", "what", "how", "why", "who", "when", "where", "that", "this", "there",
        "here", "correct", "right", "wrong", "same", "on", "as", "mr", "mrs", "ms", "miss", "dr",
    ]

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

extension CustomerName {
    /// The customer's name as the call reveals it first: the transcript's
    /// header, an introduction (`我姓刘`, "my name is anna lee"), an answer to
    /// the agent's request for the name, or a signature line.
    static func discover(in analysis: CallAnalysis, check: NameCheck) -> CustomerName? {
        if let declared = analysis.call.customer, let name = fromHeader(declared, check: check) { return name }
        let customerTurns = analysis.turns(by: .customer)
        let introductions = PhraseGroup(name: "introductions", lists: [NameCheck.introductionList])
        let byTurn = Dictionary(
            grouping: analysis.matches(of: introductions, inTurns: customerTurns), by: \.turn)
        let requests = Set(
            analysis.matches(
                of: PhraseGroup(name: "requests", lists: [NameCheck.requestList]), inTurns: analysis.turns(by: .agent)
            ).map(\.turn))
        var agentAsked = false
        for (index, turn) in analysis.call.turns.enumerated() {
            if turn.role == .agent {
                agentAsked = requests.contains(index)
                continue
            }
            guard turn.role == .customer else { continue }
            if let found = byTurn[index],
                let name = said(in: index, matches: found.map(\.match), analysis: analysis)
            {
                return name
            }
            if agentAsked, let name = answer(in: index, analysis: analysis) { return name }
            agentAsked = false
            if let name = signature(in: index, analysis: analysis) { return name }
        }
        return nil
    }

    /// A name given in answer to the agent's request: a name token, or a
    /// short turn that is only a name (one to three words, two to four Han
    /// characters).
    static func answer(in turn: Int, analysis: CallAnalysis) -> CustomerName? {
        let text = analysis.call.turns[turn].text
        if let token = NameToken.all(in: text).first {
            return CustomerName(
                surname: nil, fullName: nil, turn: turn, revealed: (token.range, "a name given on request"),
                token: token.token)
        }
        let trimmed = text.trimmingWhitespace()
        let scalars = trimmed.unicodeScalars
        if (2...3).contains(scalars.count), scalars.allSatisfy(ScalarClass.isUnspacedScript),
            let first = scalars.first, commonSurnames.contains(first), Set(scalars).count == scalars.count,
            !scalars.contains(where: { notInNames.contains($0) })
        {
            let han = String(trimmed)
            let surname =
                compoundSurnames.contains(String(han.prefix(2))) ? String(han.prefix(2)) : String(han.prefix(1))
            let start = text.utf8.count - text.utf8.drop { $0 == 0x20 || $0 == 0x0A }.count
            return CustomerName(
                surname: surname, fullName: han, turn: turn,
                revealed: (start..<(start + han.utf8.count), "a name given on request"))
        }
        let words = trimmed.split(separator: " ")
        if (2...3).contains(words.count),
            words.allSatisfy({ word in word.allSatisfy(\.isLetter) && !notNames.contains(word.lowercased()) })
        {
            let start = text.utf8.count - text.utf8.drop { $0 == 0x20 || $0 == 0x0A }.count
            return CustomerName(
                surname: String(words.last!), fullName: words.joined(separator: " "), turn: turn,
                revealed: (start..<(start + trimmed.utf8.count), "a name given on request"))
        }
        return nil
    }

    /// The most common Chinese surnames: a short answer to a request for the
    /// name is a name only when it starts with one.
    static let commonSurnames: Set<Unicode.Scalar> = Set(
        ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
            + "谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛"
            + "邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆"
            + "蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗"
            + "瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝").unicodeScalars)

    /// Characters that make a short answer a reply rather than a name.
    static let notInNames: Set<Unicode.Scalar> = Set("了呢吗啊哦嗯的好是不没有我你您他她它这那个就也都在看想要行对谢".unicodeScalars)

    /// Sign-offs written before a name at the end of a message.
    static let signOffs = [
        "best regards", "kind regards", "regards", "thank you", "thanks", "best", "sincerely", "cheers", "greetings",
    ]

    /// A name signed at the end of a customer's message: one of the last lines
    /// (of several) that is only a name token, or a sign-off ("Best regards,")
    /// and a name — a token or one to three capitalised words — on the same
    /// line or the next.
    static func signature(in turn: Int, analysis: CallAnalysis) -> CustomerName? {
        let text = analysis.call.turns[turn].text
        // Most turns are one line: looked for in the text's contiguous UTF-8.
        guard text.utf8.withContiguousStorageIfAvailable({ $0.contains(0x0A) }) ?? text.utf8.contains(0x0A) else {
            return nil
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.count > 1 else { return nil }
        for (position, line) in lines.enumerated().reversed().prefix(3) {
            let offset = text.utf8.distance(from: text.utf8.startIndex, to: line.startIndex)
            var rest = line.trimmingWhitespace().lowercased()
            var signed = false
            for signOff in signOffs where rest.hasPrefix(signOff) {
                rest = String(rest.dropFirst(signOff.count))
                signed = true
                break
            }
            rest = rest.trimmingCharacters(in: [",", ".", "!", " "])
            if !signed, position > 0 {
                let previous = lines[position - 1].trimmingWhitespace().lowercased()
                    .trimmingCharacters(in: [",", ".", "!", " "])
                signed = signOffs.contains(previous)
            }
            let tokens = NameToken.all(in: String(line))
            if let token = tokens.first, rest == token.token.lowercased() {
                return CustomerName(
                    surname: nil, fullName: nil, turn: turn,
                    revealed: ((offset + token.range.lowerBound)..<(offset + token.range.upperBound), "a signature"),
                    token: token.token)
            }
            guard signed, !rest.isEmpty else { continue }
            let written = line.trimmingWhitespace().suffix(rest.count)
            let words = written.split(separator: " ")
            if (1...3).contains(words.count),
                words.allSatisfy({ $0.first?.isUppercase == true && $0.dropFirst().allSatisfy(\.isLetter) })
            {
                let lineText = String(line)
                let at = lineText.range(of: String(written)).map { lineText[..<$0.lowerBound].utf8.count } ?? 0
                let range = offset + at
                return CustomerName(
                    surname: words.count > 1 ? String(words.last!) : nil,
                    fullName: words.joined(separator: " "), turn: turn,
                    revealed: (range..<(range + written.utf8.count), "a signature"))
            }
        }
        return nil
    }

    /// Words that, just before a name token, make it the speaker's own name
    /// or someone else's rather than a form of address.
    static let notAddress = [
        "my name is", "this is", "i am", "i'm", "speaking with", "speaking to", "by", "author", "from", "colleague",
        "我是", "我叫", "工号", "客服",
    ]

    /// Words that, just before a name token, make it a form of address.
    static let addressLeads = [
        "hello", "hi", "hey", "dear", "thanks", "thank you", "welcome", "good morning", "good afternoon",
        "good evening", "good day", "sorry", "okay", "ok", "great", "perfect", "您好", "你好", "亲",
    ]

    /// The first time the agent addresses someone by a name token (`Hello
    /// #NAME#`, `#NAME#, …`): the token's turn and UTF-8 range.
    static func addressedByAgent(in analysis: CallAnalysis) -> (turn: Int, range: Range<Int>)? {
        for turn in analysis.turns(by: .agent) {
            let text = analysis.call.turns[turn].text
            for token in NameToken.all(in: text) where isAddress(token.range, in: text) {
                return (turn, token.range)
            }
        }
        return nil
    }

    /// Where the agent uses a name token, `token`, to address the customer in a turn.
    static func tokenUse(_ token: String, inTurn turn: Int, of analysis: CallAnalysis) -> Range<Int>? {
        let text = analysis.call.turns[turn].text
        return NameToken.all(in: text).first { $0.token == token && isAddress($0.range, in: text) }?.range
    }

    /// Whether the name token at `range` addresses the listener: after a
    /// greeting or thanks, at the start of a sentence before a comma, or after
    /// a comma at a sentence's end; never after "my name is" and the like.
    static func isAddress(_ range: Range<Int>, in text: String) -> Bool {
        let bytes = Array(text.utf8)
        let before = String(decoding: bytes[..<range.lowerBound], as: UTF8.self)
            .lowercased().trimmingCharacters(in: [" ", ","])
        if notAddress.contains(where: { before.hasSuffix($0) }) { return false }
        if addressLeads.contains(where: { lead in
            guard before.hasSuffix(lead) else { return false }
            let head = before.dropLast(lead.count)
            return head.isEmpty || head.last.map { !$0.isLetter } ?? true
        }) {
            return true
        }
        let after = String(decoding: bytes[range.upperBound...], as: UTF8.self)
        let next = after.first { $0 != " " }
        let opensSentence = before.isEmpty || before.last.map { ".!?\n。！？".contains($0) } ?? true
        if opensSentence, let next, ",，!！".contains(next) { return true }
        let afterComma =
            String(decoding: bytes[..<range.lowerBound], as: UTF8.self)
            .trimmingCharacters(in: [" "]).last.map { ",，".contains($0) } ?? false
        if afterComma, next == nil || next.map({ ".!?。！？\n".contains($0) }) == true { return true }
        if let next = after.first, "先女小".contains(next) { return true }
        return false
    }
}
