import CallQA
import Testing

/// Call days, ISO weeks and months, and trends counted from results.
@Suite("Trends by period")
struct ScoreTrendsTests {
    @Test(
        "A call's date reads as a day, with or without a time",
        arguments: [
            ("2024-05-09", "2024-05-09"), ("2024-05-09T14:03:00Z", "2024-05-09"), ("2024-05-09 08:00", "2024-05-09"),
            ("1969-12-31", "1969-12-31"), ("2000-02-29", "2000-02-29"),
        ])
    func days(text: String, expected: String) throws {
        #expect(try #require(CallDay(metadata: text)).text == expected)
    }

    @Test(
        "Text that is not a day leaves the call undated",
        arguments: [
            "", "2024-5-9", "2024-02-30", "2023-02-29", "2024-13-01", "2024-05-00", "09/05/2024", "2024-05-09x",
            "２０２４-05-09",
        ])
    func notDays(text: String) {
        #expect(CallDay(metadata: text) == nil)
    }

    @Test(
        "Weeks are ISO 8601 weeks: Monday first, week 1 holds the year's first Thursday",
        arguments: [
            ("2024-05-09", "2024-W19", "2024-05-06"), ("2024-12-30", "2025-W01", "2024-12-30"),
            ("2021-01-03", "2020-W53", "2020-12-28"), ("2026-01-01", "2026-W01", "2025-12-29"),
            ("2024-05-12", "2024-W19", "2024-05-06"), ("2024-05-13", "2024-W20", "2024-05-13"),
        ])
    func weeks(day: String, label: String, start: String) throws {
        let day = try #require(CallDay(metadata: day))
        let weekStart = ReportPeriod.week.start(of: day)
        #expect(weekStart.text == start)
        #expect(weekStart.weekday == 1)
        #expect(ReportPeriod.week.label(ofPeriodStarting: weekStart) == label)
    }

    @Test("Days and months start and are named as a calendar says")
    func daysAndMonths() throws {
        let day = try #require(CallDay(metadata: "2024-02-29"))
        #expect(ReportPeriod.month.start(of: day).text == "2024-02-01")
        #expect(ReportPeriod.month.label(ofPeriodStarting: ReportPeriod.month.start(of: day)) == "2024-02")
        #expect(ReportPeriod.day.label(ofPeriodStarting: day) == "2024-02-29")
        // Every day from 1900 to 2100 reads back as itself.
        for number in stride(from: -25_567, through: 47_482, by: 1) {
            let day = CallDay(number: number)
            #expect(CallDay(metadata: day.text) == day)
        }
    }

    @Test("--by takes agent, a period, or any metadata key but date")
    func groupings() {
        #expect(ReportGrouping("agent") == .agent)
        #expect(ReportGrouping("week") == .period(.week))
        #expect(ReportGrouping("queue") == .metadata("queue"))
        #expect(ReportGrouping("date") == nil)
        #expect(ReportGrouping("") == nil)
    }

