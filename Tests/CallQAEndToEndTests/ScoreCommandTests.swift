import Foundation
import Testing

@Suite("callqa score, end to end")
struct ScoreCommandTests {
    struct Report: Decodable {
        struct Rubric: Decodable {
            var id: String
            var version: String
            var sha256: String
        }
        struct Call: Decodable {
            var id: String
            var agent: String?
            var rubric: String
            var score: Double
            var passed: Bool
            var criticalFailures: [String]
            var items: [Item]
            var wording: Wording
        }
        struct Item: Decodable {
            var id: String
            var status: String
            var points: Double
            var max: Double
            var note: String
            var missing: [String]
            var evidence: [Evidence]
        }
        struct Evidence: Decodable {
            var turn: Int
            var speaker: String
            var start: Double?
            var text: String
            var phrase: String
        }
        struct Wording: Decodable {
            var positive: Int
            var negative: Int
        }
        struct Agent: Decodable {
            var agent: String
            var calls: Int
            var mean: Double
            var min: Double
            var max: Double
            var passRate: Double
            var items: [ItemRate]
        }
        struct ItemRate: Decodable {
            var id: String
            var passRate: Double
            var applicable: Int
        }
        struct Problem: Decodable {
            var source: String
            var line: Int?
            var message: String
        }
        var rubrics: [Rubric]
        var calls: [Call]
        var agents: [Agent]
        var errors: [Problem]
    }

    @Test("The README's main job: every shipped call scored with the rubric for its language")
    func corpora() throws {
        let result = try CLI.run(["score", "corpora/", "--format", "json"])
        #expect(result.status == 0)
        let report = try JSONDecoder().decode(Report.self, from: result.stdoutData)
        #expect(report.calls.count == 12)
        #expect(Set(report.rubrics.map(\.id)) == ["zh-standard", "en-standard"])
        #expect(report.rubrics.allSatisfy { $0.sha256.count == 64 })
        #expect(
            Dictionary(uniqueKeysWithValues: report.rubrics.map { ($0.id, $0.version) }) == [
                "zh-standard": "2.1.0", "en-standard": "2.0.0",
            ])
        #expect(report.errors.isEmpty)
        let model = try #require(report.calls.first { $0.id == "zh-model-001" })
        #expect(model.rubric == "zh-standard" && model.passed)
        let poor = try #require(report.calls.first { $0.id == "zh-poor-001" })
        #expect(poor.criticalFailures == ["forbidden"])
        #expect(poor.items.first { $0.id == "forbidden" }?.evidence.first?.text == "可能是你算错了")
        #expect(report.agents.first { $0.agent == "李伟" }?.calls == 2)
        #expect(report.agents.reduce(0) { $0 + $1.calls } == 12)
    }

    @Test("--rubric takes a shipped rubric's id or a file")
    func rubricChoice() throws {
        let byID = try CLI.run(["score", "--rubric", "en-standard", "--format", "json", "corpora/en/billing-good.txt"])
        #expect(byID.status == 0)
        #expect(try JSONDecoder().decode(Report.self, from: byID.stdoutData).calls.first?.rubric == "en-standard")
        let byFile = try CLI.run([
            "score", "--rubric", "Tests/Fixtures/rubrics/checks.yaml", "--format", "json",
            "corpora/zh-Hans/model-call.txt",
        ])
        #expect(byFile.status == 0)
        let report = try JSONDecoder().decode(Report.self, from: byFile.stdoutData)
        #expect(report.rubrics.map(\.id) == ["checks"])
        #expect(report.calls.first?.items.count == 11)
    }

    @Test("A rubric with errors is never used: every problem with line and column, exit 2")
    func badRubric() throws {
        let result = try CLI.run(["score", "--rubric", "Tests/Fixtures/rubrics/invalid/many-problems.yaml", "corpora/"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr.contains(
                "Tests/Fixtures/rubrics/invalid/many-problems.yaml:5:7: error: 'pass' must be from 0 to 100, not 120"))
        #expect(result.stderr.split(separator: "\n").count >= 10)
        let unknown = try CLI.run(["score", "--rubric", "no-such-rubric", "corpora/"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("neither a rubric file nor a shipped rubric"))
    }

    @Test("Broken inputs and calls no rubric suits are reported; the rest are scored; exit 1")
    func failures() throws {
        let result = try CLI.run([
            "score", "--format", "json", "corpora/en/billing-good.txt",
            "Tests/Fixtures/xml/truncated.xml", "Tests/Fixtures/text/labels.txt",
        ])
        #expect(result.status == 1)
        let report = try JSONDecoder().decode(Report.self, from: result.stdoutData)
        #expect(report.calls.map(\.id) == ["en-billing-101", "t-1"])
        #expect(report.errors.count == 2)
        #expect(result.stderr.contains("Tests/Fixtures/text/labels.txt:1: error: call labels-001 not scored"))
        #expect(result.stderr.contains("Tests/Fixtures/xml/truncated.xml:9: error: malformed XML"))
    }

    @Test("CSV: a header, one row per call, one column per item, quoted where needed")
    func csv() throws {
        let result = try CLI.run(["score", "--format", "csv", "corpora/"])
        #expect(result.status == 0)
        let rows = CSV.parse(result.stdout)
        #expect(rows.count == 13)
        let header = rows[0]
        #expect(
            Array(header.prefix(9)) == [
                "id", "source", "agent", "language", "rubric", "version", "sha256", "score", "passed",
            ])
        #expect(rows.dropFirst().allSatisfy { $0[6].count == 64 })
        #expect(header.contains("greeting") && header.contains("negative-wording"))
        #expect(rows.dropFirst().allSatisfy { $0.count == header.count })
        let model = try #require(rows.first { $0.first == "zh-model-001" })
        #expect(model[header.firstIndex(of: "greeting")!] == "pass")
        #expect(model[header.firstIndex(of: "passed")!] == "true")
    }

    @Test("--output writes the file, not standard output")
    func outputFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("callqa-\(UUID().uuidString).json")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CLI.run(["score", "--format", "json", "--output", path, "corpora/en/"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let report = try JSONDecoder().decode(Report.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(report.calls.count == 4)
        // Writing over an existing file replaces it whole.
        #expect(try CLI.run(["score", "--format", "json", "--output", path, "corpora/zh-Hant/"]).status == 0)
        let replaced = try JSONDecoder().decode(Report.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(replaced.calls.count == 2)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
            .filter { $0.hasPrefix("." + URL(fileURLWithPath: path).lastPathComponent) }
        #expect(leftovers.isEmpty)
    }

    @Test("The table lists calls, agents and item pass rates")
    func table() throws {
        let result = try CLI.run(["score", "--format", "table", "corpora/"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("zh-poor-001"))
        #expect(result.stdout.contains("forbidden!"))
        #expect(result.stdout.contains("pass rate"))
        #expect(result.stdout.contains("rubric zh-standard 2.1.0 (sha256 "))
        for line in result.stdout.split(separator: "\n") {
            let columns = line.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
            #expect(columns <= 100, "\(line)")
        }
    }
}

/// Whether a terminal shows `scalar` in two columns (East Asian wide and full-width forms).
private func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6:
        true
    default:
        false
    }
}

/// A reader of RFC 4180 CSV, enough to check what `callqa` writes.
enum CSV {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        field.unicodeScalars.append("\"")
                        scalars.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                row.append(field)
                field = ""
            } else if scalar == "\r" || scalar == "\n" {
                if scalar == "\r" && scalars.first == "\n" { scalars.removeFirst() }
                row.append(field)
                field = ""
                rows.append(row)
                row = []
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}

@Suite("callqa rubric lint, end to end")
struct RubricLintCommandTests {
    @Test("Warnings with file, line and column; shipped rubrics by id; exit 0")
    func warnings() throws {
        let result = try CLI.run(["rubric", "lint", "Tests/Fixtures/rubrics/lint-warnings.yaml", "zh-standard"])
        #expect(result.status == 0)
        #expect(
            result.stderr.contains(
                "Tests/Fixtures/rubrics/lint-warnings.yaml:22:13: warning: item 'silent' has weight 0"))
        #expect(result.stdout.contains("lint-warnings 1.0.0 — 3 items, 9 phrases; 0 errors, 7 warnings"))
        #expect(result.stdout.contains("zh-standard 2.1.0 — 12 items"))
    }

    @Test("A rubric with errors: every error, exit 1")
    func errors() throws {
        let result = try CLI.run(["rubric", "lint", "Tests/Fixtures/rubrics/invalid/many-problems.yaml"])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "Tests/Fixtures/rubrics/invalid/many-problems.yaml:2:10: error: 'version' must be a semantic version"))
        #expect(result.stdout.contains("10 errors"))
    }
}

