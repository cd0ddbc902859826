import CallQA
import Testing

/// Evidence says what it is: words quoted from a turn, or a whole turn a rule picked out.
@Suite("Evidence kinds")
struct EvidenceKindTests {
    /// A timed call whose agent cuts in three times with short turns.
    static let interrupting = Fixtures.call(
        """
        # language: en
        [00:00:00.0 - 00:00:03.0] Agent: Hello, this is Sam at Northwind, how can I help you today?
        [00:00:03.5 - 00:00:09.0] Customer: My router keeps dropping the connection every evening.
        [00:00:07.0 - 00:00:08.5] Agent: Right, right.
        [00:00:09.5 - 00:00:15.0] Customer: It started last week and I have restarted it many times.
        [00:00:13.0 - 00:00:14.5] Agent: Okay, sure.
        [00:00:15.5 - 00:00:21.0] Customer: And the lights on the front blink orange when it happens.
        [00:00:19.0 - 00:00:20.5] Agent: I see, yes.
        [00:00:21.5 - 00:00:26.0] Agent: Is there anything else I can help you with? Thank you for calling, goodbye.
        """, id: "en-interrupting")

    @Test("A metric's evidence is a rule over whole turns, however short the turn")
    func shortRuleTurns() throws {
        let rubric = try Fixtures.shipped("en-standard")
        let card = Scorer(rubric).score(Self.interrupting)
        let item = try #require(card.item("interruptions"))
        #expect(item.status == .fail)
        #expect(item.evidence.map(\.turn) == [2, 4, 6])
        #expect(item.evidence.allSatisfy { $0.kind == .rule && $0.phrase.hasPrefix("interruption: ") })
        #expect(item.evidence.map(\.text) == ["Right, right.", "Okay, sure.", "I see, yes."])

        // Explanations describe a rule instead of quoting it, and never highlight its turn.
        let explanation = CallExplanation(call: Self.interrupting, scorecard: card, rubric: rubric)
        #expect(explanation.marks[2].allSatisfy { $0 == nil })
        let text = explanation.plainText()
        #expect(text.contains("interruption: 1.5 s over the customer"))
        #expect(!text.contains("\"Right, right.\""))
    }

    @Test("Phrase evidence quotes the words said")
    func quoteOfWholeTurn() throws {
        let rubric = try Fixtures.shipped("en-standard")
        let call = Fixtures.call(
            """
            # language: en
            Agent: Hello, this is Sam at Northwind, how can I help you today?
            Customer: I want to change my address.
            Agent: Is there anything else I can help you with?
            Agent: Thank you for calling Northwind, goodbye.
            """)
        let card = Scorer(rubric).score(call)
        let quotes = card.items.flatMap(\.evidence)
        #expect(!quotes.isEmpty)
        #expect(quotes.allSatisfy { $0.kind == .quote })
    }
}
