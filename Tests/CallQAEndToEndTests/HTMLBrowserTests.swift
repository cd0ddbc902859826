import CallQA
import CallQATestSupport
import Foundation
import Testing

/// The HTML pages loaded in a real browser: headless Chromium reads each
/// page once, and the tests read its DOM and its network log.
@Suite(
    "HTML pages in headless Chromium",
    .enabled(
        if: HeadlessChromium.available,
        "chromium is not installed: install Debian's 'chromium' (.ci/run does) to run the browser tests"))
struct HTMLBrowserTests {
    static let hostile = "Tests/Fixtures/html/hostile-call.txt"

    @Test("score --format html: every agent's figures and the distribution are those of score --format json")
    func scorePage() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("day.html")
        let html = try CLI.run(["score", "corpora/", "--format", "html", "--output", page.path])
        #expect(html.status == 0, "\(html.stderr)")
        let json = try Self.object(CLI.run(["score", "corpora/", "--format", "json"]).stdoutData)
        let load = try HeadlessChromium.load(page)
        #expect(load.pageRequests.isEmpty, "the page requested \(load.pageRequests)")
        #expect(load.dom.contains("<html lang=\"en\" class=\"script-on\">"), "the page's own script did not run")

        let calls = try #require(json["calls"] as? [[String: Any]])
        #expect(Self.fact("calls", in: load.dom) == String(calls.count))
        #expect(Self.fact("errors", in: load.dom) == "0")
        #expect(Self.fact("period", in: load.dom) == "2024-05-06/2024-05-10")
        // The histogram: calls per tenth of the score range.
        var bins = [Int](repeating: 0, count: 10)
        for call in calls { bins[min(9, Int(((call["score"] as? Double) ?? -1) / 10))] += 1 }
        let drawn = Self.matches(#"data-bin="[^"]*" data-count="(\d+)""#, in: load.dom).map { Int($0[0]) }
        #expect(drawn == bins)
        try Self.checkAgents(json, dom: load.dom)
    }

    @Test("report --format html: agents, items and conversation figures are those of report --format json")
    func reportPage() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let results = folder.appendingPathComponent("day.jsonl")
        let page = folder.appendingPathComponent("report.html")
        #expect(try CLI.run(["score", "corpora/", "--format", "jsonl", "--output", results.path]).status == 0)
        let html = try CLI.run(["report", results.path, "--format", "html", "--output", page.path])
        #expect(html.status == 0, "\(html.stderr)")
        let json = try Self.object(CLI.run(["report", results.path, "--format", "json"]).stdoutData)
        let load = try HeadlessChromium.load(page)
        #expect(load.pageRequests.isEmpty, "the page requested \(load.pageRequests)")
        #expect(Self.fact("calls", in: load.dom) == String(describing: json["calls"] ?? ""))
        try Self.checkAgents(json, dom: load.dom)

