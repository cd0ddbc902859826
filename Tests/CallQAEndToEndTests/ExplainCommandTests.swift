import Foundation
import Testing

@Suite("callqa explain, end to end")
struct ExplainCommandTests {
    @Test(
        "The plain-text explanation matches its snapshot",
        arguments: [
            ("corpora/zh-Hans/model-call.txt", "explain-zh-model-001.txt"),
            ("corpora/en/billing-poor.txt", "explain-en-billing-102.txt"),
        ])
    func snapshot(call: String, snapshot: String) throws {
        let result = try CLI.run(["explain", call], environment: ["NO_COLOR": "1"])
        #expect(result.status == 0)
        Snapshot.check(result.stdout, named: snapshot)
    }

    @Test(
        "Plain text marks evidence, positive and negative wording and forbidden phrases, and says what to say instead")
    func marks() throws {
        let result = try CLI.run(["explain", "corpora/zh-Hans/poor-call.txt"])
        #expect(result.stdout.contains("[!可能是你算错了]"))
        #expect(result.stdout.contains("[-我不知道]"))
        #expect(result.stdout.contains("[我姓刘]"))
        #expect(result.stdout.contains("✗ 开场问候 (greeting) · 0/15 · fail"))
        #expect(result.stdout.contains("What good looks like: 第一句话是"))
        #expect(result.stdout.contains("Say instead: \"中国人寿客户服务部，我是张丽，您需要什么帮助？\""))
        // Hedging is answered with the rubric's positive wording.
        let hedging = try #require(result.stdout.components(separatedBy: "(negative-wording)").last)
            .replacingOccurrences(of: "\n        ", with: "")
        #expect(hedging.contains("\"当然可以\""))
        #expect(!result.stdout.contains("\u{1B}[")) // no colour into a pipe
    }

    @Test("--format json is what score --format json gives for that call")
    func json() throws {
        let explained = try CLI.run(["explain", "--format", "json", "corpora/en/billing-good.txt"])
        let scored = try CLI.run(["score", "--format", "json", "corpora/en/billing-good.txt"])
        #expect(explained.status == 0)
        #expect(explained.stdout == scored.stdout)
    }

    @Test("--format markdown is a shareable write-up")
    func markdown() throws {
        let result = try CLI.run(["explain", "--format", "markdown", "corpora/en/billing-poor.txt"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("# Call en-billing-102 — 0 / 100, fail\n"))
        #expect(result.stdout.contains("## Transcript"))
        #expect(result.stdout.contains("~~You must have~~"))
        #expect(result.stdout.contains("*Maybe*"))
        #expect(result.stdout.contains("## What to improve"))
        #expect(result.stdout.contains("**Say instead:**"))
    }

    @Test("A file of several calls: every call, or the one --call names")
    func severalCalls() throws {
        let all = try CLI.run(["explain", "corpora/zh-Hans/2024-05-07-calls.xml"])
        #expect(all.stdout.components(separatedBy: "\nScorecard\n").count == 4)
        let one = try CLI.run(["explain", "--call", "zh-card-202", "corpora/zh-Hans/2024-05-07-calls.xml"])
        #expect(one.status == 0)
        #expect(one.stdout.hasPrefix("Call zh-card-202 · agent 王芳"))
        let missing = try CLI.run(["explain", "--call", "nope", "corpora/zh-Hans/2024-05-07-calls.xml"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no call with the id 'nope'"))
    }

    @Test("A broken call file is reported, exit 1")
    func broken() throws {
        let result = try CLI.run(["explain", "Tests/Fixtures/text/invalid-utf8.txt"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Tests/Fixtures/text/invalid-utf8.txt:2: error: invalid UTF-8"))
        #expect(result.stdout.isEmpty)
    }
}
