import CallQA
import Testing

/// The shipped rubrics on the shipped corpora: what a QA lead would check first.
@Suite("Scoring the corpora")
struct CorpusScoringTests {
    let cards: [Scorecard]
    let calls: [Call]

    init() throws {
        let (catalog, errors) = RubricCatalog.load(directory: Fixtures.shippedRubrics)
        #expect(errors.isEmpty)
        let scorers = Dictionary(uniqueKeysWithValues: catalog.rubrics.map { ($0.id, Scorer($0)) })
        calls = Fixtures.corpusCalls()
        cards = calls.map { call in
            scorers[catalog.rubric(for: call.language)!.id]!.score(call)
        }
    }

    private func card(_ id: String) throws -> Scorecard {
        try #require(cards.first { $0.callID == id })
    }

    @Test(
        "Well-handled calls rank above poorly handled ones, in every language",
        arguments: [
            (["zh-model-001", "zh-card-201", "zh-card-203"], ["zh-poor-001", "zh-card-202", "zh-claim-014"]),
            (["zh-hant-renewal-031"], ["zh-hant-complaint-032"]),
            (["en-billing-101", "en-service-201"], ["en-billing-102", "en-refund-202"]),
        ])
    func ranking(good: [String], poor: [String]) throws {
        let worstGood = try good.map { try card($0).score }.min()!
        let bestPoor = try poor.map { try card($0).score }.max()!
        #expect(worstGood > bestPoor)
        for id in good { #expect(try card(id).passed, "\(id) should pass") }
        for id in poor { #expect(try !card(id).passed, "\(id) should fail") }
    }

    @Test("The model call from the material passes greeting, empathy and paraphrase")
    func modelCall() throws {
        let model = try card("zh-model-001")
        for id in ["greeting", "empathy", "paraphrase"] { #expect(model.item(id)?.status == .pass, "\(id)") }
        #expect(model.item("greeting")?.evidence.map(\.text) == ["人寿", "我是", "需要什么帮助"])
        // Empathy shown in the turn just before the customer escalates answers it.
        #expect(model.item("empathy")?.evidence.map(\.text) == ["打了两次", "我也会很烦的"])
        #expect(model.item("paraphrase")?.evidence.first?.text == "为了确认一下，您是说五月一日的保费1280元被扣了两次，对吗？")
        #expect(model.item("paraphrase")?.evidence.first?.phrase == "为了确认一下")
        #expect(model.item("customer-name")?.evidence.map(\.text) == ["我姓王", "王先生"])
        #expect(model.passed)
    }

    @Test("The poor call from the material fails greeting, apology and customer-name, and is flagged for blaming")
    func poorCall() throws {
        let poor = try card("zh-poor-001")
        for id in ["greeting", "apology", "customer-name"] { #expect(poor.item(id)?.status == .fail, "\(id)") }
        let forbidden = try #require(poor.item("forbidden"))
        #expect(forbidden.status == .fail)
        #expect(forbidden.critical)
        #expect(
            forbidden.evidence.first
                == Evidence(
                    turn: 6, speaker: .agent, start: 23, text: "可能是你算错了", phrase: "可能是你算错了",
                    offsets: 7..<14))
        #expect(poor.criticalFailures == ["forbidden"])
        #expect(poor.score == 0)
        #expect(poor.item("customer-name")?.missing == ["the customer's name (刘先生/刘女士)"])
        #expect(poor.item("negative-wording")?.evidence.map(\.text).contains("可能") == true)
    }

    @Test("Every pass and fail carries evidence or names what was missing")
    func evidenceForEveryVerdict() throws {
        let (catalog, _) = RubricCatalog.load(directory: Fixtures.shippedRubrics)
        for card in cards {
            let rubric = try #require(catalog.rubric(id: card.rubric.id))
            let call = try #require(calls.first { $0.id == card.callID })
            for item in card.items {
                // Items that pass by absence (nothing forbidden, not too often, no hedging) have
                // nothing to quote; every other verdict quotes words or names what is missing.
                let passesByAbsence: Bool
                switch rubric.item(item.id)?.check {
                case .forbid?, .limit?, .metric?: passesByAbsence = true
                case .wording(let check)?:
                    if case .avoid = check.target { passesByAbsence = true } else { passesByAbsence = false }
                default: passesByAbsence = false
                }
                switch item.status {
                case .pass, .partial:
                    #expect(
                        !item.evidence.isEmpty || passesByAbsence, "\(card.callID) \(item.id) passes without evidence")
                case .fail:
                    #expect(
                        !item.evidence.isEmpty || !item.missing.isEmpty,
                        "\(card.callID) \(item.id) fails without evidence")
                case .na:
                    #expect(item.points == 0)
                }
                // Evidence quotes the transcript exactly.
                for evidence in item.evidence {
                    #expect(
                        call.turns[evidence.turn].text.contains(evidence.text),
                        "\(card.callID) \(item.id): \(evidence.text)")
                }
            }
        }
    }

    @Test("Traditional Chinese calls are scored by the simplified rubric, quoting the traditional words")
    func traditional() throws {
        let good = try card("zh-hant-renewal-031")
        #expect(good.rubric.id == "zh-standard")
        #expect(good.item("greeting")?.status == .pass)
        #expect(good.item("empathy")?.evidence.contains { $0.text == "確實讓人" && $0.speaker == .agent } == true)
        #expect(good.item("apology")?.evidence.contains { $0.text == "不滿" && $0.speaker == .customer } == true)
    }

    @Test("Agent summaries: calls, mean, min, max, pass rate and item pass rates")
    func agents() throws {
        let summaries = AgentSummary.summarize(cards)
        let li = try #require(summaries.first { $0.agent == "李伟" })
        #expect(li.calls == 2)
        #expect(li.passRate == 1)
        #expect(li.min <= li.mean && li.mean <= li.max)
        #expect(li.items.first { $0.id == "greeting" }?.passRate == 1)
        #expect(summaries.map(\.agent) == summaries.map(\.agent).sorted())
        #expect(summaries.reduce(0) { $0 + $1.calls } == cards.count)
    }
}