@Suite("callqa calibrate, end to end")
struct CalibrateCommandTests {
    @Test("Agreement, totals and disagreements; bad rows reported; exit 1")
    func calibrate() throws {
        let result = try CLI.run([
            "calibrate", "--human", "Tests/Fixtures/labels/corpora.csv", "corpora/", "--format", "json",
        ])
        #expect(result.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        let items = try #require(report["items"] as? [[String: Any]])
        #expect(items.first?["id"] as? String == "greeting")
        #expect(items.first?["kappa"] as? Double == 0.78)
        #expect((report["total"] as? [String: Any])?["withinTen"] as? Double == 0.5)
        #expect(
            result.stderr.contains(
                "Tests/Fixtures/labels/corpora.csv:10: error: call 'no-such-call' is not among the calls scored"))
        #expect(result.stderr.contains("Tests/Fixtures/labels/corpora.csv:12: error: 2 fields where the header has 8"))
        let clean = try CLI.run([
            "calibrate", "--human", "Tests/Fixtures/labels/all-agree.csv", "corpora/zh-Hans/", "--format", "table",
        ])
        #expect(clean.status == 0)
        #expect(clean.stdout.contains("within ±10: 100%"))
    }
}

@Suite("callqa rubric test, end to end")
struct RubricTestCommandTests {
    @Test("Shipped rubrics pass their cases; a failing case is shown with its evidence and exit 1")
    func rubricTest() throws {
        let shipped = try CLI.run(["rubric", "test", "zh-standard", "en-standard"])
        #expect(shipped.status == 0)
        #expect(shipped.stdout.contains("0 failed"))
        #expect(shipped.stdout.contains("precision  recall"))
        let failing = try CLI.run(["rubric", "test", "Tests/Fixtures/rubrics/with-cases.yaml"])
        #expect(failing.status == 1)
        #expect(
            failing.stdout.contains(
                "FAIL Tests/Fixtures/rubrics/with-cases.yaml:30: wrongly expects a pass"
                    + " — apology: expected pass, got fail"
            ))
        #expect(failing.stdout.contains("4 cases, 4 verdicts, 1 failed"))
    }
}
