import Foundation
import Testing

/// `callqa compare`: two rubrics over the same calls, each call read once.
@Suite("callqa compare, end to end")
struct CompareCommandTests {
    @Test("Each read problem is reported once, the rest compared, exit 1; the same on any number of threads")
    func brokenInput() throws {
        let arguments = [
            "compare", "--rubric", "zh-standard", "--rubric", "Tests/Fixtures/rubrics/checks.yaml",
            "corpora/", "Tests/Fixtures/empty.txt", "--format", "json", "--any-language",
        ]
        let serial = try CLI.run(arguments + ["--jobs", "1"])
        #expect(serial.status == 1)
        #expect(serial.stderr == "Tests/Fixtures/empty.txt: error: empty input: no turns to read\n")
        let object = try JSONSerialization.jsonObject(with: serial.stdoutData) as? [String: Any]
        #expect(object?["calls"] as? Int == 12)
        let parallel = try CLI.run(arguments + ["--jobs", "3"])
        #expect(parallel.status == serial.status && parallel.stderr == serial.stderr)
        #expect(parallel.stdoutData == serial.stdoutData)
    }

    @Test("Two versions: the changed calls with the words that differ; as table, JSON and Markdown")
    func compare() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "callqa-compare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let changed = folder.appendingPathComponent("en-standard-1.1.yaml")
        try String(contentsOf: CLI.packageRoot.appendingPathComponent("rubrics/en-standard.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "version: 2.0.0", with: "version: 2.1.0")
            .replacingOccurrences(of: "[thank you for calling, ", with: "[")
            .write(to: changed, atomically: true, encoding: .utf8)
        let arguments = ["compare", "--rubric", "en-standard", "--rubric", changed.path, "corpora/en/"]
        let json = try CLI.run(arguments + ["--format", "json"])
        #expect(json.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        let changes = try #require(document["changes"] as? [[String: Any]])
        #expect(Set(changes.compactMap { $0["call"] as? String }) == ["en-billing-101", "en-service-201"])
        let table = try CLI.run(arguments + ["--format", "table"])
        #expect(table.stdout.contains("no longer matches: turn 10 agent \"Thank you for calling\""))
        let markdown = try CLI.run(arguments + ["--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("# en-standard 2.0.0 → en-standard 2.1.0"))
        #expect(try CLI.run(["compare", "--rubric", "en-standard", "corpora/en/"]).status == 2)
    }
}
