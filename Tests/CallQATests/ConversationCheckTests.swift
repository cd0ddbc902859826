import Testing

@testable import CallQA

/// Check settings that follow the course of a conversation, scored with
/// `Tests/Fixtures/rubrics/conversation.yaml`.
@Suite("Conversation-reading checks")
struct ConversationCheckTests {
    let scorer: Scorer

    init() throws {
        scorer = Scorer(try Fixtures.rubric("conversation"))
    }

    private func item(_ id: String, _ transcript: String) -> ItemResult {
        scorer.score(Fixtures.call(transcript)).item(id)!
    }

    // MARK: the first complaint

    @Test(
        "answer: first — an apology must follow the first complaint within two agent turns",
        arguments: [
            ("Customer: My parcel never arrived.\nAgent: I'm sorry, let me look.\n", ItemStatus.pass),
            (
                "Customer: My parcel never arrived.\nAgent: Let me look.\nCustomer: Ok.\nAgent: Sorry about that.\n",
                .pass
            ),
            (
                "Customer: My parcel never arrived.\nAgent: Let me look.\nCustomer: Ok.\nAgent: One moment.\n"
                    + "Customer: It still never arrived.\nAgent: I'm sorry.\n", .fail
            ),
            ("Agent: Sorry, one moment.\nCustomer: The app doesn't work.\nAgent: Which phone?\n", .fail),
            ("Customer: Does it work on a tablet?\nAgent: Yes.\n", .na),
            ("客户：快递还没到。\n坐席：很抱歉，我马上查。\n", .pass),
        ])
    func firstComplaint(transcript: String, expected: ItemStatus) {
        #expect(item("apology", transcript).status == expected)
    }

    @Test("except: 'sorry for the wait' is no apology for the complaint")
    func exceptCancelsOverlap() {
        let result = item(
            "apology", "Customer: The app doesn't work.\nAgent: Sorry for the wait, which phone is it?\n")
        #expect(result.status == .fail)
        #expect(result.evidence.map(\.text) == ["doesn't work"])
    }

    // MARK: an upset customer's signals

    @Test(
        "signals: emphasis, shouting, a sad face and a repeated message make the customer upset",
        arguments: [
            ("Customer: Where is my refund, I have waited a week??\nAgent: Let me check.\n", "emphatic punctuation"),
            (
                "Customer: my refund is late\nAgent: Let me check.\nCustomer: WHY IS IT NOT HERE YET\nAgent: One moment.\n",
                "writing in capitals"
            ),
            ("Customer: the screen went black :(\nAgent: Let me check.\n", "a sad face"),
            ("Customer: 我的订单一直在路上\nAgent: 好的。\nCustomer: 我的订单一直在路上\nAgent: 请稍等。\n", "a message sent again"),
        ])
    func upsetSignals(transcript: String, signal: String) {
        let result = item("empathy", transcript)
        #expect(result.status == .fail)
        #expect(result.evidence.first?.phrase == signal)
        #expect(result.evidence.first?.kind == .rule)
    }

    @Test(
        "signals: a run of question marks is found at every offset, after ASCII or Chinese",
        arguments: ["??", "？？", "?？", "？?"])
    func emphasisAtEveryOffset(marks: String) {
        for filler in ["ab c ", "我们", "x"] {
            for count in 0..<12 {
                let before = "我想问一下 " + String(repeating: filler, count: count)
                var text = before + marks + " 好吗"
                let found = text.withUTF8 { CustomerSignalScanner.emphasis(in: $0) }
                #expect(found == before.utf8.count..<(before.utf8.count + marks.utf8.count), "\(text)")
                var single = before + "? 好吗"
                #expect(single.withUTF8 { CustomerSignalScanner.emphasis(in: $0) } == nil, "\(single)")
            }
        }
    }

    @Test(
        "signals: relief, a bare nudge, capitals from the start and a title are no upset",
        arguments: [
            "Customer: Finally!! It works now.\nAgent: Great.\n",
            "Customer: ??\nAgent: I'm here.\n",
            "Customer: I NEED A NEW INVOICE PLEASE\nAgent: Sure.\n",
            "Customer: i bought THE SNOW LEOPARD ATLAS today\nAgent: Sure.\n",
            "Customer: ok got it\nAgent: Good.\nCustomer: ok got it\nAgent: Bye.\n",
            "Customer: 我的订单一直在路上\nAgent: 好的。\nCustomer: 我的快递一直在路上\nAgent: 请稍等。\n",
        ])
    func notUpset(transcript: String) {
        #expect(item("empathy", transcript).status == .na)
    }

