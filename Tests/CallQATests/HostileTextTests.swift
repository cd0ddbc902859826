import Foundation
import Testing

@testable import CallQA

/// The shared mechanisms that keep words from inputs inert in every output:
/// terminal text, Markdown, CSV cells; unique call ids; rubric limits.
@Suite("Hostile text in outputs, ids and rubrics")
struct HostileTextTests {
    static let escapeCodes = "hostile/escape-codes.txt"

    @Test("Terminal text: C0, DEL, C1, bidirectional and line-separator characters shown visibly")
    func terminalText() {
        #expect(TerminalText.visible("a\u{1B}]52;c;aGk=\u{07}b") == "a␛]52;c;aGk=␇b")
        #expect(TerminalText.visible("x\u{9B}31m\u{7F}\u{202E}\u{2028}") == "x\\u{9B}31m␡\\u{202E}\\u{2028}")
        #expect(TerminalText.visible("one\ntwo") == "one␊two")
        #expect(TerminalText.visible("one\ntwo\r", keepingLineBreaks: true) == "one\ntwo␍")
        #expect(TerminalText.visible("感谢来电, thanks") == "感谢来电, thanks")
    }

    /// Every escape sequence in `text` is a colour (SGR: `ESC [ digits ; m`).
    private func onlyColours(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            if scalar.value == 0x0A { continue }
            if scalar.value == 0x1B {
                guard scalars.popFirst() == "[" else { return false }
                while let next = scalars.first, next == ";" || ("0"..."9").contains(next) { scalars.removeFirst() }
                guard scalars.popFirst() == "m" else { return false }
                continue
            }
            if TerminalText.needsEscape(scalar) { return false }
        }
        return true
    }

    @Test("Every terminal writer, coloured or not, writes no escape sequence of its input's")
    func writers() throws {
        let call = try #require(Fixtures.read(Self.escapeCodes).call)
        let rubric = try Fixtures.shipped("en-standard")
        let card = Scorer(rubric).score(call)
        var summary = ScoreSummary()
        summary.add(ScoreRecord(card))
        for colour in [false, true] {
            let table = ScoreTable(style: TerminalStyle(enabled: colour))
            let explanation = CallExplanation(call: call, scorecard: card, rubric: rubric)
            let outputs = [
                table.header() + table.row(card) + table.summary(summary),
                explanation.plainText(colour: colour, width: 60),
                InspectTable(width: 60).render(call),
            ]
            for output in outputs {
                #expect(onlyColours(output))
                #expect(output.contains("␛]52;c;"))
            }
        }
        let labels = HumanLabels(
            labels: [
                .init(callID: card.callID, evaluator: "\u{1B}[5mAnn", total: 0, verdicts: ["greeting": .fail], line: 2)
            ], items: ["greeting"])
        #expect(onlyColours(CalibrationReport(scorecards: [card], labels: labels).table()))
        #expect(onlyColours(RubricComparison(first: rubric, second: rubric, pairs: [(card, card)]).text()))
    }

    @Test("Wrapped turns keep their width with control characters shown")
    func wrapping() {
        let text = String(repeating: "\u{1B}", count: 30)
        let lines = CallExplanation.render(
            text, marks: Array(repeating: nil, count: 30), style: TerminalStyle(enabled: false), width: 20)
        #expect(lines.map { DisplayWidth.of($0) } == [20, 10])
    }

    @Test("Markdown text: HTML entities, inline punctuation escaped, no block at a line's start")
    func markdownText() {
        #expect(
            MarkdownText.inline("<script>x</script> & [a](javascript:b)")
                == "&lt;script&gt;x&lt;/script&gt; &amp; \\[a\\](javascript:b)")
        #expect(
            MarkdownText.inline("# title\n- item\n12. twelve\n+ plus") == "\\# title\n\\- item\n12\\. twelve\n\\+ plus")
        #expect(MarkdownText.inline("`code` *em* _u_ ~~s~~ a|b") == "\\`code\\` \\*em\\* \\_u\\_ \\~\\~s\\~\\~ a\\|b")
        #expect(MarkdownText.cell("a\nb") == "a<br>b")
        #expect(MarkdownText.code("a`b|c\u{1B}") == "a'b\\|c␛")
        #expect(MarkdownText.inline("zh-poor-001, 3.5 - 2") == "zh-poor-001, 3.5 - 2")
    }

    @Test(
        "CSV cells: formulas neutralised (OWASP), numbers kept, controls visible, quoting as RFC 4180",
        arguments: [
            ("=1+1", "'=1+1"), ("+cmd", "'+cmd"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"), ("\rx", "\"'\rx\""), ("-12.5", "-12.5"), ("1e-3", "1e-3"), ("zh-001", "zh-001"),
            ("a,b", "\"a,b\""), ("=\"x\",y", "\"'=\"\"x\"\",y\""), ("a\u{1B}[2Jb", "a␛[2Jb"), ("", ""),
        ])
    func csvCells(input: String, cell: String) {
        #expect(CSVText.cell(input) == cell)
    }

    @Test("The score CSV: metric columns prefixed; an item named as another column is prefixed too")
    func csvHeader() {
        let csv = ScoreCSV(itemIDs: ["greeting", "interruptions", "score", "metric_deadAir"])
        let header = csv.header.trimmingCharacters(in: .newlines).components(separatedBy: ",")
        #expect(Set(header).count == header.count)
        #expect(header.contains("interruptions") && header.contains("metric_interruptions"))
        #expect(header.contains("item_score") && header.contains("item_metric_deadAir"))
        let agents = csv.agentHeader.trimmingCharacters(in: .newlines).components(separatedBy: ",")
        #expect(Set(agents).count == agents.count)
    }

    @Test("Call ids: the second call with an id gets the first free id#N, with a warning naming both places")
    func callIDs() {
        var ids = CallIDs()
        #expect(ids.claim("c", source: Call.Source(path: "a/c.txt", line: 1)).id == "c")
        #expect(ids.claim("c#2", source: Call.Source(path: "x.txt", line: 1)).id == "c#2")
        let (second, warning) = ids.claim("c", source: Call.Source(path: "b/c.txt", line: 1))
        #expect(second == "c#3")
        #expect(
            warning?.description == "b/c.txt:1: warning: call id 'c' is already the id of the call at a/c.txt:1;"
                + " this call is 'c#3' in the results")
        #expect(ids.shared["c"]?.map(\.path) == ["a/c.txt", "b/c.txt"])
        #expect(ids.shared["c#2"] == nil)
    }

    @Test("Calibration pairs no label with an id two scorecards have")
    func ambiguousLabels() throws {
        let rubric = try Fixtures.shipped("en-standard")
        let call = try #require(Fixtures.read(Self.escapeCodes).call)
        let card = Scorer(rubric).score(call)
        let labels = HumanLabels(
            labels: [.init(callID: card.callID, evaluator: nil, total: 50, verdicts: ["greeting": .fail], line: 2)],
            items: ["greeting"])
        #expect(CalibrationReport(scorecards: [card], labels: labels).labelledCalls == 1)
        #expect(CalibrationReport(scorecards: [card, card], labels: labels).labelledCalls == 0)
    }

    @Test("Results: a score outside 0–100 is not a result", arguments: [150.0, -50, 1e308])
    func scoreRange(score: Double) {
        let line =
            #"{"id":"c","agent":"a","rubric":"r","rubricVersion":"1.0.0","rubricSha256":"x","score":"#
            + "\(score)" + #","passed":true,"items":[]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ScoreRecord.self, from: Data(line.utf8)) }
    }

    @Test("JSON escapes DEL and C1 controls too")
    func json() {
        #expect(JSONWriter.quoted("a\u{7F}\u{9B}b\u{C9}") == "\"a\\u007f\\u009bbÉ\"")
    }

    // MARK: rubric limits

    private func rubric(lists: String, extra: String = "") -> String {
        """
        id: limits
        version: 1.0.0
        title: Limits
        languages: [en]
        pass: 50
        \(extra)lists:
        \(lists)
        items:
          - id: greeting
            title: Greeting
            weight: 1
            description: Greet.
            check: {kind: phrase, groups: [{name: hello, list: hello}]}
        """
    }

    private func problems(_ yaml: String) -> [String] {
        do {
            _ = try Rubric(yaml: yaml, source: "big.yaml")
            return []
        } catch {
            return error.problems.map(\.message)
        }
    }

    @Test("Too many phrases: refused at load, so lint and score agree")
    func phraseLimit() {
        let phrases = (0...RubricLimits.standard.phrases).map { "w\($0)" }.joined(separator: ", ")
        let messages = problems(rubric(lists: "  hello: [\(phrases)]"))
        #expect(messages.contains { $0.contains("phrases; the limit is \(RubricLimits.standard.phrases)") })
    }

    @Test("Phrases that compile to too many automaton states: refused at load")
    func stateLimit() {
        let long = String(repeating: "x", count: 2_000)
        let phrases = (0..<80).map { "\"\(long)\($0)\"" }.joined(separator: ", ")
        let messages = problems(rubric(lists: "  hello: [\(phrases)]"))
        #expect(messages.contains { $0.contains("automaton states") && $0.contains("the limit is 131072") })
    }

    @Test("A file over the size limit, and an alias bomb, are refused before they are parsed")
    func fileAndAliases() {
        let big = rubric(lists: "  hello: [hi]", extra: "# " + String(repeating: "x", count: 1 << 20) + "\n")
        #expect(problems(big).contains { $0.contains("bytes; the limit is \(1 << 20)") })
        var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            bomb +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        #expect(problems(bomb).contains { $0.contains("YAML values") })
    }

    @Test("The shipped rubrics are far within the limits")
    func shippedWithinLimits() throws {
        for name in ["zh-standard", "en-standard"] {
            let size = RubricLimits.size(of: try Fixtures.shipped(name))
            #expect(size.phrases * 10 < RubricLimits.standard.phrases)
            #expect(size.automatonStates * 10 < RubricLimits.standard.automatonStates)
        }
    }

    // MARK: rubric precedence

    @Test("Discovery: a working-directory twin with other content is refused; a non-rubric is skipped")
    func discovery() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("callqa-discover-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let installed = root.appendingPathComponent("install/share/callqa/rubrics")
        let working = root.appendingPathComponent("work/rubrics")
        for folder in [installed, working] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let shipped = try String(
            contentsOf: Fixtures.shippedRubrics.appendingPathComponent("en-standard.yaml"), encoding: .utf8)
        try shipped.write(to: installed.appendingPathComponent("en-standard.yaml"), atomically: true, encoding: .utf8)
        try shipped.replacingOccurrences(of: "critical: true", with: "critical: false")
            .write(to: working.appendingPathComponent("en-standard.yaml"), atomically: true, encoding: .utf8)
        try "- just\n- a list\n".write(
            to: working.appendingPathComponent("notes.yaml"), atomically: true, encoding: .utf8)
        let discovery = RubricCatalog.discover(
            environment: [:], executable: root.appendingPathComponent("install/bin/callqa"),
            currentDirectory: root.appendingPathComponent("work").path)
        #expect(discovery.errors.count == 1)
        #expect(discovery.errors.first?.description.contains("refused: it has the id and version") == true)
        #expect(discovery.warnings.map(\.message) == ["not a rubric (its top level is not a mapping of keys); skipped"])
        #expect(discovery.catalog.rubrics.map(\.source) == [installed.appendingPathComponent("en-standard.yaml").path])
        #expect(discovery.fromWorkingDirectory.isEmpty)
    }
}
