import CallQA
import Testing

/// Each check kind against small transcripts, scored with `Tests/Fixtures/rubrics/checks.yaml`.
@Suite("Check kinds")
struct CheckTests {
    let scorer: Scorer

    init() throws {
        scorer = Scorer(try Fixtures.rubric("checks"))
    }

    private func item(_ id: String, _ transcript: String) -> ItemResult {
        scorer.score(Fixtures.call(transcript)).item(id)!
    }

    // MARK: phrase, with time and turn windows

    @Test("phrase: every group in the window passes; evidence quotes each")
    func phrasePass() {
        let result = item(
            "greeting",
            """
            [00:00] Agent: Hello, my name is Ana, how can I help?
            [00:04] Customer: Hi.
            """)
        #expect(result.status == .pass)
        #expect(result.points == 10)
        #expect(result.evidence.map(\.text) == ["Hello", "my name is", "how can I help"])
        #expect(result.evidence.allSatisfy { $0.turn == 0 && $0.speaker == .agent && $0.start == 0 })
        #expect(result.evidence.allSatisfy { $0.kind == .quote })
    }

    @Test("phrase: some groups earn partial credit and name what is missing")
    func phrasePartial() {
        let result = item("greeting", "[00:00] Agent: Hello there.\n[00:03] Customer: Hi.\n")
        #expect(result.status == .partial)
        #expect(abs(result.points - 10.0 / 3) < 0.01)
        #expect(result.missing == ["introduction", "offer"])
    }

    @Test("phrase: a time window covers every turn that starts in it")
    func timeWindow() {
        let transcript = """
            [00:00] Agent: Hello.
            [00:02] Customer: Hi?
            [00:04] Agent: My name is Ana, how can I help?
            [00:30] Agent: Hello again, my name is Ana, how can I help?
            """
        #expect(item("greeting", transcript).status == .pass)
        #expect(item("greeting", transcript).evidence.map(\.turn) == [0, 2, 2])
    }

    @Test("phrase: what is said after the time window does not count")
    func afterTimeWindow() {
        let result = item(
            "greeting",
            """
            [00:00] Agent: One moment please.
            [00:12] Agent: Hello, my name is Ana, how can I help?
            """)
        #expect(result.status == .fail)
        #expect(result.missing == ["hello", "introduction", "offer"])
    }

    @Test("phrase: without timestamps the turn window applies, and the note says so")
    func untimedWindow() {
        let result = item(
            "greeting",
            """
            Agent: Hello.
            Customer: Hi?
            Agent: My name is Ana, how can I help?
            """)
        #expect(result.status == .partial)
        #expect(result.note.contains("no timestamps: the agent's first turn stood in for the first 10 s"))
    }

    @Test("phrase: a last-seconds window, and require: any")
    func lastSeconds() {
        let timed = """
            [00:00] Agent: Thank you for calling, hello.
            [00:50] Customer: Bye.
            [01:00] Agent: Goodbye.
            """
        #expect(item("closing", timed).status == .fail)
        let thanked = timed.replacingOccurrences(of: "Goodbye.", with: "Thank you for calling!")
        #expect(item("closing", thanked).status == .pass)
        #expect(item("closing", thanked).evidence.first?.turn == 2)
    }

    @Test("phrase: traditional Chinese text matches simplified phrases")
    func traditional() {
        let result = item("greeting", "[00:00] 客服：您好，我是陳美玲，請問有什麼可以幫您？\n[00:05] 客戶：你好。\n")
        #expect(result.status == .pass)
        #expect(result.evidence.map(\.text) == ["您好", "我是", "有什麼可以幫您"])
    }

    @Test("phrase: inline phrases in an item work like a list")
    func inlinePhrases() {
        #expect(item("inline", "Agent: Goodbye now.\nCustomer: Bye.\n").status == .pass)
        #expect(item("inline", "Agent: 再见！\nCustomer: Bye.\n").evidence.first?.text == "再见")
    }

