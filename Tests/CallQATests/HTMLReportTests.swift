import Foundation
import Testing

@testable import CallQA

@Suite("HTML report")
struct HTMLReportTests {
    /// `count` scorecards of one scored call, spread over `agents` agents and every score.
    static func batch(count: Int, agents: Int) throws -> (cards: [(Scorecard, Call)], rubric: Rubric) {
        let rubric = try Fixtures.shipped("en-standard")
        let call = try #require(Fixtures.corpusCalls().first { $0.id == "en-billing-102" })
        let card = Scorer(rubric).score(call)
        let cards = (0..<count).map { index in
            var copy = card
            copy.callID = "call-\(index)"
            copy.agent = "agent \(index % agents)"
            copy.score = Double((index * 37) % 101)
            copy.passed = copy.score >= rubric.passMark
            copy.metadata["date"] = "2024-05-\(10 + index % 7)"
            var dated = call
            dated.id = copy.callID
            dated.metadata["date"] = copy.metadata["date"]
            return (copy, dated)
        }
        return (cards, rubric)
    }

    @Test("A batch of 10,000 calls embeds only each agent's worst calls and lists at most 1,000 others")
    func largeBatch() throws {
        let (cards, rubric) = try Self.batch(count: 10_000, agents: 25)
        var report = HTMLReport()
        var summary = ScoreSummary()
        for (card, call) in cards {
            summary.add(ScoreRecord(card))
            report.add(card, call: call, rubric: rubric)
        }
        let page = report.html(summary: summary, diagnostics: [])
        let sections = page.components(separatedBy: "<section class=\"call\"").count - 1
        #expect(sections == 25 * HTMLReport.embeddedCallsPerAgent)
        let others = page.components(separatedBy: "<table class=\"sortable others\">").last ?? ""
        #expect(others.components(separatedBy: "<tr><td>").count - 1 == HTMLReport.otherCallLimit)
        #expect(page.contains("\(10_000 - 75 - HTMLReport.otherCallLimit) more calls, scoring higher"))
        #expect(page.contains("data-value=\"2024-05-10/2024-05-16\""))
        // A week of calls: the trend is drawn day by day.
        #expect(page.contains("<h2 id=\"trend\">Trend by day</h2>"))
        #expect(page.components(separatedBy: "<tr class=\"period-row\"").count - 1 == 7)
        #expect(page.utf8.count < 4_000_000)
        // Every agent's worst calls, as the agent summary names them, link to their sections.
        for agent in summary.agents() {
            for call in agent.worstCalls { #expect(page.contains("\">\(call)</a>")) }
        }
    }

    @Test("The calls embedded are the same whatever order the calls arrive in")
    func orderIndependent() throws {
        let (cards, rubric) = try Self.batch(count: 300, agents: 7)
        var forward = HTMLReport()
        var backward = HTMLReport()
        var summary = ScoreSummary()
        for (card, call) in cards {
            summary.add(ScoreRecord(card))
            forward.add(card, call: call, rubric: rubric)
        }
        for (card, call) in cards.reversed() { backward.add(card, call: call, rubric: rubric) }
        #expect(forward.html(summary: summary, diagnostics: []) == backward.html(summary: summary, diagnostics: []))
    }

    @Test(
        "The trend is drawn by day up to two weeks of calls, by week up to half a year, by month beyond",
        arguments: [(1, ReportPeriod.day), (14, .day), (15, .week), (183, .week), (184, .month), (900, .month)])
    func automaticPeriod(days: Int, period: ReportPeriod) {
        let first = CallDay(metadata: "2024-05-06")!
        #expect(HTMLReport.automaticPeriod(first: first, last: CallDay(number: first.number + days - 1)) == period)
    }

    @Test("A report whose calls carry no date draws no trend; one asked to count by month does")
    func trendPeriodChosen() throws {
        let (cards, rubric) = try Self.batch(count: 40, agents: 2)
        var undated = HTMLReport()
        var monthly = HTMLReport(trendPeriod: .month)
        var summary = ScoreSummary()
        for (card, call) in cards {
            summary.add(ScoreRecord(card))
            var bare = card
            bare.metadata = [:]
            undated.add(bare, call: call, rubric: rubric)
            monthly.add(card, call: call, rubric: rubric)
        }
        #expect(!undated.html(summary: summary, diagnostics: []).contains("id=\"trend\""))
        let page = monthly.html(summary: summary, diagnostics: [])
        #expect(page.contains("<h2 id=\"trend\">Trend by month</h2>"))
        #expect(page.contains("<tr class=\"period-row\" data-period=\"2024-05\">"))
    }

    @Test(
        "Only a day, or the day of an ISO 8601 time, counts as a call's date",
        arguments: [
            ("2024-05-06", "2024-05-06"), ("2024-05-06T09:30:00Z", "2024-05-06"), ("2024-05-06 09:30", "2024-05-06"),
            ("06/05/2024", nil), ("2024-5-6", nil), ("2024-05-06x", nil), ("", nil), ("2024-02-30", nil),
        ] as [(String, String?)])
    func day(text: String, day: String?) {
        #expect(CallDay(metadata: text)?.text == day)
    }

    @Test("Text is made visible before it is escaped: controls and bidirectional overrides are shown")
    func visibleText() {
        #expect(HTMLText.visible("a\u{202E}b\u{1B}c\nd") == "a\\u{202E}b␛c\nd")
        #expect(HTMLText.hashSource("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='")
    }
}
