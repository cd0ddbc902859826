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

@Suite("Phrase syntax")
struct PhraseSyntaxTests {
    @Test("Each phrase the matching language cannot read is an error at its line and column")
    func errors() throws {
        let error = try #require(throws: RubricError.self) { try Fixtures.rubric("invalid/phrase-syntax") }
        let slots = "(expected {number}, {name}, {agent}, {company} or {any:N})"
        #expect(
            error.problems.map(\.description) == [
                "12:7: phrase \"{number dollars\" of list 'broken': '{' without a '}' after it (character 1)",
                "13:7: phrase \"number} dollars\" of list 'broken': '}' without a '{' before it (character 7)",
                "14:7: phrase \"{price} dollars\" of list 'broken': unknown slot '{price}' \(slots) (character 1)",
                "15:7: phrase \"thank you {any:60} patience\" of list 'broken':"
                    + " '{any:60}': the count must be from 1 to 50 (character 11)",
                "16:7: phrase \"thank you {any} patience\" of list 'broken':"
                    + " '{any}' needs a count: '{any:3}' (character 11)",
                "17:7: phrase \"... card\" of list 'broken': '...' at the phrase's start has no words before it"
                    + " (character 1)",
                "18:7: phrase \"refund ...\" of list 'broken': '...' at the phrase's end has no words after it",
                "19:7: phrase \"late ~5\" of list 'broken': '~' at the phrase's end has no words after it",
                "20:7: phrase \"refund ... ... card\" of list 'broken': two operators with no words between them"
                    + " (character 12)",
                "21:7: phrase \"hello ^there\" of list 'broken': '^' must come first (at the start of a turn or"
                    + " sentence); write '\\^' for the character (character 7)",
                "22:7: phrase \"$5 refund\" of list 'broken': '$' must come last (at the end of a turn or"
                    + " sentence); write '\\$' for the character (character 1)",
                "23:7: phrase \"{number}\" of list 'broken': the phrase has no literal word:"
                    + " slots and operators need a word to anchor them",
                "24:7: phrase \"{any:3} card\" of list 'broken': '{any:N}' must stand between two words or slots",
                "25:7: phrase \"fr*ted\" of list 'broken': '*' must end a word (frustrat*), not stand inside one"
                    + " (character 3)",
                "26:7: phrase \"您好*\" of list 'broken': '*' must end a word of letters (frustrat*);"
                    + " write '\\*' for the character (character 3)",
                "29:12: list 'settings' 'exact' must be true or false",
                "32:11: list 'far' 'near' must be at most 200, not 500",
                "35:5: unknown key 'nearby' in list 'unknown' (expected phrases, exact, near or asr)",
                "41:61: phrase \"thanks {nobody}\" of list 'a#group 2': unknown slot '{nobody}' \(slots)"
                    + " (character 8)",
            ])
    }

    /// A small rubric whose one list is written as `list`.
    private static func rubric(list: String) throws -> Rubric {
        try Rubric(
            yaml: """
                id: x
                version: 1.0.0
                title: X
                languages: [en]
                pass: 80
                lists:
                  hello: \(list)
                items:
                  - {id: a, title: A, weight: 1, description: A., check: {kind: forbid, list: hello}}
                """, source: "x.yaml")
    }

    @Test("Lists in the long form keep their settings; defaults leave the fingerprint as the short form's")
    func listForm() throws {
        let short = try Self.rubric(list: "[hello, hi]")
        let long = try Self.rubric(list: "{phrases: [hello, hi], exact: false, near: 8}")
        #expect(long.sha256 == short.sha256)
        let exact = try Self.rubric(list: "{phrases: [hello, hi], exact: true}")
        #expect(exact.list(named: "hello")?.exact == true)
        #expect(exact.sha256 != short.sha256)
        #expect(exact.canonicalJSON.contains("\"exact\":true"))
        let near = try Self.rubric(list: "{phrases: [hello, hi], near: 3}")
        #expect(near.list(named: "hello")?.near == 3)
        #expect(near.canonicalJSON.contains("\"near\":3"))
        let asr = try Self.rubric(list: "{phrases: [hello, hi], asr: true}")
        #expect(asr.list(named: "hello")?.asr == true)
        #expect(asr.canonicalJSON.contains("\"asr\":true"))
        #expect(try Self.rubric(list: "{phrases: [hello, hi], asr: false}").sha256 == short.sha256)
    }
}