    // MARK: response

    @Test("response: an apology in the next agent turn answers the complaint")
    func responsePass() {
        let result = item(
            "apology",
            """
            Customer: This is the third time I call, I'm upset.
            Agent: I'm so sorry about that.
            """)
        #expect(result.status == .pass)
        #expect(result.evidence.map(\.text) == ["third time", "sorry"])
        #expect(result.evidence.map(\.speaker) == [.customer, .agent])
    }

    @Test("response: an apology too late, or negated, does not count")
    func responseFail() {
        let late = item(
            "apology",
            """
            Customer: I'm upset.
            Agent: Let me check.
            Agent: Sorry about that.
            """)
        #expect(late.status == .fail)
        #expect(late.missing == ["apology after turn 0 (\"upset\")"])
        let negated = item("apology", "Customer: I'm upset.\nAgent: I'm not sorry.\n")
        #expect(negated.status == .fail)
    }

    @Test("response: no trigger, not applicable; N/A items leave the maximum")
    func responseNotApplicable() throws {
        let call = Fixtures.call("Agent: Hello, my name is Ana, how can I help?\nCustomer: I'd like a new card.\n")
        let card = scorer.score(call)
        #expect(card.item("apology")?.status == .na)
        #expect(card.item("apology")?.points == 0)
        #expect(card.item("empathy")?.status == .na)
        let applicable = card.items.filter { $0.status != .na }
        let expected = applicable.reduce(0) { $0 + $1.points } / applicable.reduce(0) { $0 + $1.maxPoints } * 100
        #expect(abs(card.score - expected) < 0.05)
    }

    @Test("response: with answer: any, one answer is enough")
    func responseAny() {
        let result = item(
            "empathy",
            """
            Customer: I'm upset.
            Agent: I would be upset too.
            Customer: And it's the third time!
            Agent: Let me fix it.
            Agent: Done.
            """)
        #expect(result.status == .pass)
    }

    // MARK: paraphrase

    @Test("paraphrase: a cue phrase passes")
    func paraphraseCue() {
        let result = item("paraphrase", "Customer: I need help.\nAgent: Just to confirm, you need help?\n")
        #expect(result.status == .pass)
        #expect(result.evidence.first?.text == "Just to confirm")
    }

    @Test("paraphrase: repeating enough of the customer's details passes without a cue")
    func paraphraseOverlap() {
        let result = item(
            "paraphrase",
            """
            Customer: The charge of $40.50 on May 2nd was duplicated on my card.
            Agent: So the $40.50 charge from May 2nd was duplicated on your card.
            """)
        #expect(result.status == .pass)
        #expect(result.evidence.first?.phrase.hasPrefix("repeats") == true)
        #expect(result.evidence.first?.phrase.contains("40.50") == true)
        #expect(result.evidence.first?.kind == .rule)
        #expect(result.evidence.first?.text == "So the $40.50 charge from May 2nd was duplicated on your card.")
    }

    @Test("paraphrase: too little repeated fails, with the best share in the note")
    func paraphraseFail() {
        let result = item(
            "paraphrase",
            """
            Customer: The charge of $40.50 on May 2nd was duplicated on my card.
            Agent: Okay, let me look at the account.
            """)
        #expect(result.status == .fail)
        #expect(result.note.contains("best: 0%"))
    }

    @Test("paraphrase: Chinese details repeated as character pairs")
    func paraphraseChinese() {
        let result = item(
            "paraphrase",
            """
            客户：我上个月的保费1280元被扣了两次。
            坐席：好的，上个月的保费1280元被扣了两次，我来处理。
            """)
        #expect(result.status == .pass)
    }

    // MARK: name

