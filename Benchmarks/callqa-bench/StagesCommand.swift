import ArgumentParser
@_spi(Benchmarks) import CallQA
import CallQATestSupport
import Foundation

/// `callqa-bench stages`: each stage of scoring timed on its own, in process,
/// on a generated corpus held in memory.
struct StagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stages",
        abstract: "Time each stage (read, normalise, match, score, serialise) and the whole, in MB/s and calls/s.")

    @Option(help: "How many calls to generate.") var calls = 2_000
    @Option(help: "Runs per stage; the median is reported.") var runs = 5
    @Option(help: "The seed of the generated corpus.") var seed: UInt64 = 1
    @Option(help: "The folder of rubrics (the shipped ones by default).") var rubrics = "rubrics"
    @Option(help: "Only these stages (comma-separated names).") var only: String?

    func run() throws {
        let (catalog, errors) = RubricCatalog.load(directory: URL(fileURLWithPath: rubrics, isDirectory: true))
        if let error = errors.first { throw ValidationError(error.description) }
        var generator = CorpusGenerator(seed: seed)
        let generated = (0..<calls).map { generator.call(number: $0) }
        let texts = generated.map { Array(CorpusGenerator.plainText($0).utf8) }
        let xmlMany = Array(CorpusGenerator.xmlDocument(generated).utf8)
        let xmlOne = generated.map { Array(CorpusGenerator.xmlDocument([$0]).utf8) }
        let textBytes = texts.reduce(0) { $0 + $1.count }
        let turnBytes = generated.reduce(0) { $0 + $1.turns.reduce(0) { $0 + $1.text.utf8.count } }

        let reader = PlainTextReader()
        func readText() -> [Call] {
            texts.enumerated().flatMap { index, bytes in
                reader.read(bytes, source: "generated", defaultID: "call-\(index)").compactMap { event in
                    if case .call(let call) = event { return call } else { return nil }
                }
            }
        }
        let calls = readText()
        guard calls.count == generated.count else {
            throw ValidationError("read \(calls.count) of \(generated.count) calls")
        }
        let scorers = Dictionary(
            uniqueKeysWithValues: Language.allCases.compactMap { language in
                catalog.rubric(for: language).map { (language, Scorer($0)) }
            })
        let matchers = Dictionary(uniqueKeysWithValues: scorers.map { ($0.key, $0.value.matcher) })
        let normalized = calls.map { $0.turns.map { TextNormalizer.shared.normalize($0.text) } }
        let cards = calls.map { scorers[$0.language]!.score($0) }
        let outputBytes = cards.reduce(0) { $0 + ScoreJSONStream.line($1).utf8.count }

        print(
            "corpus: \(calls.count) calls, \(Measure.megabytes(textBytes)) MB as text,"
                + " \(Measure.megabytes(xmlMany.count)) MB as XML, \(Measure.megabytes(turnBytes)) MB of turn text;"
                + " median of \(runs) runs, one thread"
        )
        print(String(repeating: "-", count: 78))
        print("stage".padding(toLength: 38, withPad: " ", startingAt: 0) + "   MB/s" + "      calls/s" + "   input")
        let only = only.map { Set($0.split(separator: ",").map(String.init)) }

        func stage(_ name: String, bytes: Int, label: String, _ body: () -> Void) {
            if let only, !only.contains(name.split(separator: " ").first.map(String.init) ?? name) { return }
            let seconds = Measure.median(runs: runs, body)
            let mbps = Double(bytes) / 1e6 / seconds
            let cps = Double(calls.count) / seconds
            print(
                name.padding(toLength: 38, withPad: " ", startingAt: 0)
                    + String(format: "%7.1f %12.0f", mbps, cps) + "   " + label)
        }

        stage("read-text (plain text → calls)", bytes: textBytes, label: "text") { consume(readText()) }
        stage("read-xml (one file, all calls)", bytes: xmlMany.count, label: "XML") {
            consume(
                XMLTranscriptReader(bytes: xmlMany, source: "generated", defaultID: "calls").reduce(0) { count, _ in
                    count + 1
                })
        }
        stage("read-xml-single (a file per call)", bytes: xmlOne.reduce(0) { $0 + $1.count }, label: "XML") {
            var count = 0
            for bytes in xmlOne {
                for _ in XMLTranscriptReader(bytes: bytes, source: "generated", defaultID: "call") { count += 1 }
            }
            consume(count)
        }
        stage("normalise (turn text)", bytes: turnBytes, label: "turn text") {
            for call in calls { for turn in call.turns { consume(TextNormalizer.shared.normalize(turn.text)) } }
        }
        stage("match (normalised turns)", bytes: turnBytes, label: "turn text") {
            for (call, turns) in zip(calls, normalized) {
                let matcher = matchers[call.language]!
                for turn in turns { consume(matcher.matches(in: turn)) }
            }
        }
        stage("prepare (normalise+match per call)", bytes: turnBytes, label: "turn text") {
            for call in calls { consume(scorers[call.language]!.prepare(call)) }
        }
        let prepared = calls.map { scorers[$0.language]!.prepare($0) }
        stage("evaluate (every rubric item)", bytes: turnBytes, label: "turn text") {
            for (call, prepared) in zip(calls, prepared) { consume(scorers[call.language]!.score(prepared: prepared)) }
        }
        stage("score (normalise+match+evaluate)", bytes: turnBytes, label: "turn text") {
            for call in calls { consume(scorers[call.language]!.score(call)) }
        }
        stage("serialise (scorecards → JSONL)", bytes: outputBytes, label: "JSONL out") {
            for card in cards { consume(ScoreJSONStream.line(card)) }
        }
        stage("end-to-end (text → JSONL)", bytes: textBytes, label: "text") {
            for (index, bytes) in texts.enumerated() {
                for event in reader.read(bytes, source: "generated", defaultID: "call-\(index)") {
                    if case .call(let call) = event {
                        consume(ScoreJSONStream.line(scorers[call.language]!.score(call)))
                    }
                }
            }
        }
        stage("end-to-end (XML → JSONL)", bytes: xmlMany.count, label: "XML") {
            for event in XMLTranscriptReader(bytes: xmlMany, source: "generated", defaultID: "calls") {
                if case .call(let call) = event { consume(ScoreJSONStream.line(scorers[call.language]!.score(call))) }
            }
        }
    }
}
