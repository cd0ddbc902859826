import CallQA
import CallQATestSupport
import Foundation
import Testing

/// Scorecards, agent summaries and their parts have one JSON shape: what
/// `callqa score` writes is what their `Codable` form decodes and encodes,
/// byte for byte. Encoding goes through ``WriterEncoder`` (the tool's own
/// writer), since `JSONEncoder` puts keys in no fixed order.
@Suite("One JSON shape: Codable is the tool's output")
struct JSONShapeTests {
    /// Scored calls and what reading their inputs reported.
    struct Scored {
        var cards: [Scorecard] = []
        var diagnostics: [Diagnostic] = []
    }

    /// The corpora, every format fixture (timed calls with dead air,
    /// interruptions and answers; untimed and half-timed ones) and generated
    /// calls, each scored by its language's shipped rubric, as `callqa score` does.
    static let scored: Scored = {
        let (catalog, _) = RubricCatalog.load(directory: Fixtures.shippedRubrics)
        let scorers = Dictionary(uniqueKeysWithValues: catalog.rubrics.map { ($0.id, Scorer($0)) })
        func score(_ call: Call) -> Scorecard { scorers[catalog.rubric(for: call.language)!.id]!.score(call) }
        var scored = Scored()
        let loader = TranscriptLoader()
        let found = loader.inputs(for: [Fixtures.corpora.path, Fixtures.path("formats")])
        scored.diagnostics = found.diagnostics
        for input in found.inputs {
            for event in loader.events(from: input) {
                switch event {
                case .call(let call): scored.cards.append(score(call))
                case .diagnostic(let diagnostic): scored.diagnostics.append(diagnostic)
                }
            }
        }
        var generator = CorpusGenerator(seed: 12)
        generator.callSize = 600...2_000
        for number in 0..<60 {
            let language: Language = [.simplifiedChinese, .traditionalChinese, .english][number % 3]
            scored.cards.append(score(generator.call(number: number, language: language)))
        }
        return scored
    }()

    @Test("The corpora cover every part of the shape")
    func coverage() {
        let cards = Self.scored.cards
        #expect(cards.count > 80)
        #expect(cards.contains { $0.metrics == nil })
        #expect(cards.contains { ($0.metrics?.deadAir.count ?? 0) > 0 })
        #expect(cards.contains { ($0.metrics?.interruptions.count ?? 0) > 0 })
        let evidence = cards.flatMap { $0.items.flatMap(\.evidence) }
        #expect(evidence.contains { $0.start == nil })
        #expect(evidence.contains { $0.offsets != nil && $0.start != nil })
        #expect(cards.contains { $0.agent == nil })
    }

    @Test("Each --format jsonl line decodes as a scorecard that encodes back to the same bytes")
    func jsonlLines() throws {
        for card in Self.scored.cards {
            let line = ScoreJSONStream.line(card)
            #expect(try WriterEncoder().encode(card) + "\n" == line, "\(card.callID): encoding a scored call")
            let decoded = try JSONDecoder().decode(Scorecard.self, from: Data(line.utf8))
            #expect(try WriterEncoder().encode(decoded) + "\n" == line, "\(card.callID): decoded and encoded again")
            #expect(decoded.items == card.items)
            #expect(decoded.metricsUnavailable == card.metricsUnavailable)
            // `callqa report` reads the same line into the same record.
            let record = try JSONDecoder().decode(ScoreRecord.self, from: Data(line.utf8))
            #expect(record == ScoreRecord(decoded), "\(card.callID)")
        }
    }

    /// A `score --format json` document: calls, then the run's summaries and diagnostics.
    struct ScoreDocument: Codable {
        var calls: [Scorecard]
        var rubrics: [RubricReference]
        var agents: [AgentSummary]
        var errors: [DiagnosticEntry]
        var warnings: [DiagnosticEntry]
    }