    @Test(
        "name: a surname the customer gives, then used with a title",
        arguments: [
            ("客户：我姓刘。\n坐席：刘先生，您好。\n", ItemStatus.pass),
            ("客户：我姓刘。\n坐席：您好。\n", .fail),
            ("Customer: Hi, my name is Anna Lee.\nAgent: Thank you, Ms. Lee.\n", .pass),
            ("Customer: Hi, this is Anna Lee.\nAgent: Thank you, Anna Lee.\n", .pass),
            ("Customer: This is ridiculous.\nAgent: Sorry.\n", .na),
        ])
    func name(transcript: String, expected: ItemStatus) {
        #expect(item("name", transcript).status == expected)
    }

    @Test("name: a use before the name was given does not count; the fail names where it became known")
    func nameBeforeKnown() {
        let result = item("name", "Agent: Hello Mr. Lee.\nCustomer: My name is Tom Lee.\nAgent: How can I help?\n")
        #expect(result.status == .fail)
        #expect(result.evidence.map(\.text) == ["My name is Tom Lee"])
        #expect(result.note.contains("known from turn 1"))
    }

    @Test("name: from the transcript header")
    func nameFromHeader() {
        let result = item("name", "# customer: 林小姐\n坐席：林小姐，您好。\n客户：你好。\n")
        #expect(result.status == .pass)
        #expect(result.note.contains("header"))
    }

    // MARK: forbid and critical

    @Test("forbid: a critical phrase fails the call and caps its score")
    func critical() {
        let card = scorer.score(
            Fixtures.call(
                """
                [00:00] Agent: Hello, my name is Ana, how can I help? Certainly, absolutely.
                [00:05] Customer: My bill is wrong.
                [00:09] Agent: That is your fault.
                [00:20] Agent: Thank you for calling.
                """))
        #expect(card.item("blame")?.status == .fail)
        #expect(card.item("blame")?.evidence.first?.text == "your fault")
        #expect(card.criticalFailures == ["blame"])
        #expect(card.passed == false)
        #expect(card.score == 40) // critical: {cap: 40}
    }

    @Test("forbid: nothing forbidden passes")
    func forbidPass() {
        #expect(item("blame", "Agent: It is not a problem.\nCustomer: Ok.\n").status == .pass)
    }

    // MARK: limit

    @Test("limit: at most N times", arguments: [("我理解。", ItemStatus.pass), ("我理解。我理解。", .fail)])
    func limit(said: String, expected: ItemStatus) {
        let result = item("understand", "客户：我很不满。\n坐席：\(said)\n")
        #expect(result.status == expected)
        #expect(result.evidence.count == said.components(separatedBy: "我理解").count - 1)
    }

    // MARK: wording

    @Test(
        "wording: use — full points at the target count, a share below",
        arguments: [
            ("Certainly.", ItemStatus.partial, 5.0), ("Certainly, absolutely.", .pass, 10.0), ("Fine.", .fail, 0.0),
        ])
    func wordingUse(said: String, status: ItemStatus, points: Double) {
        let result = item("positive", "Agent: \(said)\nCustomer: Ok.\n")
        #expect(result.status == status)
        #expect(result.points == points)
    }

    @Test(
        "wording: avoid — full points up to allow, none from zero",
        arguments: [
            ("Fine.", ItemStatus.pass, 10.0), ("Maybe.", .partial, 5.0), ("Maybe, maybe.", .fail, 0.0),
            ("Not maybe.", .pass, 10.0),
        ])
    func wordingAvoid(said: String, status: ItemStatus, points: Double) {
        let result = item("negative", "Agent: \(said)\nCustomer: Ok.\n")
        #expect(result.status == status)
        #expect(result.points == points)
    }

    @Test("The scorecard counts positive and negative wording and names its rubric")
    func wordingCounts() throws {
        let card = scorer.score(Fixtures.call("Agent: Certainly! Maybe. 当然。可能。\nCustomer: Ok.\n"))
        #expect(card.wording == WordingCount(positive: 2, negative: 2))
        #expect(card.rubric == RubricReference(try Fixtures.rubric("checks")))
        #expect(card.rubric.sha256.count == 64)
    }
}
