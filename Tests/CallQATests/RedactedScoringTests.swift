import Foundation
import Testing

@testable import CallQA

/// A redacted call scores exactly as the call itself, and everything its
/// scorecard quotes is masked.
@Suite("Scoring redacted calls")
struct RedactedScoringTests {
    static let fixtures = ["privacy/zh-annual-fee.txt", "privacy/en-annual-fee.txt"]

    /// Personal data the fixtures hold, in the forms they hold it.
    static let personalData = [
        "6222", "0202", "0011", "2233", "446", "440304199003072531", "幺三八", "138-1234-5678", "13912345678",
        "sun.lei", "example", "4111", "1111", "four one five", "oh one three two", "tom.becker", "555-0132",
    ]

    /// The calls of a fixture, read as written and read through a redactor.
    private func calls(_ fixture: String) throws -> (plain: Call, redacted: Call) {
        var loader = TranscriptLoader()
        let plain = try #require(
            Fixtures.Outcome(events: loader.events(from: .file(Fixtures.path(fixture)))).calls.first)
        loader.redactor = Redactor()
        let redacted = try #require(
            Fixtures.Outcome(events: loader.events(from: .file(Fixtures.path(fixture)))).calls.first)
        return (plain, redacted)
    }

    /// What a scorecard decides, leaving out the words it quotes: every
    /// verdict, point, time and offset, and how long each quote is.
    private func decisions(_ card: Scorecard) -> String {
        var lines = [
            "\(card.callID) \(card.score) \(card.passed) \(card.criticalFailures) \(card.wording)",
            "\(String(describing: card.metrics)) \(card.metricsUnavailable ?? "")",
        ]
        for item in card.items {
            lines.append("\(item.id) \(item.status) \(item.points)/\(item.maxPoints) \(item.missing.count)")
            for evidence in item.evidence {
                lines.append(
                    "  \(evidence.turn) \(evidence.speaker) \(String(describing: evidence.start)) \(evidence.kind)"
                        + " \(String(describing: evidence.offsets)) \(evidence.text.unicodeScalars.count)")
            }
        }
        return lines.joined(separator: "\n")
    }

    @Test("Verdicts, points, scores, metrics and evidence offsets are the same with and without redaction")
    func sameDecisions() throws {
        let rubrics = try [
            Fixtures.shipped("zh-standard"), Fixtures.shipped("en-standard"),
            Rubric(contentsOf: URL(fileURLWithPath: Fixtures.path("privacy/readback-1.1.0.yaml"))),
        ]
        var calls = try Self.fixtures.map { try self.calls($0) }
        calls += Fixtures.corpusCalls().map { ($0, Redactor().redact($0)) }
        for rubric in rubrics {
            let scorer = Scorer(rubric)
            for (plain, redacted) in calls where rubric.languages.contains(plain.language) {
                #expect(redacted.isRedacted && !plain.isRedacted)
                #expect(decisions(scorer.score(redacted)) == decisions(scorer.score(plain)), "\(plain.id)")
            }
        }
    }

    @Test("Evidence quotes the masked turn at the same offsets; notes spell out no piece of a masked number")
    func quotesMasked() throws {
        for fixture in Self.fixtures {
            let (plain, redacted) = try calls(fixture)
            let scorer = Scorer(try Fixtures.shipped(plain.language == .english ? "en-standard" : "zh-standard"))
            let card = scorer.score(redacted)
            let plainCard = scorer.score(plain)
            #expect(
                plainCard.items.contains {
                    $0.evidence.contains { $0.text.contains("6222") || $0.text.contains("4111") }
                })
            for item in card.items {
                for evidence in item.evidence {
                    let offsets = try #require(evidence.offsets)
                    let turn = Array(redacted.turns[evidence.turn].text.unicodeScalars)
                    var quoted = ""
                    quoted.unicodeScalars.append(contentsOf: turn[offsets])
                    #expect(evidence.text == quoted)
                }
                let words = ([item.note] + item.missing + item.evidence.flatMap { [$0.text, $0.phrase] })
                for data in Self.personalData {
                    #expect(!words.contains { $0.contains(data) }, "\(item.id) quotes \(data)")
                }
            }
        }
    }

    @Test("A redacted call keeps what was said for scoring only: never in its turns, metadata or Codable form")
    func keptForScoring() throws {
        let (plain, redacted) = try calls("privacy/zh-annual-fee.txt")
        #expect(redacted.unredacted == plain)
        #expect(redacted.metadata["caller"] == "***********")
        #expect(redacted.turns.map(\.text.utf8.count) == plain.turns.map(\.text.utf8.count))
        #expect(Redactor().redact(redacted) == redacted)
        let shown = redacted.turns.map(\.text).joined(separator: "\n") + redacted.metadata.values.joined()
        let coded = String(decoding: try JSONEncoder().encode(redacted), as: UTF8.self)
        for data in Self.personalData {
            #expect(!shown.contains(data), "\(data)")
            #expect(!coded.contains(data), "\(data)")
        }
        let decoded = try JSONDecoder().decode(Call.self, from: Data(coded.utf8))
        #expect(!decoded.isRedacted && decoded.turns == redacted.turns)
    }

    @Test("A turn changed after redaction is scored as it now reads")
    func changedAfterwards() throws {
        var (_, redacted) = try calls("privacy/en-annual-fee.txt")
        redacted.turns[1].text = "My card is 5500 0055 5555 5559."
        let analysis = CallAnalysis(call: redacted, matcher: Scorer(try Fixtures.shipped("en-standard")).matcher)
        #expect(analysis.call.turns[1].text == "My card is 5500 0055 5555 5559.")
        #expect(analysis.call.turns[3].text.contains("four one five"))
    }
}
