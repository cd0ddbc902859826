import ArgumentParser
import CallQA
import CallQATestSupport
import Foundation

/// `callqa-bench store-trend`: builds a results store of many calls and times
/// the per-agent weekly trend read from it.
struct StoreTrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store-trend",
        abstract: "Build a results store of generated results and time a per-agent weekly trend.",
        discussion: """
            The results are made from one scored call, given another id, agent (of --agents), date \
            (over --weeks weeks) and score for each, and written through the store's own writer in \
            chunks of --chunk calls: rows, items and metadata as 'score --store' writes them, \
            without scoring a million transcripts. The call's evidence and notes are left out of \
            the stored results unless --full-results (they make the file five times larger, and \
            trends never read them). An existing store file is reused as it is.
            """)

    @Option(help: "How many calls the store holds.") var calls = 1_000_000
    @Option(help: "How many agents the calls are spread over.") var agents = 50
    @Option(help: "How many weeks the calls' dates span.") var weeks = 52
    @Option(help: "Calls per transaction while building.") var chunk = 10_000
    @Option(help: "Runs of each query (the median is shown).") var runs = 5
    @Option(help: "The store file (kept, to time again).") var store: String
    @Flag(
        name: .customLong("full-results"),
        help: "Keep the template call's evidence and notes in every result (about 5 KB a call, not 1).")
    var fullResults = false

    func run() throws {
        if !FileManager.default.fileExists(atPath: store) {
            let started = DispatchTime.now().uptimeNanoseconds
            try build()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            print(String(format: "built: %d calls in %.1f s (%.0f calls/s)", calls, seconds, Double(calls) / seconds))
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: store)[.size] as? Int) ?? 0
        let results = try ResultStore(path: store, create: false)
        let rubrics = try results.rubrics().map(\.rubric)
        print("store: \(try results.count()) calls, \(Measure.megabytes(size)) MB, \(store)")
        for grouping in [ReportGrouping.period(.week), .period(.month), .period(.day)] {
            var points = 0
            let seconds = Measure.median(runs: runs) {
                let trends = try? ResultStore(path: store, create: false).trends(grouping, rubrics: rubrics)
                points = trends?.agents.reduce(0) { $0 + $1.points.count } ?? 0
            }
            print(
                String(
                    format: "per-agent trend by %@: %.3f s (median of %d, store opened each time), %d agent-periods",
                    grouping.description, seconds, runs, points))
        }
        let from = CallDay(metadata: "2024-01-01")!
        let filter = ReportFilter(from: from, to: CallDay(number: from.number + 7 * 4 - 1))
        let seconds = Measure.median(runs: runs) {
            consume(try? results.trends(.period(.week), rubrics: rubrics, filter: filter))
        }
        print(String(format: "per-agent trend by week, 4 weeks (--from/--to): %.3f s", seconds))
    }

    /// Writes the generated results.
    private func build() throws {
        let rubric = try Rubric(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("rubrics/en-standard.yaml"))
        var generator = CorpusGenerator(seed: 11)
        generator.callSize = 1_000...1_500
        var template = Scorer(rubric).score(generator.call(number: 0, language: .english))
        if !fullResults {
            for index in template.items.indices {
                template.items[index].evidence = []
                template.items[index].note = ""
            }
        }
        var random = SeededGenerator(seed: 12)
        let writer = try ResultStore(path: store).writer(chunkSize: chunk)
        let monday = CallDay(metadata: "2024-01-01")!
        for number in 0..<calls {
            var card = template
            card.callID = String(format: "bench-%07d", number)
            card.agent = "Agent \(Int.random(in: 0..<agents, using: &random))"
            card.score = NumberText.rounded(Double.random(in: 40...100, using: &random), places: 1)
            card.passed = card.score >= 80
            card.metadata = [
                "date": CallDay(number: monday.number + number * weeks * 7 / calls).text,
                "queue": ["billing", "refunds", "moves"][number % 3],
            ]
            try writer.add(card)
        }
        try writer.finish()
    }
}
