import ArgumentParser
import CallQA
import CallQATestSupport
import Foundation

/// Throughput benchmarks for CallQA: a corpus generator, stage-by-stage
/// timings in process, and a rubric with many more phrases for cost growth.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "callqa-bench",
        abstract: "Generate benchmark corpora and measure CallQA's throughput.",
        subcommands: [
            GenerateCommand.self, StagesCommand.self, GrowRubricCommand.self, AlternativesCommand.self,
            ExtremesCommand.self, TranscribeJobCommand.self, StoreTrendCommand.self,
        ]
    )
}

/// `callqa-bench generate`: writes a deterministic corpus.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a deterministic corpus of generated calls.")

    @Option(help: "How many calls.") var calls = 10_000
    @Option(help: "text (one call per file) or xml.") var format = "text"
    @Option(name: .customLong("per-file"), help: "Calls per XML file.") var perFile = 1_000
    @Option(help: "The seed: the same seed writes the same corpus.") var seed: UInt64 = 1
    @Option(help: "Only this language (zh-Hans, zh-Hant or en); a mix by default.") var language: String?
    @Option(help: "How many agents the calls are spread among.") var agents = 40
    @Option(help: "Date the calls from this day on (YYYY-MM-DD), evenly over --days.") var from: String?
    @Option(help: "The days the dated calls span.") var days = 1
    @Option(help: "The folder to write.") var output: String

    func run() throws {
        guard let format = CorpusGenerator.Format(rawValue: format) else {
            throw ValidationError("--format must be text or xml")
        }
        let first = try from.map { text in
            guard let day = CallDay(metadata: text), text.utf8.count == 10 else {
                throw ValidationError("--from takes a day as YYYY-MM-DD")
            }
            return day
        }
        guard agents >= 1, days >= 1 else { throw ValidationError("--agents and --days must be at least 1") }
        var generator = CorpusGenerator(seed: seed)
        generator.agentCount = agents
        if let language {
            guard let chosen = Language(rawValue: language) else {
                throw ValidationError("unknown language \(language)")
            }
            generator.languages = [(chosen, 1)]
        }
        let written = try generator.write(
            calls: calls, as: format, perFile: perFile, dates: first.map { ($0, days) },
            to: URL(fileURLWithPath: output, isDirectory: true))
        print(
            "\(written.calls) calls, \(written.files) files, \(written.bytes) bytes"
                + " (\(Measure.megabytes(written.bytes)) MB) in \(output)"
        )
    }
}

/// `callqa-bench grow-rubric`: a shipped rubric with thousands more phrases.
struct GrowRubricCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grow-rubric",
        abstract: "Write a copy of a rubric with extra phrases in a list of their own.")

    @Argument(help: "The rubric to copy.") var rubric: String
    @Option(help: "Phrases to add.") var phrases = 3_000
    @Option(help: "The seed for the added phrases.") var seed: UInt64 = 1
    @Option(help: "Where to write the new rubric.") var output: String

    func run() throws {
        let text = try String(contentsOfFile: rubric, encoding: .utf8)
        var random = SeededGenerator(seed: seed)
        let added = PhraseGrowth.phrases(count: phrases, using: &random)
        let list = "  extra-phrases:\n" + added.map { "    - \"\($0)\"\n" }.joined()
        guard let range = text.range(of: "\nlists:\n") else { throw ValidationError("\(rubric) has no lists: section") }
        let grown = text.replacingCharacters(in: range, with: "\nlists:\n" + list)
        try grown.write(toFile: output, atomically: true, encoding: .utf8)
        print("\(rubric) + \(added.count) phrases → \(output)")
    }
}
