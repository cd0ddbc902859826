import CallQATestSupport
import Foundation
import Testing

@testable import CallQA

@Suite("Batch pipeline and summaries")
struct BatchTests {
    @Test("Results come back in input order, the same for any number of threads", arguments: [1, 2, 5])
    func order(jobs: Int) throws {
        let (catalog, _) = RubricCatalog.load(directory: Fixtures.shippedRubrics)
        let scorers = Dictionary(uniqueKeysWithValues: catalog.rubrics.map { ($0.id, Scorer($0)) })
        let loader = TranscriptLoader()
        let inputs = loader.inputs(for: [Fixtures.corpora.path, Fixtures.path("xml")]).inputs
        let batch = { (jobs: Int) in
            BatchScorer(loader: loader, jobs: jobs) { call in
                catalog.rubric(for: call.language).flatMap { scorers[$0.id] }
            }
        }
        func run(_ jobs: Int) -> [String] { Self.results(of: batch(jobs), inputs) { "\($0.callID) \($0.score)" } }
        let serial = run(1)
        #expect(run(jobs) == serial)
        #expect(serial.filter { $0.hasPrefix("done ") }.count == inputs.count)
        #expect(serial.contains { $0.hasPrefix("zh-model-001 100") })
    }

    @Test("One large XML file is scored in chunks on every thread, in order, errors in place", arguments: [2, 3, 8])
    func oneLargeFile(jobs: Int) throws {
        var generator = CorpusGenerator(seed: 11)
        generator.callSize = 1_000...3_000
        let calls = (0..<(BatchScorer.chunkSize * 5 + 3)).map { generator.call(number: $0) }
        // A call with no turns in the middle: rejected where it stands.
        var xml = CorpusGenerator.xmlDocument(Array(calls[..<40]))
        xml =
            xml.replacingOccurrences(of: "</calls>\n", with: "<call id=\"empty\"></call>\n")
            + CorpusGenerator.xmlDocument(Array(calls[40...])).replacingOccurrences(
                of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<calls>\n", with: "")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "callqa-large-\(UUID().uuidString).xml")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }

        let rubrics = [try Fixtures.shipped("zh-standard"), try Fixtures.shipped("en-standard")].map { Scorer($0) }
        func run(_ jobs: Int) -> [String] {
            let batch = BatchScorer(loader: TranscriptLoader(), jobs: jobs) { call in
                call.language == .english ? rubrics[1] : rubrics[0]
            }
            return Self.results(of: batch, [.file(file.path)]) { ScoreJSONStream.line($0) }
        }
        let serial = run(1)
        #expect(serial.count == calls.count + 2)
        #expect(serial[40].contains("call empty rejected"))
        #expect(run(jobs) == serial)
    }

    @Test("Any number of jobs is capped at a few threads per core, with the same output", arguments: [Int.max, 10_000])
    func jobsCapped(jobs: Int) throws {
        let scorer = Scorer(try Fixtures.shipped("en-standard"))
        let loader = TranscriptLoader()
        let inputs = loader.inputs(for: [Fixtures.corpora.appendingPathComponent("en").path]).inputs
        let capped = BatchScorer(loader: loader, jobs: jobs) { _ in scorer }
        #expect(capped.jobs == BatchScorer.maximumJobs)
        #expect(BatchScorer.maximumJobs == BatchScorer.jobsPerCore * ProcessInfo.processInfo.activeProcessorCount)
        let serial = BatchScorer(loader: loader, jobs: 1) { _ in scorer }
        #expect(Self.results(of: capped, inputs) { $0.callID } == Self.results(of: serial, inputs) { $0.callID })
    }

    /// What a batch delivers, in order: rendered scorecards, diagnostics, ends of inputs.
    private static func results(
        of batch: BatchScorer, _ inputs: [TranscriptInput],
        render: @escaping @Sendable (Scorecard) -> String
    ) -> [String] {
        var seen: [String] = []
        batch.run(inputs, render: render) { result in
            switch result {
            case .scored(_, let text): seen.append(text)
            case .diagnostic(let diagnostic): seen.append(diagnostic.description)
            case .inputDone(let input): seen.append("done \(input)")
            }
        }
        return seen
    }

    @Test("The ordered channel delivers in input order under contention")
    func channel() {
        let channel = OrderedChannel<Int>(count: 50, capacity: 2)
        let workers = (0..<4).map { _ in
            Thread {
                while let input = channel.take() {
                    for item in 0..<(input % 7) { channel.put(input * 100 + item, input: input) }
                    channel.finish(input: input)
                }
            }
        }
        workers.forEach { $0.start() }
        var delivered: [Int] = []
        while let item = channel.next() { delivered.append(item) }
        let expected = (0..<50).flatMap { input in (0..<(input % 7)).map { input * 100 + $0 } }
        #expect(delivered == expected)
        // Every queue is bounded, the one being delivered too: results wait for room, not in memory.
        #expect(channel.largestQueue <= 2)
    }

    @Test("A JSON Lines record decodes to what the scorecard says")
    func record() throws {
        let rubric = try Fixtures.shipped("zh-standard")
        let card = Scorer(rubric).score(try #require(Fixtures.read("text/fullwidth-t-c.txt").call))
        let line = ScoreJSONStream.line(card)
        #expect(line.hasSuffix("\n") && !line.dropLast().contains("\n"))
        #expect(try JSONDecoder().decode(ScoreRecord.self, from: Data(line.utf8)) == ScoreRecord(card))
    }

    @Test("Agent summaries: worst calls worst first (ties by id), too few calls marked")
    func worstCalls() throws {
        var builder = AgentSummary.Builder()
        let reference = RubricReference(id: "r", version: "1.0.0", sha256: "0")
        for (call, score) in [("c", 80.0), ("a", 40.0), ("d", 40.0), ("b", 90.0), ("e", 10.0)] {
            builder.add(
                ScoreRecord(callID: call, agent: "A", rubric: reference, score: score, passed: score >= 80, items: []))
        }
        builder.add(ScoreRecord(callID: "z", agent: "B", rubric: reference, score: 70, passed: false, items: []))
        let summaries = builder.summaries(minimumCalls: 5)
        #expect(summaries.map(\.agent) == ["A", "B"])
        #expect(summaries[0].worstCalls == ["e", "a", "d"])
        #expect(summaries[0].median == 40 && summaries[0].mean == 52)
        #expect(summaries[0].tooFewCalls == false)
        #expect(summaries[1].tooFewCalls == true)
    }

    @Test("Explanations mark each kind of span, the strongest winning where they overlap")
    func explanationMarks() throws {
        let rubric = try Fixtures.shipped("zh-standard")
        let call = try #require(Fixtures.corpusCalls().first { $0.id == "zh-poor-001" })
        let explanation = CallExplanation(call: call, scorecard: Scorer(rubric).score(call), rubric: rubric)
        let marks = explanation.marks[6] // 这个我不知道，可能是你算错了。
        #expect(marks[2] == .negative) // 我不知道
        #expect(marks[7] == .forbidden) // 可能 is hedging, but inside the forbidden blame
        #expect(marks[6] == nil) // ，
        #expect(
            explanation.suggestions(for: try #require(explanation.scorecard.item("negative-wording"))).contains("当然可以"))
    }
}
