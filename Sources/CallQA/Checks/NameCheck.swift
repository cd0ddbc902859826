import Yams

/// `name`: once the customer's name is known, the agent uses it with a title.
public struct NameCheck: Sendable, Equatable {
    /// Titles written after a Chinese surname (`先生`, `女士`, `小姐`).
    public var titlesAfter: [String]
    /// Titles written before an English surname (`Mr.`, `Ms.`).
    public var titlesBefore: [String]
    /// What the customer says before their name (`我姓`, `my name is`).
    public var introductions: [String]
}

extension NameCheck {
    /// 先生, 女士, 小姐 and other titles that follow a Chinese surname.
    public static let defaultTitlesAfter = ["先生", "女士", "小姐", "太太", "老师", "总", "经理", "師傅", "师傅"]
    /// Mr., Ms. and other titles that precede an English surname.
    public static let defaultTitlesBefore = ["Mr.", "Ms.", "Mrs.", "Miss", "Dr.", "Mr", "Ms", "Mrs", "Dr"]
    /// What customers say before their name.
    public static let defaultIntroductions = ["我姓", "免贵姓", "免貴姓", "我叫", "my name is", "my name's", "this is"]
}

extension NameCheck: CheckKind {
    static let kind = "name"

    /// The phrases the check looks for in customer turns: compiled into the
    /// rubric's matcher under this list name.
    static let introductionList = "#name-introductions"

    static func decode(_ site: CheckSite, parser: inout RubricParser) -> NameCheck? {
        guard let entries = parser.entries(of: site, allowed: ["titles-after", "titles-before", "introductions"])
        else { return nil }
        let after = parser.reader.strings(entries["titles-after"], "'titles-after'") ?? defaultTitlesAfter
        let before = parser.reader.strings(entries["titles-before"], "'titles-before'") ?? defaultTitlesBefore
        let introductions = parser.reader.strings(entries["introductions"], "'introductions'") ?? defaultIntroductions
        return NameCheck(titlesAfter: after, titlesBefore: before, introductions: introductions)
    }

    func writeCanonical(to json: inout JSONWriter) {
        json.field("titles-after", titlesAfter)
        json.field("titles-before", titlesBefore)
        json.field("introductions", introductions)
    }

    var lintFacts: CheckLintFacts { CheckLintFacts() }

    var matcherLists: [Rubric.PhraseList] {
        [Rubric.PhraseList(name: Self.introductionList, phrases: introductions)]
    }

    func evaluate(in analysis: CallAnalysis) -> CheckOutcome {
        let introductions = PhraseGroup(name: "introductions", lists: [Self.introductionList])
        var name: CustomerName?
        if let declared = analysis.call.customer { name = CustomerName.fromHeader(declared, check: self) }
        if name == nil {
            // Only customer turns with an introduction phrase can reveal the name.
            let found = analysis.matches(of: introductions, inTurns: analysis.turns(by: .customer))
            let byTurn = Dictionary(grouping: found, by: \.turn)
            for turn in byTurn.keys.sorted() {
                if let said = CustomerName.said(in: turn, matches: byTurn[turn]!.map(\.match), analysis: analysis) {
                    name = said
                    break
                }
            }
        }
        guard let name else { return .notApplicable("the customer's name never became known") }

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
        }
        let example =
            forms.isEmpty ? (name.fullName ?? name.surname ?? "") : forms.prefix(2).map(\.form).joined(separator: "/")
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