    /// A diagnostic as the JSON documents list it.
    struct DiagnosticEntry: Codable {
        var source: String
        var line: Int?
        var message: String
    }

    @Test("A --format json document decodes, calls and agents, and encodes back to the same bytes")
    func jsonDocument() throws {
        var stream = ScoreJSONStream()
        var summary = ScoreSummary()
        var document = stream.opening()
        for card in Self.scored.cards {
            document += stream.call(ScoreJSONStream.render(card))
            summary.add(ScoreRecord(card))
        }
        document += stream.closing(summary: summary, diagnostics: Self.scored.diagnostics, minimumCalls: 2)
        let decoded = try JSONDecoder().decode(ScoreDocument.self, from: Data(document.utf8))
        #expect(decoded.calls.count == Self.scored.cards.count)
        #expect(decoded.agents == summary.agents(minimumCalls: 2))
        #expect(decoded.agents.contains { $0.metrics != nil } && decoded.agents.contains { $0.metrics == nil })
        #expect(!decoded.warnings.isEmpty && !decoded.errors.isEmpty)
        #expect(try WriterEncoder(pretty: true).encode(decoded) + "\n" == document)
    }

    /// A `report --format json` document: the summaries alone.
    struct ReportDocument: Codable {
        var calls: Int
        var rubrics: [RubricReference]
        var agents: [AgentSummary]
        var items: [ItemCounts]
        var errors: [DiagnosticEntry]
        var warnings: [DiagnosticEntry]
    }

    /// One item's verdict counts over a report's calls.
    struct ItemCounts: Codable {
        var id: String
        var pass, partial, fail, na: Int
        var passRate: Double?
    }

    @Test("A report --format json document's agents decode and encode back to the same bytes")
    func reportDocument() throws {
        var summary = ScoreSummary()
        Self.scored.cards.forEach { summary.add(ScoreRecord($0)) }
        let document = ScoreJSONStream.summaryDocument(summary, diagnostics: [])
        let decoded = try JSONDecoder().decode(ReportDocument.self, from: Data(document.utf8))
        #expect(decoded.agents == summary.agents())
        #expect(try WriterEncoder(pretty: true).encode(decoded) + "\n" == document)
    }

    @Test("Evidence leaves out an unknown start and offsets, and reads them back as unknown")
    func evidenceWithoutPlace() throws {
        let evidence = Evidence(turn: 2, speaker: .customer, start: nil, text: "x", phrase: "y")
        let json = try WriterEncoder().encode(evidence)
        #expect(json == #"{"turn":2,"speaker":"customer","text":"x","phrase":"y","kind":"quote"}"#)
        #expect(try JSONDecoder().decode(Evidence.self, from: Data(json.utf8)) == evidence)
        let placed = Evidence(turn: 0, speaker: .agent, start: 1.5, text: "x", phrase: "y", kind: .rule, offsets: 3..<5)
        let placedJSON = try WriterEncoder().encode(placed)
        #expect(
            placedJSON
                == #"{"turn":0,"speaker":"agent","start":1.5,"text":"x","phrase":"y","kind":"rule","offsets":[3,5]}"#)
        #expect(try JSONDecoder().decode(Evidence.self, from: Data(placedJSON.utf8)) == placed)
    }

    @Test("Metrics of a call without them encode as available: false with the reason")
    func unavailableMetrics() throws {
        let card = try #require(Self.scored.cards.first { $0.metrics == nil })
        let line = ScoreJSONStream.line(card)
        #expect(line.contains(#""metrics":{"available":false,"reason":""# + card.metricsUnavailable! + #""}"#))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ScorecardMetrics.self, from: Data(#"{"available":false,"reason":"x"}"#.utf8))
        }
        let reason = try JSONDecoder().decode(
            ConversationMetrics.Unavailable.self,
            from: Data(#"{"available":false,"reason":"x"}"#.utf8))
        #expect(reason == ConversationMetrics.Unavailable(reason: "x"))
    }
}
