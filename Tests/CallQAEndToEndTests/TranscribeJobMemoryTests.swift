import CallQATestSupport
import Foundation
import Testing

@Suite("A large Amazon Transcribe job, end to end")
struct TranscribeJobMemoryTests {
    @Test(
        "inspect reads a 32 MB job of 200,000 words within 4 × the file's size, its words all kept",
        .enabled(if: CLI.canMeasure, "needs GNU time (apt-get install time)"))
    func peakMemory() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("callqa-job-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("job.json")
        var generator = CorpusGenerator(seed: 14)
        let job = try generator.writeTranscribeJob(bytes: 32_000_000, to: file)
        #expect(job.items > 200_000)

        let small = try CLI.measure(
            ["inspect", "--format", "json", "Tests/Fixtures/formats/same-call/en-hold.transcribe.json"])
        let large = try CLI.measure(["inspect", "--format", "json", "--max-input-size", "1G", file.path])
        #expect(small.status == 0 && large.status == 0)
        #expect(small.peakKilobytes > 0)
        let peak = large.peakKilobytes * 1024
        #expect(peak <= 4 * job.bytes, "peak \(peak) bytes for a file of \(job.bytes)")
        // Beyond what the process takes for a small file: the file held once, and what is kept of it.
        let growth = (large.peakKilobytes - small.peakKilobytes) * 1024
        #expect(growth <= 3 * job.bytes, "\(growth) bytes more than for a small file, for a file of \(job.bytes)")

        // Nothing was lost on the way: every word and mark is in a turn.
        let result = try CLI.run(["inspect", "--format", "json", "--max-input-size", "1G", file.path])
        struct Output: Decodable {
            struct Call: Decodable { var turns: [Turn] }
            struct Turn: Decodable { var text: String }
            var calls: [Call]
        }
        let output = try JSONDecoder().decode(Output.self, from: result.stdoutData)
        let call = try #require(output.calls.first)
        #expect(call.turns.reduce(0) { $0 + $1.text.filter { $0 != " " }.count } == job.characters)
    }
}