    @Test("--rubric takes ID@VERSION, and a SHA-256 prefix when a version has several contents")
    func rubricChoices() throws {
        let rubric = RubricReference(id: "en-standard", version: "2.0.0", sha256: "abcdef0123")
        #expect(try #require(RubricChoice("en-standard@2.0.0")).matches(rubric))
        #expect(try #require(RubricChoice("en-standard@2.0.0@ABCD")).matches(rubric))
        #expect(!(try #require(RubricChoice("en-standard@2.0.0@abce")).matches(rubric)))
        #expect(!(try #require(RubricChoice("en-standard@1.0.0")).matches(rubric)))
        for text in ["en-standard", "@2.0.0", "en-standard@", "a@b@c@d"] { #expect(RubricChoice(text) == nil) }
    }

    private func record(_ agent: String?, _ date: String?, _ score: Double, queue: String? = nil) -> ScoreRecord {
        var metadata: [String: String] = [:]
        metadata["date"] = date
        metadata["queue"] = queue
        return ScoreRecord(
            callID: "call-\(agent ?? "none")-\(date ?? "none")-\(score)", agent: agent,
            rubric: RubricReference(id: "r", version: "1", sha256: "00"), score: score, passed: score >= 80,
            items: [], metadata: metadata)
    }

    @Test("Each agent's weeks carry calls, mean, pass rate and the change from the agent's previous week")
    func weeklyTrend() throws {
        var builder = ScoreTrends.Builder(grouping: .period(.week))
        for record in [
            record("Ana", "2024-05-06", 90), record("Ana", "2024-05-12", 70), record("Ana", "2024-05-20", 85),
            record("Bo", "2024-05-13", 60), record(nil, "2024-05-14", 100), record("Bo", nil, 50),
            record("Bo", "not a date", 50),
        ] {
            builder.add(record)
        }
        let trends = builder.trends
        #expect(trends.calls == 5)
        #expect(trends.undated == 2)
        #expect(trends.agents.map(\.agent) == ["(unknown)", "Ana", "Bo"])
        let ana = try #require(trends.agents.first { $0.agent == "Ana" })
        #expect(ana.points.map(\.label) == ["2024-W19", "2024-W21"])
        #expect(ana.points[0].calls == 2 && ana.points[0].mean == 80 && ana.points[0].passRate == 0.5)
        #expect(ana.points[0].previous == nil && ana.points[0].meanChange == nil)
        #expect(ana.points[1].previous == "2024-W19")
        #expect(ana.points[1].meanChange == 5 && ana.points[1].passRateChange == 0.5)
        #expect(trends.overall.map(\.label) == ["2024-W19", "2024-W20", "2024-W21"])
        #expect(trends.overall[1].calls == 2 && trends.overall[1].mean == 80 && trends.overall[1].meanChange == 0)
    }

    @Test("Counts handed over per agent and day fold into the same trend as the calls one by one")
    func countsFoldLikeCalls() {
        let records = [
            record("Ana", "2024-05-06", 90), record("Ana", "2024-05-06", 70), record("Ana", "2024-05-08", 85),
            record("Bo", "2024-05-31", 60), record("Bo", "2024-06-01", 100),
        ]
        var oneByOne = ScoreTrends.Builder(grouping: .period(.month))
        records.forEach { oneByOne.add($0) }
        var counted = ScoreTrends.Builder(grouping: .period(.month))
        counted.add(agent: "Ana", day: CallDay(metadata: "2024-05-06"), calls: 2, scoreTenths: 1600, passes: 1)
        counted.add(agent: "Ana", day: CallDay(metadata: "2024-05-08"), calls: 1, scoreTenths: 850, passes: 1)
        counted.add(agent: "Bo", day: CallDay(metadata: "2024-05-31"), calls: 1, scoreTenths: 600, passes: 0)
        counted.add(agent: "Bo", day: CallDay(metadata: "2024-06-01"), calls: 1, scoreTenths: 1000, passes: 1)
        #expect(oneByOne.trends == counted.trends)
        #expect(counted.trends.overall.map(\.label) == ["2024-05", "2024-06"])
    }

    @Test("Grouped by a metadata key, calls without it count under (none), with no change")
    func byMetadata() {
        var builder = ScoreTrends.Builder(grouping: .metadata("queue"))
        builder.add(record("Ana", "2024-05-06", 90, queue: "billing"))
        builder.add(record("Ana", "2024-05-07", 70, queue: "refunds"))
        builder.add(record("Bo", "2024-05-07", 60))
        let trends = builder.trends
        #expect(trends.overall.map(\.label) == ["(none)", "billing", "refunds"])
        #expect(trends.overall.allSatisfy { $0.start == nil && $0.meanChange == nil })
    }

    @Test("Dates filter results, both ends included; an undated call is left out once a date is given")
    func filter() throws {
        let filter = ReportFilter(from: CallDay(metadata: "2024-05-07"), to: CallDay(metadata: "2024-05-08"))
        #expect(!filter.includes(record("Ana", "2024-05-06", 90)))
        #expect(filter.includes(record("Ana", "2024-05-07", 90)))
        #expect(filter.includes(record("Ana", "2024-05-08T23:59:59", 90)))
        #expect(!filter.includes(record("Ana", "2024-05-09", 90)))
        #expect(!filter.includes(record("Ana", nil, 90)))
        #expect(ReportFilter().includes(record("Ana", nil, 90)))
    }

    @Test("Agent names and metadata values from transcripts are shown as text in the table, CSV and JSON")
    func hostileNames() throws {
        var builder = ScoreTrends.Builder(grouping: .period(.week))
        builder.add(record("\u{1B}]52;c;Y2F0\u{07}Ana\u{202E}", "2024-05-06", 90))
        builder.add(record("=HYPERLINK(\"http://x\")", "2024-05-07", 70))
        let trends = builder.trends
        let table = trends.table()
        #expect(!table.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" })
        #expect(table.contains("␛]52;c;Y2F0"))
        let csv = trends.csv
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
        #expect(!csv.unicodeScalars.contains { $0 == "\u{1B}" })
        let json = trends.jsonDocument(filter: ReportFilter(), rubrics: [])
        #expect(json.contains("\\u001b]52;c;Y2F0\\u0007Ana"))
        var byQueue = ScoreTrends.Builder(grouping: .metadata("queue"))
        byQueue.add(record("Bo", "2024-05-06", 90, queue: "<script>\u{1B}[2J"))
        #expect(!byQueue.trends.table().unicodeScalars.contains { $0 == "\u{1B}" })
    }
}
