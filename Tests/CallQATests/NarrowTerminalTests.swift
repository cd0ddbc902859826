import Testing

@testable import CallQA

/// Tables and explanations on narrow terminals: lines fit, and nothing that
/// decides a verdict is cut away.
@Suite("Narrow terminals")
struct NarrowTerminalTests {
    /// Every sample call, scored with the shipped rubric for its language.
    static let cards: [(call: Call, card: Scorecard, rubric: Rubric)] = {
        let catalog = RubricCatalog.load(directory: Fixtures.shippedRubrics).catalog
        return Fixtures.corpusCalls().compactMap { call in
            guard let rubric = catalog.rubric(for: call.language) else { return nil }
            return (call, Scorer(rubric).score(call), rubric)
        }
    }()

    @Test("The calls table fits the terminal and always shows a critical failure", arguments: [60, 72, 80, 100])
    func scoreTable(width: Int) throws {
        let table = ScoreTable(width: width)
        let critical = Self.cards.filter { !$0.card.criticalFailures.isEmpty }
        #expect(!critical.isEmpty)
        for line in (table.header() + Self.cards.map { table.row($0.card) }.joined()).split(separator: "\n") {
            #expect(DisplayWidth.of(line) <= width, "\(width) columns: \(line)")
        }
        for (_, card, _) in critical {
            let row = table.row(card)
            for id in card.criticalFailures { #expect(row.contains("\(id)!"), "\(width) columns: \(row)") }
        }
    }

    @Test("An explanation wraps its scorecard like its transcript", arguments: [60, 80])
    func explanation(width: Int) throws {
        for (call, card, rubric) in Self.cards {
            let text = CallExplanation(call: call, scorecard: card, rubric: rubric).plainText(width: width)
            // The call's source path is never broken (so it can be copied): its line may be longer.
            for line in text.split(separator: "\n") where !line.contains(call.source.description) {
                #expect(DisplayWidth.of(line) <= width, "\(call.id) at \(width) columns: [\(line)]")
            }
            #expect(
                text.contains("What good looks like")
                    == card.items.contains { $0.status == .fail || $0.status == .partial })
        }
    }
}
