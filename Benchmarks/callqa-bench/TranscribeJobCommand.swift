import ArgumentParser
import CallQA
import CallQATestSupport
import Foundation

/// `callqa-bench transcribe-job`: one large Amazon Transcribe job, for
/// measuring the JSON reader's memory (`Benchmarks/json-memory.sh`).
struct TranscribeJobCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcribe-job",
        abstract: "Write one Amazon Transcribe job of generated speech, of at least the given size.")

    @Option(help: "The file's size in megabytes (10^6 bytes), at least.") var megabytes = 82
    @Option(help: "The language: en, zh-Hans or zh-Hant.") var language = "en"
    @Option(help: "The seed: the same seed writes the same file.") var seed: UInt64 = 1
    @Option(help: "The file to write.") var output: String

    func run() throws {
        guard let chosen = Language(rawValue: language) else { throw ValidationError("unknown language \(language)") }
        var generator = CorpusGenerator(seed: seed)
        let job = try generator.writeTranscribeJob(
            bytes: megabytes * 1_000_000, language: chosen, to: URL(fileURLWithPath: output))
        print("\(job.items) items, \(job.bytes) bytes (\(Measure.megabytes(job.bytes)) MB) in \(output)")
    }
}