        let items = try #require(json["items"] as? [[String: Any]])
        let rows = Self.matches(#"<tr class="item-row" data-item="([^"]*)">(.*?)</tr>"#, in: load.dom)
        #expect(rows.map { $0[0] } == items.map { $0["id"] as? String ?? "" })
        for (row, item) in zip(rows, items) {
            let cells = Self.cells(row[1])
            #expect(cells["passRate"] == Self.number(item["passRate"]) ?? "", "item \(row[0])")
            for status in ["pass", "partial", "fail", "na"] {
                #expect(cells[status] == Self.number(item[status]), "item \(row[0]), \(status)")
            }
        }
        // Conversation figures: one row per agent with timed calls, each mean as in the JSON.
        let agents = try #require(json["agents"] as? [[String: Any]])
        let timed = agents.filter { $0["metrics"] is [String: Any] }
        #expect(!timed.isEmpty)
        for agent in timed {
            let name = try #require(agent["agent"] as? String)
            let metrics = try #require(agent["metrics"] as? [String: Any])
            let row = try #require(
                Self.matches(
                    #"<tr data-agent="\#(NSRegularExpression.escapedPattern(for: name))"><td>[^<]*</td>(<td class="num" data-field="timedCalls".*?)</tr>"#,
                    in: load.dom
                ).first)
            let cells = Self.cells(row[0])
            for (field, value) in metrics {
                #expect(cells[field] == Self.number(value) ?? "", "\(name): \(field)")
            }
        }
        // Each worst call links to its embedded section, which holds its scorecard.
        let anchors = Self.matches(##"<a href="#(call-\d+)">"##, in: load.dom).map { $0[0] }
        #expect(!anchors.isEmpty)
        for anchor in Set(anchors) { #expect(load.dom.contains("<section class=\"call\" id=\"\(anchor)\">")) }
    }

    @Test("report --store --format html --by week: the trend's figures are those of report --store --by week's JSON")
    func weeklyStorePage() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let calls = folder.appendingPathComponent("calls")
        try FileManager.default.createDirectory(at: calls, withIntermediateDirectories: true)
        // Six weeks of calls, three agents, twelve calls a day, from Monday 2024-04-01.
        var generator = CorpusGenerator(seed: 11)
        generator.callSize = 300...500
        let first = try #require(CallDay(metadata: "2024-04-01"))
        var batch: [Call] = []
        for number in 0..<(42 * 12) {
            var call = generator.call(number: number)
            call.agent = "agent \(number % 3)"
            call.metadata["date"] = CallDay(number: first.number + number / 12).text
            batch.append(call)
            if batch.count == 84 {
                try Data(CorpusGenerator.xmlDocument(batch).utf8).write(
                    to: calls.appendingPathComponent("week-\(number / 84).xml"))
                batch.removeAll()
            }
        }
        let store = folder.appendingPathComponent("qa.sqlite").path
        let score = try CLI.run(["score", calls.path, "--format", "jsonl", "--store", store])
        #expect(score.status == 0, "\(score.stderr)")
        let page = folder.appendingPathComponent("weekly.html")
        let html = try CLI.run(["report", "--store", store, "--by", "week", "--format", "html", "--output", page.path])
        #expect(html.status == 0, "\(html.stderr)")
        let trend = try Self.object(
            CLI.run(["report", "--store", store, "--by", "week", "--format", "json"]).stdoutData)
        let summary = try Self.object(CLI.run(["report", "--store", store, "--format", "json"]).stdoutData)
        let load = try HeadlessChromium.load(page)
        #expect(load.pageRequests.isEmpty, "the page requested \(load.pageRequests)")
        #expect(Self.fact("period", in: load.dom) == "2024-04-01/2024-05-12")
        try Self.checkAgents(summary, dom: load.dom)

        // Every agent's calls together, week by week.
        let overall = try #require(trend["overall"] as? [[String: Any]])
        #expect(overall.count == 6)
        let rows = Self.matches(#"<tr class="period-row" data-period="([^"]*)">(.*?)</tr>"#, in: load.dom)
        #expect(rows.map { $0[0] } == overall.map { $0["period"] as? String ?? "" })
        for (row, point) in zip(rows, overall) {
            let cells = Self.cells(row[1])
            for field in ["calls", "mean", "passRate", "meanChange", "passRateChange"] {
                #expect(cells[field] == (Self.number(point[field]) ?? ""), "\(row[0]): \(field)")
            }
        }
        #expect(Self.matches(#"<circle class="mean-point""#, in: load.dom).count == overall.count)

        // Each agent, week by week.
        let agents = try #require(trend["agents"] as? [[String: Any]])
        let series = Self.matches(#"<tr class="series-row" data-agent="([^"]*)">(.*?)</tr>"#, in: load.dom)
        #expect(series.map { $0[0] } == agents.map { $0["agent"] as? String ?? "" })
        for (row, agent) in zip(series, agents) {
            let periods = try #require(agent["periods"] as? [[String: Any]])
            let cells = Self.matches(
                #"data-period="([^"]*)" data-calls="([^"]*)" data-mean="([^"]*)" data-pass-rate="([^"]*)" data-mean-change="([^"]*)""#,
                in: row[1])
            #expect(cells.count == periods.count, "\(row[0])")
            for (cell, point) in zip(cells, periods) {
                #expect(cell[0] == point["period"] as? String, "\(row[0])")
                #expect(cell[1] == Self.number(point["calls"]), "\(row[0]) \(cell[0]): calls")
                #expect(cell[2] == Self.number(point["mean"]), "\(row[0]) \(cell[0]): mean")
                #expect(cell[3] == Self.number(point["passRate"]), "\(row[0]) \(cell[0]): pass rate")
                #expect(cell[4] == (Self.number(point["meanChange"]) ?? ""), "\(row[0]) \(cell[0]): change")
            }
        }
    }

    @Test(
        "A call with <script>, <img onerror>, javascript: links and bidi overrides renders as plain text",
        arguments: [["score", hostile, "--format", "html"], ["explain", hostile, "--format", "html"]])
    func hostileCall(arguments: [String]) throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("page.html")
        let run = try CLI.run(arguments + ["--output", page.path])
        #expect(run.status == 0, "\(run.stderr)")
        let load = try HeadlessChromium.load(page)
        #expect(load.pageRequests.isEmpty, "the page requested \(load.pageRequests)")
        // Every script of the transcript would retitle the page or mark the document.
        let title = try #require(Self.matches("<title>(.*?)</title>", in: load.dom).first?.first)
        #expect(title.hasPrefix("CallQA report") || title.hasPrefix("Call xss-001&lt;script&gt;"), "\(title)")
        #expect(
            Self.matches("<html([^>]*)>", in: load.dom).first == [
                " lang=\"en\"" + (arguments[0] == "score" ? " class=\"script-on\"" : "")
            ])
        // No element, attribute or URL of the transcript's: they are all text.
        let tags = Self.tags(in: load.dom)
        let names = Set(tags.map(\.name))
        for element in ["img", "iframe", "link", "object", "embed"] {
            #expect(!names.contains(element), "<\(element)> in the DOM")
        }
        #expect(tags.filter { $0.name == "script" }.count == (arguments[0] == "score" ? 1 : 0))
        #expect(tags.filter { $0.name == "style" }.count == 1)
        for tag in tags {
            for (name, value) in tag.attributes {
                #expect(!name.hasPrefix("on") && name != "style", "<\(tag.name) \(name)>")
                if name == "href" { #expect(value.hasPrefix("#"), "<\(tag.name) href=\(value)>") }
            }
        }
        // The transcript's words are there, as text.
        #expect(load.dom.contains("&lt;script&gt;document.title="))
        #expect(load.dom.contains("&lt;a href=\"javascript:document.title="))
        #expect(load.dom.contains("invoice\\u{202E}gnp.exe"))
        for scalar in ["\u{202E}", "\u{202D}", "\u{2066}", "\u{200F}"] { #expect(!load.dom.contains(scalar)) }
        // A script ran only where the page has its own: the table sorter of the report.
        #expect(load.dom.contains("class=\"script-on\"") == (arguments[0] == "score"))
    }

    @Test("The network check sees a page's loads: a page without CSP that loads an image and fetches is caught")
    func networkCheck() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("loads.html")
        try Data(
            #"<!DOCTYPE html><title>loads</title><img src="https://example.invalid/pixel.png"><script>fetch("http://example.invalid/data")</script>"#
                .utf8
        ).write(to: page)
        let load = try HeadlessChromium.load(page)
        #expect(load.pageRequests.contains("https://example.invalid/pixel.png"))
        #expect(load.pageRequests.contains("http://example.invalid/data"))
    }

    // MARK: - Reading pages

    /// Every agent row of the page against the JSON's `agents`: the values
    /// behind the figures, and the figures shown.
    static func checkAgents(_ json: [String: Any], dom: String) throws {
        let agents = try #require(json["agents"] as? [[String: Any]])
        let rows = matches(#"<tr class="agent-row[^"]*" data-agent="([^"]*)">(.*?)</tr>"#, in: dom)
        #expect(rows.map { $0[0] } == agents.map { $0["agent"] as? String ?? "" })
        for (row, agent) in zip(rows, agents) {
            let cells = cells(row[1])
            for field in ["calls", "mean", "median", "min", "max", "passRate"] {
                #expect(cells[field] == number(agent[field]), "\(row[0]): \(field)")
            }
            let shown = shownFigures(row[1])
            for field in ["mean", "median", "min", "max"] {
                #expect(Double(shown[field] ?? "") == agent[field] as? Double, "\(row[0]): \(field) shown")
            }
            let rate = (agent["passRate"] as? Double).map { "\(Int(($0 * 100).rounded()))%" }
            #expect(shown["passRate"] == rate, "\(row[0]): pass rate shown")
            let tooFew = agent["tooFewCalls"] as? Bool ?? false
            #expect(shown["calls"] == "\(agent["calls"] ?? "")" + (tooFew ? "*" : ""), "\(row[0]): calls shown")
            // The per-agent item pass rates, behind <details>.
            let items = try #require(agent["items"] as? [[String: Any]])
            let itemRow = try #require(
                matches(
                    #"<tr data-agent="\#(NSRegularExpression.escapedPattern(for: row[0]))"><td>[^<]*</td>(<td class="num[^"]*" data-item=.*?)</tr>"#,
                    in: dom
                ).first)
            let rates = Dictionary(
                matches(#"data-item="([^"]*)" data-value="([^"]*)""#, in: itemRow[0]).map { ($0[0], $0[1]) },
                uniquingKeysWith: { first, _ in first })
            for item in items where (item["applicable"] as? Int ?? 0) > 0 {
                #expect(rates[item["id"] as? String ?? ""] == number(item["passRate"]), "\(row[0]): item")
            }
        }
    }

    /// Every start tag of a serialised DOM, with its attributes (values
    /// unescaped only as far as the tests need: quoted, as Chromium writes them).
    static func tags(in dom: String) -> [(name: String, attributes: [(String, String)])] {
        let tag = #"<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'=<>/]+(?:\s*=\s*"[^"]*")?)*)\s*/?>"#
        let attribute = #"\s+([^\s"'=<>/]+)(?:\s*=\s*"([^"]*)")?"#
        return matches(tag, in: dom).map { groups in
            (groups[0].lowercased(), matches(attribute, in: groups[1]).map { ($0[0].lowercased(), $0[1]) })
        }
    }

    /// A fact of the header by its key: the value behind it.
    static func fact(_ key: String, in dom: String) -> String? {
        matches(#"<div data-fact="\#(key)"><dt>[^<]*</dt><dd data-value="([^"]*)""#, in: dom).first?.first
    }

    /// The `data-field` → `data-value` pairs of a row.
    static func cells(_ row: String) -> [String: String] {
        Dictionary(
            matches(#"data-field="([^"]*)" data-value="([^"]*)""#, in: row).map { ($0[0], $0[1]) },
            uniquingKeysWith: { first, _ in first })
    }

    /// The `data-field` → text shown pairs of a row.
    static func shownFigures(_ row: String) -> [String: String] {
        Dictionary(
            matches(#"data-field="([^"]*)" data-value="[^"]*"(?: data-sort="[^"]*")?>([^<]*)<"#, in: row)
                .map { ($0[0], $0[1].trimmingCharacters(in: .whitespaces)) },
            uniquingKeysWith: { first, _ in first })
    }

    /// A JSON number as JSON writes it (`95.8`, `1`), for comparing with the page's values.
    static func number(_ value: Any?) -> String? {
        guard let number = value as? NSNumber else { return nil }
        let double = number.doubleValue
        if double == double.rounded(), abs(double) < 1e15 { return String(Int64(double)) }
        return "\(double)"
    }

    /// The capture groups of every match of `pattern` in `text` (`.` matches line breaks).
    static func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let expression = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).map { match in
            (1..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }

    static func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("callqa-html-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
