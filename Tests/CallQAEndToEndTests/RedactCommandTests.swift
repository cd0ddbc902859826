import Foundation
import Testing

/// `--redact` on every command that prints transcript text, a rubric's
/// `redact: true`, and `--no-redact`.
@Suite("--redact, end to end")
struct RedactCommandTests {
    static let zh = "Tests/Fixtures/privacy/zh-annual-fee.txt"
    static let en = "Tests/Fixtures/privacy/en-annual-fee.txt"
    static let folder = "Tests/Fixtures/privacy"
    static let before = "Tests/Fixtures/privacy/readback-1.0.0.yaml"
    static let after = "Tests/Fixtures/privacy/readback-1.1.0.yaml"
    static let redacting = "Tests/Fixtures/privacy/readback-1.2.0.yaml"
    static let labels = "Tests/Fixtures/privacy/labels.csv"

    /// Personal data the fixtures hold, as written there; none may be printed once redacted.
    static let personalData = [
        "6222 0202", "2233", "440304199003072531", "幺三八", "138-1234-5678", "13912345678", "sun.lei@", "4111",
        "four one five", "tom.becker@", "555-0132",
    ]

    /// Each command that prints transcript text, and whether the output
    /// quotes personal data when not redacted (tables and CSV of scores
    /// quote no transcript text).
    static let commands: [([String], Bool)] = [
        (["score", "--format", "json", zh, en], true),
        (["score", "--format", "jsonl", zh, en], true),
        (["score", "--format", "csv", zh, en], false),
        (["score", "--format", "table", zh, en], false),
        (["explain", zh], true),
        (["explain", en, "--format", "markdown"], true),
        (["explain", en, "--format", "json"], true),
        (["inspect", "--format", "json", zh, en], true),
        (["inspect", "--format", "table", zh, en], true),
        (["convert", "--to", "xml", zh, en], true),
        (["convert", "--to", "jsonl", zh, en], true),
        (["convert", "--to", "text", en], true),
        (["compare", "--rubric", before, "--rubric", after, folder], true),
        (["calibrate", "--human", labels, folder, "--rubric", after, "--format", "table"], true),
        (["calibrate", "--human", labels, folder, "--rubric", after, "--format", "json"], true),
        (["rubric", "suggest", "--human", labels, folder, "--rubric", before, "--min-support", "1"], true),
    ]

    @Test("--redact masks every piece of personal data in every output", arguments: commands)
    func masks(_ command: [String], quotes: Bool) throws {
        let result = try CLI.run(command + ["--redact"], environment: ["NO_COLOR": "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.isEmpty)
        for data in Self.personalData {
            #expect(!result.stdout.contains(data), "\(command.prefix(2)) prints \(data)")
        }
        let plain = try CLI.run(command, environment: ["NO_COLOR": "1"])
        #expect(Self.personalData.contains { plain.stdout.contains($0) } == quotes)
    }

    @Test("Without --redact the same outputs quote what was said, and score the same")
    func quotesWithout() throws {
        let plain = try CLI.run(["explain", Self.zh, "--format", "json"])
        let redacted = try CLI.run(["explain", Self.zh, "--format", "json", "--redact"])
        #expect(plain.stdout.contains("6222 0202 0011 2233 446"))
        #expect(redacted.stdout.contains("**** **** **** **** ***"))
        func scores(_ output: String) -> [String] {
            output.split(separator: "\n").filter { line in
                ["\"score\"", "\"status\"", "\"points\"", "\"offsets\"", "\"passed\""].contains { line.contains($0) }
            }.map(String.init)
        }
        #expect(scores(plain.stdout) == scores(redacted.stdout))
        #expect(!scores(plain.stdout).isEmpty)
    }

    @Test("A rubric's redact: true masks by default; --no-redact shows the words")
    func rubricDefault() throws {
        let scored = try CLI.run(["score", "--format", "json", "--rubric", Self.redacting, Self.en])
        #expect(scored.status == 0)
        #expect(scored.stdout.contains("**** **** **** ****"))
        #expect(!scored.stdout.contains("4111"))
        let shown = try CLI.run(["score", "--format", "json", "--rubric", Self.redacting, Self.en, "--no-redact"])
        #expect(shown.stdout.contains("4111 1111 1111 1111"))

        // compare: either rubric asking for redaction is enough.
        let compared = try CLI.run([
            "compare", "--rubric", Self.before, "--rubric", Self.redacting, Self.folder, "--format", "table",
        ])
        #expect(compared.stdout.contains("now matches: turn 2 agent"))
        #expect(!compared.stdout.contains("4111") && !compared.stdout.contains("6222"))
        let comparedPlain = try CLI.run([
            "compare", "--rubric", Self.before, "--rubric", Self.redacting, Self.folder, "--no-redact", "--format",
            "table",
        ])
        #expect(comparedPlain.stdout.contains("4111 1111 1111 1111"))

        // calibrate quotes the machine's evidence for the calls it disagrees on.
        let calibrated = try CLI.run([
            "calibrate", "--human", Self.labels, Self.folder, "--rubric", Self.redacting, "--format", "table",
        ])
        #expect(calibrated.stdout.contains("卡号**** **** **** **** ***"))
        let calibratedPlain = try CLI.run([
            "calibrate", "--human", Self.labels, Self.folder, "--rubric", Self.redacting, "--format", "table",
            "--no-redact",
        ])
        #expect(calibratedPlain.stdout.contains("卡号6222 0202 0011 2233 446"))
    }

    @Test("rubric suggest quotes examples masked")
    func suggestions() throws {
        let arguments = [
            "rubric", "suggest", "--human", Self.labels, Self.folder, "--rubric", Self.before, "--min-support", "1",
            "--item", "readback",
        ]
        let plain = try CLI.run(arguments)
        #expect(plain.stdout.contains("4111 1111 1111 1111, correct?"))
        let redacted = try CLI.run(arguments + ["--redact"])
        #expect(redacted.stdout.contains("**** **** **** ****, correct?"))
    }

    @Test("inspect and convert mask metadata values too; --help names the flags")
    func metadataAndHelp() throws {
        let inspected = try CLI.run(["inspect", "--format", "json", "--redact", Self.zh])
        #expect(inspected.stdout.contains("\"caller\": \"***********\""))
        let converted = try CLI.run(["convert", "--to", "text", "--redact", Self.en])
        #expect(converted.stdout.contains("# phone: +* (***) ***-****"))
        let help = try CLI.run(["score", "--help"])
        #expect(help.stdout.contains("--redact") && help.stdout.contains("--no-redact"))
    }
}