    @Test("empathy after the first upset, at any later turn, passes")
    func empathyLater() {
        let result = item(
            "empathy",
            """
            Customer: I'm annoyed, the card was blocked again.
            Agent: Let me check the card.
            Customer: Ok.
            Agent: Done. I can see why that is annoying.
            """)
        #expect(result.status == .pass)
        #expect(result.evidence.map(\.text) == ["annoyed", "I can see why that is annoying"])
    }

    // MARK: closing past farewells

    @Test("trailing: farewells after the closing leave the last-turns window where the closing is")
    func trailingFarewells() {
        let transcript = """
            Agent: Anything else? Thank you for contacting us.
            Customer: No, thanks!
            Agent: You're welcome. Bye!
            """
        let result = item("closing", transcript)
        #expect(result.status == .pass)
        #expect(result.evidence.allSatisfy { $0.turn == 0 })
        #expect(result.note.contains("closing turn"))
    }

    @Test("trailing: a last turn that says more than farewells is the window")
    func trailingWithContent() {
        let transcript = """
            Agent: Anything else? Thank you for contacting us.
            Customer: One more thing.
            Agent: The refund takes three days. Bye!
            """
        #expect(item("closing", transcript).status == .fail)
    }

    // MARK: close-outs on a customer still there

    @Test(
        "when-customer-replies: closing the chat is forbidden only if the customer writes again",
        arguments: [
            ("Agent: I will close this chat now.\nCustomer: Wait, I am still here!\n", ItemStatus.fail),
            ("Customer: Hello?\nAgent: I will close this chat now.\n", .pass),
        ])
    func closeOut(transcript: String, expected: ItemStatus) {
        #expect(item("forbidden", transcript).status == expected)
    }

    // MARK: restatements

    @Test(
        "shared: a cue counts in a sentence that repeats the customer's recent words",
        arguments: [
            (
                "Customer: I was charged twice for the lamp.\nAgent: So you were charged twice for the lamp?\n",
                ItemStatus.pass
            ),
            ("Customer: I was charged twice for the lamp.\nAgent: So you can press 1 to continue.\n", .fail),
            ("Customer: The lamp has an issue.\nAgent: So you have an issue?\n", .fail),
            ("Customer: I was charged twice for the lamp.\nAgent: What is the lamp's colour, correct?\n", .fail),
            ("Customer: I paid forty two dollars.\nAgent: You paid 42 dollars, correct?\n", .pass),
            ("客户：我想换货。\n坐席：亲，是换货是吗？\n", .pass),
            // topics: the same matter in other words counts; a matter the customer never raised does not
            ("Customer: I want my money back.\nAgent: So you would like a refund?\n", .pass),
            ("Customer: I want my money back.\nAgent: So you would like a new parcel?\n", .fail),
            ("客户：我申请退款了。\n坐席：您是不要了是吗？\n", .pass),
            ("客户：快递一直没来。\n坐席：是物流慢是吗？\n", .pass),
            ("客户：快递一直没来。\n坐席：是要退款是吗？\n", .fail),
            // a space between Chinese messages ends a sentence: the next message's cue stands alone
            ("客户：我要换货。\n坐席：已经登记换货了 还有其他问题是吗\n", .fail),
        ])
    func restatement(transcript: String, expected: ItemStatus) {
        #expect(item("paraphrase", transcript).status == expected)
    }

    // MARK: names

    @Test(
        "name: known from an answer, a signature, an introduction in lower case; used with a title",
        arguments: [
            ("Agent: May I have your full name?\nCustomer: Anna Lee\nAgent: Thank you, Ms. Lee.\n", ItemStatus.pass),
            ("Customer: hi my name is anna lee\nAgent: thanks miss lee\n", .pass),
            ("Customer: My order is late.\nRegards,\n#NAME#\nAgent: Thank you, #NAME#.\n", .pass),
            ("坐席：请问您贵姓？\n客户：王芳\n坐席：好的。\n", .fail),
            ("坐席：请问您的姓名？\n客户：[姓名x]\n坐席：[姓名x]先生，您好。\n", .pass),
            ("坐席：请问您贵姓？\n客户：谢谢\n坐席：不客气。\n", .na),
            ("Customer: This is ridiculous.\nAgent: Sorry.\n", .na),
        ])
    func names(transcript: String, expected: ItemStatus) {
        #expect(item("customer-name", transcript).status == expected)
    }

    @Test("agent-may-know: addressing the customer by a name token counts as knowing and using it")
    func agentMayKnow() {
        let transcript = "Agent: Hello #NAME#! How can I help?\nCustomer: My book is missing.\n"
        #expect(item("chat-name", transcript).status == .pass)
        #expect(item("customer-name", transcript).status == .na)
        #expect(item("chat-name", "Agent: Hi, my name is #NAME#.\nCustomer: Hello.\n").status == .na)
    }
}
