import ArgumentParser
import CallQA
import CallQATestSupport
import Foundation

/// `callqa-bench alternatives`: CallQA's hand-written stages beside what
/// Foundation or a plain loop would do instead, on the same generated calls.
struct AlternativesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alternatives",
        abstract: "Time the JSON writer, the normalisation table and the phrase automaton beside their alternatives.")

    @Option(help: "How many calls to generate.") var calls = 1_000
    @Option(help: "Runs per measurement; the median is reported (the slow alternatives run on a tenth of the text).")
    var runs = 5
    @Option(help: "The seed of the generated corpus.") var seed: UInt64 = 1
    @Option(help: "The folder of rubrics (the shipped ones by default).") var rubrics = "rubrics"

    func run() throws {
        let (catalog, errors) = RubricCatalog.load(directory: URL(fileURLWithPath: rubrics, isDirectory: true))
        if let error = errors.first { throw ValidationError(error.description) }
        var generator = CorpusGenerator(seed: seed)
        let generated = (0..<calls).map { generator.call(number: $0) }
        let scorers = Dictionary(
            uniqueKeysWithValues: Language.allCases.compactMap { language in
                catalog.rubric(for: language).map { (language, Scorer($0)) }
            })
        let cards = generated.map { scorers[$0.language]!.score($0) }
        func rate(_ bytes: Int, _ seconds: Double) -> String {
            String(format: "%.1f MB/s", Double(bytes) / 1e6 / seconds)
        }

        // JSON: the tool's writer, and JSONEncoder on the same scorecards' Codable form.
        let jsonBytes = cards.reduce(0) { $0 + ScoreJSONStream.line($1).utf8.count }
        let writer = Measure.median(runs: runs) { for card in cards { consume(ScoreJSONStream.line(card)) } }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let encoded = Measure.median(runs: runs) { for card in cards { consume(try? encoder.encode(card)) } }
        print(
            "JSON Lines, \(Measure.megabytes(jsonBytes)) MB: JSONWriter \(rate(jsonBytes, writer)),"
                + " JSONEncoder \(rate(jsonBytes, encoded)) (keys in no fixed order)")

        // Normalisation: the table, and Foundation's NFKC, lower case and ICU's Hant-Hans per turn.
        let texts = generated.flatMap { $0.turns.map(\.text) }
        let textBytes = texts.reduce(0) { $0 + $1.utf8.count }
        let table = Measure.median(runs: runs) { for text in texts { consume(TextNormalizer.shared.normalize(text)) } }
        let sample = Array(texts.prefix(texts.count / 10))
        let sampleBytes = sample.reduce(0) { $0 + $1.utf8.count }
        let simplify = StringTransform("Hant-Hans")
        let foundation = Measure.median(runs: max(1, runs / 2)) {
            for text in sample {
                let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
                consume(folded.applyingTransform(simplify, reverse: false))
            }
        }
        let hanTable = Measure.median(runs: max(1, runs / 2)) {
            var changed = 0
            for value in UInt32(0x4E00)...0x9FFF {
                let character = String(Unicode.Scalar(value)!)
                if character.applyingTransform(simplify, reverse: false) != character { changed += 1 }
            }
            consume(changed)
        }
        print(
            "normalise, \(Measure.megabytes(textBytes)) MB of turn text: table \(rate(textBytes, table)),"
                + " Foundation and ICU per turn \(rate(sampleBytes, foundation)) (no map back to the original);"
                + String(format: " the Han table asked of ICU at start-up: %.0f ms", hanTable * 1000))

        // Matching: the automaton, and each phrase searched for on its own, with the rubric's phrases and 3,000 more.
        guard let rubric = catalog.rubric(for: .simplifiedChinese) else { return }
        let chinese = generated.filter { $0.language != .english }
            .flatMap { $0.turns.map { TextNormalizer.shared.normalize($0.text) } }
        let chineseBytes = chinese.reduce(0) { $0 + $1.bytes.count }
        let few = chinese.prefix(chinese.count / 20)
        let fewBytes = few.reduce(0) { $0 + $1.bytes.count }
        var random = SeededGenerator(seed: seed)
        let lists = rubric.lists.map { (name: $0.name, phrases: $0.phrases) }
        for lists in [lists, lists + [(name: "grown", phrases: PhraseGrowth.phrases(count: 3_000, using: &random))]] {
            let matcher = PhraseMatcher(lists: lists, negation: rubric.negation)
            let phrases = Set(matcher.normalizedPhrases).map { Array($0.utf8) }
            let automaton = Measure.median(runs: runs) { for text in chinese { consume(matcher.matches(in: text)) } }
            let separately = Measure.median(runs: max(1, runs / 2)) {
                var found = 0
                for text in few { for phrase in phrases { found += Self.occurrences(of: phrase, in: text.bytes) } }
                consume(found)
            }
            print(
                "match, \(phrases.count) phrases, \(Measure.megabytes(chineseBytes)) MB of Chinese turns:"
                    + " automaton \(rate(chineseBytes, automaton)),"
                    + " each phrase on its own \(rate(fewBytes, separately))"
            )
        }
    }

    /// Occurrences of `pattern` in `text`, by comparing at every position.
    private static func occurrences(of pattern: [UInt8], in text: [UInt8]) -> Int {
        guard let first = pattern.first, pattern.count <= text.count else { return 0 }
        var count = 0
        for start in 0...(text.count - pattern.count) where text[start] == first {
            if text[start..<(start + pattern.count)].elementsEqual(pattern) { count += 1 }
        }
        return count
    }
}
