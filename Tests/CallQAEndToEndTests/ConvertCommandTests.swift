import Foundation
import Testing

@Suite("callqa convert, end to end")
struct ConvertCommandTests {
    static let forms = ["vtt", "srt", "trs", "eaf", "transcribe.json", "contact-lens.json"]

    @Test("Every format converts to XML and plain text that read back to the same turns", arguments: forms)
    func roundTrip(form: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "callqa-convert-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = "Tests/Fixtures/formats/same-call/en-hold.\(form)"
        let original = try CLI.run(["inspect", "--format", "json", source])
        for target in ["xml", "text"] {
            let converted = try CLI.run(["convert", "--to", target, "--output-dir", folder.path, source])
            #expect(converted.status == 0, "\(converted.stderr)")
            let written = folder.appendingPathComponent(
                form.hasSuffix("json")
                    ? "en-hold.\(form.split(separator: ".")[0]).\(target == "text" ? "txt" : "xml")"
                    : "en-hold.\(target == "text" ? "txt" : "xml")")
            let back = try CLI.run(["inspect", "--format", "json", written.path])
            #expect(back.status == 0)
            #expect(try turns(back.stdoutData) == turns(original.stdoutData), "\(form) → \(target)")
        }
    }

    @Test("JSON Lines: one call per line; several calls to text need --output-dir")
    func streams() throws {
        let jsonl = try CLI.run(["convert", "--to", "jsonl", "Tests/Fixtures/formats/same-call/"])
        #expect(jsonl.status == 0)
        #expect(jsonl.stdout.split(separator: "\n").count == 16)
        let text = try CLI.run(["convert", "--to", "text", "Tests/Fixtures/formats/same-call/"])
        #expect(text.status == 2)
        #expect(text.stderr.contains("give --output-dir"))
        let broken = try CLI.run([
            "convert", "--to", "xml", "Tests/Fixtures/formats/malformed/no-tiers.eaf",
            "Tests/Fixtures/formats/same-call/en-hold.srt",
        ])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("<turn speaker=\"agent\" label=\"Agent Maria\" start=\"0\" end=\"4.2\">"))
        #expect(broken.stderr.contains("no-tiers.eaf:2: error"))
    }

    @Test("--agent-label decides the roles of a speech engine's speakers, with no warning")
    func agentLabel() throws {
        let result = try CLI.run([
            "score", "--format", "jsonl", "--agent-label", "spk_0", "--customer-label", "spk_1",
            "Tests/Fixtures/formats/same-call/en-hold.transcribe.json",
        ])
        #expect(result.status == 0)
        #expect(!result.stderr.contains("warning"))
        #expect(
            result.stdout.contains("\"interruptions\": {\"count\": 1")
                || result.stdout.contains("\"interruptions\":{\"count\":1"))
        let bad = try CLI.run([
            "score", "--speakers", "Tests/Fixtures/formats/malformed/bad-speakers.yaml",
            "Tests/Fixtures/formats/same-call/",
        ])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad-speakers.yaml:1: role of \"spk_1\" must be agent, customer or other"))
    }

    private func turns(_ data: Data) throws -> [[String]] {
        let document = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let call = (document["calls"] as! [[String: Any]])[0]
        return (call["turns"] as! [[String: Any]]).map { turn in
            [turn["role"] as! String, "\(turn["start"] ?? "")", "\(turn["end"] ?? "")", turn["text"] as! String]
        }
    }
}
