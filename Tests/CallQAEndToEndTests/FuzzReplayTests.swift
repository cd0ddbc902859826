import Foundation
import Testing

@Suite("Fuzz targets: saved inputs replayed")
struct FuzzReplayTests {
    /// The fuzz targets, as `callqa-fuzz targets` lists them.
    static let targets = ["text", "xml", "trs", "eaf", "vtt", "srt", "json", "rubric", "labels", "results"]

    @Test("Every input a fuzzer saved runs through its target without a crash", arguments: FuzzReplay.replayed)
    func savedInput(_ fixture: String) throws {
        let target = String(fixture.prefix { $0 != "/" })
        let path = "Tests/Fixtures/fuzz/\(fixture)"
        let result = try FuzzReplay.run(["replay", target, path])
        #expect(result.status == 0, "\(fixture) stopped the replay: \(result.stderr)")
        #expect(result.stdout == "ok \(path)\n")
    }

    @Test(
        "Each target runs a well-formed input of its kind through reading, scoring and every output",
        arguments: [
            ("text", "corpora/en/billing-poor.txt"),
            ("xml", "corpora/zh-Hans/2024-05-07-calls.xml"),
            ("trs", "Tests/Fixtures/formats/same-call/zh-hold.trs"),
            ("eaf", "Tests/Fixtures/formats/same-call/en-hold.eaf"),
            ("vtt", "Tests/Fixtures/formats/same-call/zh-hold.vtt"),
            ("srt", "Tests/Fixtures/formats/same-call/en-hold.srt"),
            ("json", "Tests/Fixtures/formats/same-call/zh-hold.contact-lens.json"),
            ("rubric", "Tests/Fixtures/rubrics/checks.yaml"),
            ("labels", "Tests/Fixtures/labels/corpora.csv"),
            ("results", "Fuzz/seeds/results/corpora.jsonl"),
        ])
    func wellFormedInput(_ target: String, _ path: String) throws {
        let result = try FuzzReplay.run(["replay", target, path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "ok \(path)\n")
    }

    @Test("The targets are the ones the tool and the fuzz script know, and every fixture folder is one")
    func targetsAgree() throws {
        let listed = try FuzzReplay.run(["targets"])
        #expect(listed.status == 0)
        #expect(listed.stdout.split(separator: "\n").map(String.init) == Self.targets)
        let script = try String(
            contentsOf: CLI.packageRoot.appendingPathComponent("Scripts/fuzz.sh"), encoding: .utf8)
        #expect(script.contains("all_targets=(\(Self.targets.joined(separator: " ")))"))
        for fixture in FuzzReplay.saved {
            #expect(Self.targets.contains(String(fixture.prefix { $0 != "/" })), "\(fixture) is under no target")
        }
    }

    @Test("Each known open finding names a saved input once, with the signature the fuzz script matches")
    func knownOpenEntries() {
        let fixtures = FuzzReplay.knownOpen.map(\.fixture)
        #expect(Set(fixtures).count == fixtures.count, "an input is listed twice")
        for entry in FuzzReplay.knownOpen {
            #expect(FuzzReplay.saved.contains(entry.fixture), "\(entry.fixture) is not in Tests/Fixtures/fuzz")
            #expect(
                !entry.signature.isEmpty && !entry.message.isEmpty, "\(entry.fixture) needs a signature and a message")
        }
    }

    @Test("A replay of something that is not a target, or of no file, is a usage error")
    func usage() throws {
        #expect(try FuzzReplay.run(["replay", "pdf", "corpora/en/billing-good.txt"]).status == 2)
        #expect(try FuzzReplay.run(["replay", "text"]).status == 2)
        let missing = try FuzzReplay.run(["replay", "text", "Tests/Fixtures/no-such-file.txt"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot read Tests/Fixtures/no-such-file.txt"))
    }
}
