import CallQA
import Foundation
import Testing

@Suite("Rubric version comparison")
struct ComparisonTests {
    /// The shipped English rubric with one phrase removed from one list, as another version.
    static func changedRubric(removing phrase: String, from list: String) throws -> Rubric {
        let path = Fixtures.shippedRubrics.appendingPathComponent("en-standard.yaml")
        var text = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(
            of: "version: 2.0.0", with: "version: 2.0.1")
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("  \(list): ") })
        text = text.replacingOccurrences(of: line, with: line.replacingOccurrences(of: "[\(phrase), ", with: "["))
        return try Rubric(yaml: text, source: "en-standard-1.1.yaml")
    }

    private func compare(_ first: Rubric, _ second: Rubric) -> RubricComparison {
        let calls = Fixtures.corpusCalls().filter { $0.language == .english }
        let pairs = calls.map { (before: Scorer(first).score($0), after: Scorer(second).score($0)) }
        return RubricComparison(first: first, second: second, pairs: pairs)
    }

    @Test("Removing one phrase changes exactly the calls whose closing says it, with the words that no longer match")
    func onePhrase() throws {
        let before = try Fixtures.shipped("en-standard")
        let after = try Self.changedRubric(removing: "thank you for calling", from: "thanks-for-calling")
        let comparison = compare(before, after)
        #expect(comparison.sameRubric)
        // Independently: English calls whose agent's last two turns contain the phrase.
        let expected = Fixtures.corpusCalls().filter { call in
            call.language == .english
                && call.turns(by: .agent).suffix(2).contains {
                    $0.turn.text.lowercased().contains("thank you for calling")
                }
        }.map(\.id)
        #expect(Set(comparison.changes.map(\.callID)) == Set(expected))
        #expect(expected.count == 2)
        for change in comparison.changes {
            #expect(change.items.map(\.id) == ["closing"])
            #expect(change.items[0].before == .pass && change.items[0].after == .partial)
            #expect(change.items[0].noLongerMatches.map(\.text) == ["Thank you for calling"])
            #expect(change.items[0].nowMatches.isEmpty)
            #expect(!change.flipped)
        }
        #expect(comparison.items.first { $0.id == "closing" }?.after == 0)
        #expect(comparison.meanAfter < comparison.meanBefore)
    }

    @Test("Identical rubrics change nothing; unrelated rubrics give the summary only")
    func summaries() throws {
        let english = try Fixtures.shipped("en-standard")
        let same = compare(english, english)
        #expect(same.changes.isEmpty && same.meanBefore == same.meanAfter)
        #expect(same.agents.allSatisfy { $0.rankBefore == $0.rankAfter })
        let other = compare(english, try Fixtures.rubric("checks"))
        #expect(!other.sameRubric)
        #expect(other.changes.isEmpty)
        #expect(other.items.contains { $0.id == "blame" } && other.items.contains { $0.id == "forbidden" })
    }

    @Test("A verdict that flips, and agents that change rank")
    func flips() throws {
        // Without "you must have" and the other blame phrases, the poor calls lose their critical failure.
        let before = try Fixtures.shipped("en-standard")
        let path = Fixtures.shippedRubrics.appendingPathComponent("en-standard.yaml")
        let text = try String(contentsOf: path, encoding: .utf8)
            .replacingOccurrences(of: "version: 1.0.0", with: "version: 2.0.0")
            .replacingOccurrences(of: "critical: true", with: "critical: false")
            .replacingOccurrences(of: "pass: 80", with: "pass: 0")
        let after = try Rubric(yaml: text, source: "lenient.yaml")
        let comparison = compare(before, after)
        #expect(comparison.changes.contains { $0.flipped })
        #expect(comparison.passRateAfter > comparison.passRateBefore)
        #expect(comparison.agents.contains { $0.rankBefore != $0.rankAfter })
    }

    @Test(
        """
        One pass: each call read once and scored with both rubrics, the same on any number of threads; \
        read problems once
        """,
        arguments: [1, 3])
    func onePass(jobs: Int) throws {
        let before = try Fixtures.shipped("en-standard")
        let after = try Self.changedRubric(removing: "thank you for calling", from: "thanks-for-calling")
        let loader = TranscriptLoader()
        let inputs = loader.inputs(for: [
            Fixtures.corpora.appendingPathComponent("en").path, Fixtures.path("empty.txt"),
        ]).inputs
        var problems: [Diagnostic] = []
        let comparison = RubricComparison(
            before: Scorer(before), after: Scorer(after), inputs: inputs, loader: loader,
            jobs: jobs
        ) { problems.append($0) }

        let calls = inputs.flatMap { input in
            loader.events(from: input).compactMap { if case .call(let call) = $0 { call } else { nil } }
        }
        let pairs = calls.map { (before: Scorer(before).score($0), after: Scorer(after).score($0)) }
        #expect(comparison == RubricComparison(first: before, second: after, pairs: pairs))
        #expect(comparison.calls == calls.count && comparison.changes.count == 2)
        #expect(problems.map(\.source) == [Fixtures.path("empty.txt")])
    }

    @Test("Words another phrase of the new version still finds at the same place are no change")
    func sameWordsOtherPhrase() throws {
        func rubric(version: String, groups: String) throws -> Rubric {
            try Rubric(
                yaml: """
                    id: apologies
                    version: \(version)
                    title: Apologies
                    languages: [en]
                    pass: 50
                    lists:
                      farewells: [goodbye]
                    items:
                      - {id: a, title: A, weight: 100, description: a, check: {kind: phrase, require: all, groups: \(groups)}}
                    """, source: "apologies-\(version).yaml")
        }
        let before = try rubric(version: "1.0.0", groups: "[{phrases: [sorry]}, {phrases: [thanks]}]")
        let after = try rubric(
            version: "1.1.0", groups: "[{phrases: [sorr*]}, {phrases: [thanks]}, {phrases: [goodbye]}]")
        let call = Fixtures.call("Agent: Sorry about that, thanks. Sorry again.\nCustomer: Fine.\n")
        let comparison = RubricComparison(
            first: before, second: after, pairs: [(Scorer(before).score(call), Scorer(after).score(call))])
        let change = try #require(comparison.changes.first?.items.first)
        #expect(change.before == .pass && change.after == .partial)
        #expect(change.noLongerMatches.isEmpty)
        #expect(change.nowMatches.isEmpty)
    }
}
