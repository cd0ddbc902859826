import Foundation
import Testing

@testable import CallQA

/// The matching language of rubric phrases, construct by construct: what a
/// phrase finds in a turn, quoted from the original text.
@Suite("Matching language")
struct MatchingLanguageTests {
    /// The original words of every counted occurrence of `phrases` (one list,
    /// `phrases`) in `text`.
    private func found(
        _ phrases: [String], in text: String, exact: Bool = false, near: Int = 8, asr: Bool = false,
        context: MatchContext = MatchContext(), companies: [String] = [],
        negators: [String] = ["not", "no", "never", "不", "没", "没有"]
    ) -> [String] {
        var lists = [Rubric.PhraseList(name: "phrases", phrases: phrases, exact: exact, near: near, asr: asr)]
        if !companies.isEmpty { lists.append(Rubric.PhraseList(name: "company", phrases: companies)) }
        let matcher = PhraseMatcher(phraseLists: lists, negation: .init(negators: negators, window: 2))
        let normalized = TextNormalizer.shared.normalize(text)
        return matcher.matches(in: normalized, context: context).filter { $0.list == "phrases" }.map {
            normalized.original($0.range, in: text)
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var phrase: String
        var text: String
        var expected: [String]
        var testDescription: String { "\(phrase) in \"\(text)\"" }

        init(_ phrase: String, _ text: String, _ expected: [String]) {
            self.phrase = phrase
            self.text = text
            self.expected = expected
        }
    }

    @Test(
        "English words match their inflections; Han text is never stemmed",
        arguments: [
            Case("apologize", "We apologized for the mix-up.", ["apologized"]),
            Case("apologize", "I'm apologizing again", ["apologizing"]),
            Case("apologize", "Please accept our apologies", ["apologies"]),
            Case("disappointed", "That is disappointing news", ["disappointing"]),
            Case("frustrated", "This is so frustrating!", ["frustrating"]),
            Case(
                "apologize for the delay", "We Apologise... no: we apologized for the delays",
                ["apologized for the delays"]),
            Case("sorry", "SORRY about that", ["SORRY"]),
            Case("sorry", "a sorryness of sorts", []),
            Case("call", "thanks for calling", ["calling"]),
            Case("抱歉", "真的很抱歉", ["抱歉"]),
            Case("退款", "退款退貨", ["退款"]),
        ])
    func wordForms(_ example: Case) {
        #expect(found([example.phrase], in: example.text) == example.expected)
    }

    @Test(
        "A leading '=' matches only the form written",
        arguments: [
            Case("=apologize", "we apologize", ["apologize"]),
            Case("=apologize", "we apologized", []),
            Case("=call", "thanks for calling", []),
            Case("=sorry ... late", "Sorry we are late", ["Sorry we are late"]),
            Case("=sorry ... late", "sorry we are later", []),
        ])
    func exactPhrase(_ example: Case) {
        #expect(found([example.phrase], in: example.text) == example.expected)
    }

    @Test("A list with 'exact: true' matches only the forms written")
    func exactList() {
        #expect(found(["apologize"], in: "we apologized", exact: true).isEmpty)
        #expect(found(["apologize"], in: "we apologize", exact: true) == ["apologize"])
        #expect(found(["frustrat*"], in: "so frustrated", exact: true) == ["frustrated"])
    }

    @Test(
        "A word ending in '*' matches every word that starts so",
        arguments: [
            Case("frustrat*", "I'm frustrated", ["frustrated"]),
            Case("frustrat*", "the frustration!", ["frustration"]),
            Case("frustrat*", "unfrustrated", []),
            Case("disappoint*", "Disappointing, really", ["Disappointing"]),
            Case("so frustrat* with", "I am so frustrated with this", ["so frustrated with"]),
            Case("apologize for frustrat*", "apologizing for frustrating you", ["apologizing for frustrating"]),
            Case("happ*", "happy happiness", ["happy", "happiness"]),
        ])
    func prefixes(_ example: Case) {
        #expect(found([example.phrase], in: example.text) == example.expected)
    }

    @Test(
        "'A ... B': B after A, at most the list's near (8) or the given count of units between",
        arguments: [
            Case("refund ... card", "The refund goes back to your card today", ["refund goes back to your card"]),
            Case("refund ... card", "Your card, then the refund", []),
            Case(
                "refund ... card", "refund one two three four five six seven eight card",
                [
                    "refund one two three four five six seven eight card"
                ]),
            Case("refund ... card", "refund one two three four five six seven eight nine card", []),
            Case("refund ...3 card", "refund to your card", ["refund to your card"]),
            Case("refund ...3 card", "refund will be on the card", []),
            Case("退款 ... 到账", "退款预计三天到账", ["退款预计三天到账"]),
            Case("退款 ... 到账", "退款預計三天到賬", ["退款預計三天到賬"]),
            Case("退款 ...2 到账", "退款预计三天到账", []),
            Case(
                "check ... order ... status", "let me check your order and its status",
                [
                    "check your order and its status"
                ]),
            Case("check ... order ... status", "let me check the status of your order", []),
            Case("refund ... card", "no refund to your card", []),
        ])
    func ordered(_ example: Case) {
        #expect(found([example.phrase], in: example.text) == example.expected)
    }

    @Test(
        "'A ~N B': both within N units, either order",
        arguments: [
            Case("late ~3 delivery", "the delivery was late again", ["delivery was late"]),
            Case("late ~3 delivery", "sorry for the late delivery", ["late delivery"]),
            Case("late ~1 delivery", "the delivery was very late", []),
            Case("慢 ~2 发货", "发货太慢了", ["发货太慢"]),
            Case("late ~ delivery", "delivery is late", ["delivery is late"]),
        ])
    func near(_ example: Case) {
        #expect(found([example.phrase], in: example.text) == example.expected)
    }

    @Test("A list's near sets the units '...' and '~' allow without a count")
    func listNear() {
        #expect(found(["refund ... card"], in: "refund back to your card", near: 2).isEmpty)
        #expect(found(["refund ... card"], in: "refund to card", near: 2) == ["refund to card"])
    }

    @Test(
        "'{any:N}' stands for up to N units inside a part",
        arguments: [
            Case("请问{any:4}吗", "请问是本人吗", ["请问是本人吗"]),
            Case("请问{any:4}吗", "请问还有别的问题吗", []),
            Case("thank you {any:2} patience", "thank you for your patience", ["thank you for your patience"]),
            Case("thank you {any:1} patience", "thank you for your patience", []),
        ])
    func any(_ example: Case) {
        #expect(found([example.phrase], in: example.text) == example.expected)
    }

    @Test(
        "'{number}': digits, English number words, Chinese numerals and number placeholders",
        arguments: [
            Case("{number} dollars", "that is forty two dollars", ["forty two dollars"]),
            Case("{number} dollars", "that is forty-two dollars", ["forty-two dollars"]),
            Case("{number} dollars", "a refund of 1,042.50 dollars", ["1,042.50 dollars"]),
            Case("{number} dollars", "one hundred and five dollars", ["one hundred and five dollars"]),
            Case("{number} dollars", "some dollars", []),
            Case("退款{number}元", "给您退款三百元", ["退款三百元"]),
            Case("退款{number}元", "给您退款 200元", ["退款 200元"]),
            Case("退款{number}元", "退款[金额x]元", ["退款[金额x]元"]),
            Case("call {number}", "please call #PHONENUMBER# tomorrow", ["call #PHONENUMBER#"]),
            Case("order {number}", "order #12", []),
        ])
    func number(_ example: Case) {
        #expect(found([example.phrase], in: example.text) == example.expected)
    }

    @Test(
        "'^' starts and '$' ends a turn or a sentence",
        arguments: [
            Case("是吗$", "您是想换货是吗？", ["是吗"]),
            Case("是吗$", "是吗。好的", ["是吗"]),
            Case("是吗$", "您是想退款是吗", ["是吗"]),
            Case("是吗$", "是吗亲亲我帮您看", []),
            Case("是吗$", "换货是吗」好的", []),
            Case("是吗$", "换货，是吗」。好的", ["是吗"]),
            Case("^您好", "您好，请问有什么可以帮您", ["您好"]),
            Case("^您好", "好的。您好", ["您好"]),
            Case("^您好", "我说您好", []),
            Case(", right$", "so you want to cancel, right?", [", right"]),
            Case(", right$", "cancel, right now", []),
            Case("right$", "you said Right.", ["Right"]),
            Case("^hello ... help$", "hello, how can I help?", ["hello, how can I help"]),
            Case("^hello ... help$", "well hello, how can I help?", []),
        ])
    func anchors(_ example: Case) {
        #expect(found([example.phrase], in: example.text) == example.expected)
    }

    @Test("A line break starts a sentence for '^' and ends one for '$'")
    func lineBreaks() {
        #expect(found(["^您好"], in: "好的\n您好") == ["您好"])
        #expect(found(["是吗$"], in: "换货是吗\n好的") == ["是吗"])
        #expect(found(["^您好"], in: "好的 您好").isEmpty)
    }

    @Test(
        "A negator just before an occurrence's start cancels it",
        arguments: [
            Case("apologize", "we did not apologize", []),
            Case("apologize", "we never apologized", []),
            Case("退款 ... 到账", "没有退款到账", []),
            Case("退款 ... 到账", "没有，退款到账了", ["退款到账"]),
            Case("late ~3 delivery", "the delivery was not late", ["delivery was not late"]),
        ])
    func negation(_ example: Case) {
        #expect(found([example.phrase], in: example.text) == example.expected)
    }

    @Test("Evidence of a phrase of several parts quotes from its first part's start to its last part's end")
    func evidenceRange() {
        let text = "Ｈｍｍ — the REFUND goes to your Card."
        let normalized = TextNormalizer.shared.normalize(text)
        let matcher = PhraseMatcher(
            phraseLists: [Rubric.PhraseList(name: "x", phrases: ["refund ... card"])], negation: .init(negators: []))
        let matches = matcher.matches(in: normalized)
        #expect(matches.count == 1)
        #expect(matches.first.map { normalized.original($0.range, in: text) } == "REFUND goes to your Card")
        #expect(matches.first?.phrase == "refund ... card")
    }

    @Test(
        "'{name}': the customer's name from the call, any case, or a name placeholder",
        arguments: [
            Case("thanks {name}", "thanks anna, bye", ["thanks anna"]),
            Case("thanks {name}", "Thanks ANNA LEE", ["Thanks ANNA LEE"]),
            Case("thanks {name}", "thanks lee", ["thanks lee"]),
            Case("thanks {name}", "thanks bob", []),
            Case("hello {name}", "hello #NAME#, how are you", ["hello #NAME#"]),
            Case("{name}您好", "[姓名x]您好", ["[姓名x]您好"]),
            Case("{name}先生", "张先生您好", ["张先生"]),
            Case("{name}先生", "王先生您好", []),
        ])
    func customerName(_ example: Case) {
        let context = MatchContext(customerNames: ["Anna Lee", "张伟"])
        #expect(found([example.phrase], in: example.text, context: context) == example.expected)
    }

    @Test(
        "'{agent}': the agent's name or ID from the call, a staff number, or a name placeholder",
        arguments: [
            Case("我是{agent}", "您好，我是工号8012，请问", ["我是工号8012"]),
            Case("我是{agent}", "您好我是8012号客服", ["我是8012号"]),
            Case("我是{agent}", "您好我是小王", ["我是小王"]),
            Case("this is {agent}", "hi, this is Sam speaking", ["this is Sam"]),
            Case("this is {agent}", "this is agent number 42", ["this is agent number 42"]),
            Case("this is {agent}", "this is ID 4471", ["this is ID 4471"]),
            Case("this is {agent}", "this is #NAME# from support", ["this is #NAME#"]),
            Case("this is {agent}", "this is Bob", []),
        ])
    func agent(_ example: Case) {
        let context = MatchContext(agentNames: ["Sam", "小王"])
        #expect(found([example.phrase], in: example.text, context: context) == example.expected)
    }

    @Test("'{company}': the rubric's company list, the call's company, or an organisation placeholder")
    func company() {
        let phrase = ["thank you for calling {company}"]
        let context = MatchContext(companyNames: ["Acme Bank"])
        #expect(
            found(phrase, in: "Thank you for calling ACME bank.", context: context) == [
                "Thank you for calling ACME bank"
            ])
        #expect(found(phrase, in: "thank you for calling #PRS_ORG#") == ["thank you for calling #PRS_ORG#"])
        #expect(
            found(phrase, in: "thank you for calling Zed Co", companies: ["Zed Co"]) == ["thank you for calling Zed Co"]
        )
        #expect(found(phrase, in: "thank you for calling us").isEmpty)
        #expect(found(["欢迎致电{company}"], in: "您好，欢迎致电中國人壽", companies: ["中国人寿"]) == ["欢迎致电中國人壽"])
    }

    @Test(
        "'asr: true': Han characters that sound the same, long English words one letter off",
        arguments: [
            Case("账号", "您的帐号是多少", ["帐号"]),
            Case("账号", "您的帳號是多少", ["帳號"]),
            Case("再见", "好的在见", ["在见"]),
            Case("账号 ... 密码", "帐号和秘码都对", ["帐号和秘码"]),
            Case("账号", "您的单号是多少", []),
            Case("thanks for your understanding", "thanks for your understending", ["thanks for your understending"]),
            Case("thanks for your understanding", "thanks for your understandings", ["thanks for your understandings"]),
            Case("sorry for the inconvenience", "sorry for the inconvenince", ["sorry for the inconvenince"]),
            Case("sorry for the inconvenience", "sorry for the convenience", []),
            Case("appreciate", "I apreciate it", ["apreciate"]),
            Case("refund", "a refunt", []),
        ])
    func speechRecognition(_ example: Case) {
        #expect(found([example.phrase], in: example.text, asr: true) == example.expected)
    }

    @Test("Without 'asr' a list forgives nothing", arguments: ["您的帐号是多少", "好的在见", "thanks for your understending"])
    func noSpeechRecognition(text: String) {
        #expect(found(["账号", "再见", "thanks for your understanding"], in: text).isEmpty)
    }

    @Test("Characters of one reading share a representative", arguments: ["账帐", "再在", "号好", "码马"])
    func homophones(pair: String) {
        let scalars = Array(pair.unicodeScalars)
        let table = SpeechTolerance.representatives
        #expect(table[Int(scalars[0].value - 0x4E00)] == table[Int(scalars[1].value - 0x4E00)])
        #expect(table[Int(scalars[0].value - 0x4E00)] != 0)
    }

    @Test("The committed readings table is what ICU's Han-Latin transform gives, character by character")
    func readingsTable() {
        var expected = ""
        var groups: [String: String] = [:]
        for value in UInt32(0x4E00)...UInt32(0x9FFF) {
            let character = String(Unicode.Scalar(value)!)
            guard let latin = character.applyingTransform(.mandarinToLatin, reverse: false), latin != character,
                let toneless = latin.decomposedStringWithCanonicalMapping.lowercased()
                    .replacingOccurrences(of: "u\u{308}", with: "v")
                    .applyingTransform(.stripDiacritics, reverse: false),
                !toneless.isEmpty, toneless.unicodeScalars.allSatisfy({ $0.value >= 0x61 && $0.value <= 0x7A })
            else { continue }
            groups[toneless, default: ""] += character
        }
        for syllable in groups.keys.sorted() { expected += syllable + groups[syllable]! + ";" }
        #expect(HanReadings.groups == expected, "regenerate with Scripts/generate-pinyin-table.swift")
    }

    @Test("The context is built from the call's header")
    func contextFromCall() {
        var call = Fixtures.call("[00:01] 坐席: 您好")
        call.customer = "Anna Lee"
        call.agent = "8012"
        call.metadata["company"] = "Acme"
        let context = MatchContext(call: call, customerNames: ["Annie"])
        #expect(context.customerNames == ["Anna Lee", "Annie"])
        #expect(context.agentNames == ["8012"])
        #expect(context.companyNames == ["Acme"])
        #expect(
            context.forms.customer.map { String(decoding: $0, as: UTF8.self) } == ["anna lee", "anna", "lee", "annie"])
    }

    @Test("A call's analysis finds the call's names, and the customer names its caller adds")
    func analysisContext() {
        let matcher = PhraseMatcher(
            phraseLists: [Rubric.PhraseList(name: "thanks", phrases: ["thanks {name}", "this is {agent}"])],
            negation: .init(negators: []))
        let group = PhraseGroup(name: "thanks", lists: ["thanks"])
        var call = Fixtures.call("Agent: this is Sam, thanks Anna\nCustomer: thanks Bea")
        func quotes(_ analysis: CallAnalysis) -> [String] {
            analysis.matches(of: group, inTurns: [0, 1]).map { analysis.evidence($0.match, inTurn: $0.turn).text }
        }
        #expect(quotes(CallAnalysis(call: call, matcher: matcher)).isEmpty)
        call.customer = "Anna"
        call.agent = "Sam"
        #expect(quotes(CallAnalysis(call: call, matcher: matcher)) == ["this is Sam", "thanks Anna"])
        #expect(
            quotes(CallAnalysis(call: call, matcher: matcher, customerNames: ["Bea"])) == [
                "this is Sam", "thanks Anna", "thanks Bea",
            ])
    }

    @Test(
        "Placeholders are recognised by shape and classified by label",
        arguments: [
            ("#NAME#", RedactionToken.Kind.name), ("#PHONENUMBER#", .number), ("#PRS_ORG#", .organization),
            ("#NUMBER#", .number), ("[姓名x]", .name), ("[数字x]", .number), ("[订单x]", .number), ("[金额x]", .number),
            ("[公司x]", .organization), ("[店铺x]", .organization), ("[名字x]", .name), ("#company_name#", .organization),
        ])
    func placeholders(token: String, kind: RedactionToken.Kind) {
        #expect(RedactionToken.kind(of: token) == kind)
        #expect(RedactionToken.kind(of: TextNormalizer.shared.normalizePhrase(token)) == kind)
    }

    @Test("Other tokens are no placeholders", arguments: ["#", "##", "#NAME", "[姓名]", "[x]", "NAME", "#NA ME#"])
    func notPlaceholders(token: String) {
        #expect(RedactionToken.kind(of: token) == nil)
    }

    @Test("Phrases with operators and plain phrases share one list: leftmost, then longest, counts")
    func mixedList() {
        #expect(found(["refund", "refund ... card"], in: "your refund to the card") == ["refund to the card"])
        #expect(found(["refund ... card", "card"], in: "refund to the card, card") == ["refund to the card", "card"])
    }

    @Test("Slots are found afresh in every turn when one scratch serves a whole call")
    func slotsTurnByTurn() {
        let matcher = PhraseMatcher(
            phraseLists: [
                Rubric.PhraseList(name: "phrases", phrases: ["退款{number}元", "我是{agent}", "call {number}"])
            ],
            negation: .init(negators: [], window: 2))
        let turns: [(text: String, expected: Int)] = [
            ("给您退款三百元，我是工号8012", 2), ("退款元已经到账，我是", 0), ("please call 555 0100 today", 1),
            ("please call later", 0), ("退款[金额x]元 call #PHONENUMBER#", 2), ("call us", 0),
        ]
        var scratch = PhraseMatcher.Scratch()
        for turn in turns {
            var hits: [PhraseMatcher.Hit] = []
            matcher.collect(
                in: TextNormalizer.shared.normalize(turn.text), forms: MatchContext().forms, into: &hits,
                scratch: &scratch)
            #expect(hits.count == turn.expected, "\(turn.text)")
        }
    }

    @Test("Each slot's position is its place among all slots")
    func slotPositions() {
        for (index, slot) in PhrasePattern.Slot.allCases.enumerated() { #expect(slot.position == index) }
    }
}
