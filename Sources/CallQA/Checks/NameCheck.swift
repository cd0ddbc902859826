import Yams

/// `name`: once the customer's name is known, the agent uses it with a title.
public struct NameCheck: Sendable, Equatable {
    /// Titles written after a Chinese surname (`先生`, `女士`, `小姐`).
    public var titlesAfter: [String]
    /// Titles written before an English surname (`Mr.`, `Ms.`).
    public var titlesBefore: [String]
    /// What the customer says before their name (`我姓`, `my name is`).
    public var introductions: [String]
    /// What the agent says to ask for the customer's name (`请问您贵姓`,
    /// "your full name"): a name the customer gives in their next turn is theirs.
    public var requests: [String] = NameCheck.defaultRequests
    /// Whether an agent who addresses the customer by a name the customer has
    /// not given (`Hello #NAME#`, taken from the chat system) both knows and uses it.
    public var agentMayKnow: Bool = false
}

extension NameCheck {
    /// 先生, 女士, 小姐 and other titles that follow a Chinese surname.
    public static let defaultTitlesAfter = ["先生", "女士", "小姐", "太太", "老师", "总", "经理", "師傅", "师傅"]
    /// Mr., Ms. and other titles that precede an English surname.
    public static let defaultTitlesBefore = ["Mr.", "Ms.", "Mrs.", "Miss", "Dr.", "Mr", "Ms", "Mrs", "Dr"]
    /// What customers say before their name.
    public static let defaultIntroductions = [
        "我姓", "免贵姓", "免貴姓", "我叫", "姓", "姓名", "开户名", "持卡人", "my name is", "my name's", "this is",
        "i am called", "it's",
    ]
    /// What agents say to ask for a name.
    public static let defaultRequests = [
        "姓名", "名字", "贵姓", "貴姓", "怎么称呼", "如何称呼", "开户名", "开户人", "持卡人", "联系人", "付款人",
        "银行卡信息", "银行卡号",
        "your name", "full name", "the name on", "name of the account holder", "account holder", "first and last name",
        "your first name", "your last name", "who am i speaking", "who i am speaking", "may i have your name",
        "what name", "which name", "name or email", "name and email",
    ]
}

extension NameCheck: CheckKind {
    static let kind = "name"

    /// The phrases the check looks for in customer turns: compiled into the
    /// rubric's matcher under this list name.
    static let introductionList = "#name-introductions"
    /// The agent's requests for the name, compiled under this list name.
    static let requestList = "#name-requests"

    static func decode(_ site: CheckSite, parser: inout RubricParser) -> NameCheck? {
        guard
            let entries = parser.entries(
                of: site, allowed: ["titles-after", "titles-before", "introductions", "requests", "agent-may-know"])
        else { return nil }
        let after = parser.reader.strings(entries["titles-after"], "'titles-after'") ?? defaultTitlesAfter
        let before = parser.reader.strings(entries["titles-before"], "'titles-before'") ?? defaultTitlesBefore
        let introductions = parser.reader.strings(entries["introductions"], "'introductions'") ?? defaultIntroductions
        let requests = parser.reader.strings(entries["requests"], "'requests'") ?? defaultRequests
        let agentMayKnow = entries["agent-may-know"].map { parser.reader.bool($0, "'agent-may-know'") } ?? false
        guard let agentMayKnow else { return nil }
        return NameCheck(
            titlesAfter: after, titlesBefore: before, introductions: introductions, requests: requests,
            agentMayKnow: agentMayKnow)
    }

    func writeCanonical(to json: inout JSONWriter) {
        json.field("titles-after", titlesAfter)
        json.field("titles-before", titlesBefore)
        json.field("introductions", introductions)
        if requests != Self.defaultRequests { json.field("requests", requests) }
        if agentMayKnow { json.field("agent-may-know", agentMayKnow) }
    }

    var lintFacts: CheckLintFacts { CheckLintFacts() }

