import Foundation
import Testing

@Suite("callqa inspect, end to end")
struct InspectCommandTests {
    struct Document: Decodable {
        struct Call: Decodable {
            var id: String
            var source: Source
            var language: String
            var turns: [Turn]
        }
        struct Source: Decodable { var path: String }
        struct Turn: Decodable {
            var index: Int
            var role: String
            var text: String
            var line: Int
        }
        struct Problem: Decodable {
            var source: String
            var line: Int?
            var message: String
        }
        var calls: [Call]
        var errors: [Problem]
        var warnings: [Problem]
    }

    @Test("The README's main job: every shipped call is read, exit 0")
    func corpora() throws {
        let result = try CLI.run(["inspect", "corpora/", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let document = try JSONDecoder().decode(Document.self, from: result.stdoutData)
        #expect(document.calls.count >= 10)
        #expect(document.errors.isEmpty && document.warnings.isEmpty)
        #expect(Set(document.calls.map(\.language)) == ["zh-Hans", "zh-Hant", "en"])
        // Stable order: by path, then by position in the file.
        let paths = document.calls.map(\.source.path)
        #expect(paths == paths.sorted())
        #expect(paths.first == "corpora/en/address-change.xml")
    }

    @Test("Broken inputs are reported with file and line, the rest still printed, exit 1")
    func brokenInputs() throws {
        let result = try CLI.run([
            "inspect", "--format", "json", "corpora/en/billing-good.txt",
            "Tests/Fixtures/xml/truncated.xml", "Tests/Fixtures/text/invalid-utf8.txt",
            "Tests/Fixtures/no-such-file.txt",
        ])
        #expect(result.status == 1)
        let document = try JSONDecoder().decode(Document.self, from: result.stdoutData)
        #expect(document.calls.map(\.id) == ["en-billing-101", "t-1"])
        #expect(document.errors.count == 3)
        #expect(result.stderr.contains("Tests/Fixtures/text/invalid-utf8.txt:2: error: invalid UTF-8"))
        #expect(result.stderr.contains("Tests/Fixtures/xml/truncated.xml:9: error: malformed XML"))
        #expect(
            result.stderr.contains("Tests/Fixtures/no-such-file.txt: error: cannot read: no such file or directory"))
        #expect(result.stderr.contains("callqa: 3 of 4 inputs failed"))
    }

    @Test("Warnings go to standard error as file:line and do not fail the run")
    func warnings() throws {
        let result = try CLI.run(["inspect", "--format", "json", "Tests/Fixtures/text/labels.txt"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("Tests/Fixtures/text/labels.txt:29: warning: speaker \"Supervisor\""))
        let document = try JSONDecoder().decode(Document.self, from: result.stdoutData)
        #expect(document.warnings.count == 2)
    }

    @Test("Hostile XML: refused, nothing of /etc/passwd or the expansion printed")
    func hostileXML() throws {
        let result = try CLI.run([
            "inspect", "--format", "json", "Tests/Fixtures/xml/xxe.xml",
            "Tests/Fixtures/xml/billion-laughs.xml", "Tests/Fixtures/xml/deep-nesting.xml",
        ])
        #expect(result.status == 1)
        #expect(!result.stdout.contains("root:") && !result.stderr.contains("root:"))
        #expect(!result.stdout.contains("lollol"))
        #expect(result.stdoutData.count < 4096)
        let document = try JSONDecoder().decode(Document.self, from: result.stdoutData)
        #expect(document.calls.isEmpty)
        #expect(document.errors.count == 3)
    }

    @Test("'-' reads standard input, text or XML")
    func standardInput() throws {
        let text = try CLI.run(["inspect", "--format", "json", "-"], stdin: Data("Agent: hello\nCustomer: hi\n".utf8))
        #expect(text.status == 0)
        let first = try JSONDecoder().decode(Document.self, from: text.stdoutData)
        #expect(first.calls.map(\.id) == ["stdin"])
        #expect(first.calls.first?.source.path == "-")

        let xml = try Data(contentsOf: CLI.packageRoot.appendingPathComponent("Tests/Fixtures/xml/multi-call.xml"))
        let second = try CLI.run(["inspect", "--format", "json", "-"], stdin: xml)
        #expect(try JSONDecoder().decode(Document.self, from: second.stdoutData).calls.count == 3)
    }

    @Test(
        "--input-format overrides detection",
        arguments: [["--format", "json", "--input-format", "xml"], ["--input-format", "xml"]])
    func inputFormat(options: [String]) throws {
        let result = try CLI.run(["inspect"] + options + ["Tests/Fixtures/text/no-header.txt"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("malformed XML"))
        #expect(try JSONDecoder().decode(Document.self, from: result.stdoutData).calls.isEmpty)
    }

    @Test(
        "--format names outputs only: an input format there says to use --input-format",
        arguments: [["inspect", "--format", "xml"], ["score", "--format", "text"], ["explain", "--format", "vtt"]])
    func inputFormatInFormat(arguments: [String]) throws {
        let result = try CLI.run(arguments + ["corpora/en/billing-poor.txt"])
        #expect(result.status == 2)
        let value = arguments[2]
        #expect(
            result.stderr.contains(
                "'\(value)' is an input format: to read every input as \(value), give --input-format \(value)."))
        #expect(result.stdout.isEmpty)
    }

    @Test("The table shows every turn")
    func table() throws {
        let result = try CLI.run(["inspect", "--format", "table", "corpora/zh-Hans/model-call.txt"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("call zh-model-001 · agent 张丽 · zh-Hans · 13 turns"))
        #expect(result.stdout.contains("中国人寿客户服务部，我是张丽，您需要什么帮助？"))
    }

    @Test("Without --format, output to a pipe is JSON")
    func defaultFormat() throws {
        let result = try CLI.run(["inspect", "corpora/en/billing-poor.txt"])
        #expect(try JSONDecoder().decode(Document.self, from: result.stdoutData).calls.count == 1)
    }

    @Test(
        "Usage errors exit 2",
        arguments: [
            ["inspect"], ["inspect", "--format", "yaml", "corpora/"], ["inspect", "--input-format", "pdf", "corpora/"],
            ["inspect", "--format", "json", "--format", "table", "corpora/"],
            ["inspect", "--format", "xml", "corpora/"], ["inspect", "--format", "text", "corpora/"],
            ["no-such-command"],
        ])
    func usage(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains("Usage:") || result.stderr.contains("Error:"))
        #expect(result.stdout.isEmpty)
    }

    @Test("Help exits 0")
    func help() throws {
        let result = try CLI.run(["inspect", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--input-format"))
    }
}
