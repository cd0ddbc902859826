import CallQA
import Testing

@Suite("Rubric lint")
struct RubricLintTests {
    @Test("Every kind of warning, at its line and column")
    func warnings() throws {
        let warnings = RubricLint.warnings(for: try Fixtures.rubric("lint-warnings")).map(\.description)
        #expect(
            warnings == [
                "8:23: phrase \"没问题\" in list 'positive' is \"沒問題\" again once normalised",
                "8:28: phrase \"'cause\" in list 'positive' can never match:"
                    + " an apostrophe at its edge is part of a word, so the word boundary it needs never occurs",
                "8:38: phrase \"如果…\" in list 'positive' can never match: it contains an ellipsis,"
                    + " which transcripts do not write for the words it stands for",
                "9:18: phrase \"当然\" is rewarded (list 'positive') and penalised (list 'negative')",
                "10:18: phrase \"!!!\" in list 'hello' can never match:"
                    + " it has no letters or characters, only punctuation",
                "18:15: item 'greeting' looks at 40 turns: larger than most calls, so the window hardly limits it",
                "22:13: item 'silent' has weight 0: it never changes a score",
            ])
    }

    @Test("The shipped rubrics have no warnings", arguments: ["zh-standard", "en-standard"])
    func shipped(name: String) throws {
        #expect(RubricLint.warnings(for: try Fixtures.shipped(name)).isEmpty)
    }
}