    var matcherLists: [Rubric.PhraseList] {
        [
            // Exact: "it's" must not match every "it".
            Rubric.PhraseList(name: Self.introductionList, phrases: introductions, exact: true),
            Rubric.PhraseList(name: Self.requestList, phrases: requests, exact: true),
        ]
    }

    func evaluate(in analysis: CallAnalysis) -> CheckOutcome {
        let known = CustomerName.discover(in: analysis, check: self)
        if agentMayKnow, let addressed = CustomerName.addressedByAgent(in: analysis),
            known == nil || addressed.turn < (known!.turn ?? -1)
        {
            return CheckOutcome(
                status: .pass, share: 1,
                evidence: [
                    analysis.evidence(turn: addressed.turn, utf8: addressed.range, phrase: "the customer's name")
                ],
                note: "addressed the customer by name at turn \(addressed.turn), before the customer gave it")
        }
        guard let name = known else { return .notApplicable("the customer's name never became known") }

        var evidence: [Evidence] = []
        var knownFrom = "the transcript's header"
        if let turn = name.turn, let revealed = name.revealed {
            knownFrom = "turn \(turn)"
            evidence.append(analysis.evidence(turn: turn, utf8: revealed.range, phrase: revealed.phrase))
        }

        let forms = name.addressForms(self).map {
            (form: $0, bytes: Array(TextNormalizer.shared.normalizePhrase($0).utf8))
        }
        for turn in analysis.turns(by: .agent) where turn > (name.turn ?? -1) {
            if let used = Self.firstUse(of: forms, in: analysis.normalized[turn].bytes) {
                evidence.append(analysis.evidence(used, inTurn: turn))
                return CheckOutcome(
                    status: .pass, share: 1, evidence: evidence,
                    note: "used the customer's name at turn \(turn), known from \(knownFrom)")
            }
            if let token = name.token, let used = CustomerName.tokenUse(token, inTurn: turn, of: analysis) {
                evidence.append(analysis.evidence(turn: turn, utf8: used, phrase: "the customer's name"))
                return CheckOutcome(
                    status: .pass, share: 1, evidence: evidence,
                    note: "used the customer's name at turn \(turn), known from \(knownFrom)")
            }
        }
        let example =
            name.token
            ?? (forms.isEmpty
                ? (name.fullName ?? name.surname ?? "") : forms.prefix(2).map(\.form).joined(separator: "/"))
        return CheckOutcome(
            status: .fail, share: 0, evidence: evidence, missing: ["the customer's name (\(example))"],
            note: "the customer's name was known from \(knownFrom) but the agent never used it (e.g. \(example))")
    }

    /// The earliest (then longest) use of an address form in normalised text,
    /// whole words only where the form starts or ends with a letter or digit.
    /// The forms are few and per call, so a plain search beats compiling them.
    static func firstUse(of forms: [(form: String, bytes: [UInt8])], in text: [UInt8]) -> PhraseMatch? {
        var best: PhraseMatch?
        for (form, needle) in forms where !needle.isEmpty && needle.count <= text.count {
            let first = needle[0]
            var start = 0
            while start + needle.count <= text.count {
                defer { start += 1 }
                guard text[start] == first, text[start..<(start + needle.count)].elementsEqual(needle) else { continue }
                let end = start + needle.count
                if let head = needle.first.flatMap({ _ in ScalarClass.scalar(at: 0, in: needle) }),
                    ScalarClass.isWordCharacter(head),
                    let before = ScalarClass.scalar(before: start, in: text), ScalarClass.isWordCharacter(before)
                {
                    continue
                }
                if let tail = ScalarClass.scalar(before: needle.count, in: needle), ScalarClass.isWordCharacter(tail),
                    let after = ScalarClass.scalar(at: end, in: text), ScalarClass.isWordCharacter(after)
                {
                    continue
                }
                if best == nil || start < best!.range.lowerBound
                    || (start == best!.range.lowerBound && end > best!.range.upperBound)
                {
                    best = PhraseMatch(list: "name", phrase: form, range: start..<end)
                }
                break
            }
        }
        return best
    }
}
