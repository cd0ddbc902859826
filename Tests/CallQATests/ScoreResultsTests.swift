import CallQA
import Foundation
import Testing

/// `score --format jsonl` results read back: shards summed, mixed rubric
/// versions found, broken lines and files reported.
@Suite("Score results read back")
struct ScoreResultsTests {
    /// A scratch folder, removed by `body`'s end.
    private func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "callqa-results-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    /// The corpus's English calls scored with `rubric`, as JSON Lines.
    private func lines(_ rubric: Rubric) -> [String] {
        let scorer = Scorer(rubric)
        return Fixtures.corpusCalls().filter { $0.language == .english }.map { ScoreJSONStream.line(scorer.score($0)) }
    }

    @Test("Two shards read back give the summary of all their calls together")
    func shards() throws {
        let rubric = try Fixtures.shipped("en-standard")
        let all = lines(rubric)
        try withFolder { folder in
            let first = folder.appendingPathComponent("first.jsonl")
            let second = folder.appendingPathComponent("second.jsonl")
            try all.prefix(2).joined().write(to: first, atomically: true, encoding: .utf8)
            try ("\n" + all.dropFirst(2).joined() + "  \n").write(to: second, atomically: true, encoding: .utf8)
            var results = ScoreResults()
            var problems: [Diagnostic] = []
            for file in [first, second] { results.read(path: file.path) { problems.append($0) } }

            var expected = ScoreSummary()
            for line in all { expected.add(try JSONDecoder().decode(ScoreRecord.self, from: Data(line.utf8))) }
            #expect(problems.isEmpty)
            #expect(results.summary.calls == all.count && results.summary.calls == expected.calls)
            #expect(results.summary.agents() == expected.agents())
            #expect(results.summary.items.map(\.id) == expected.items.map(\.id))
            #expect(results.mixedRubrics.isEmpty)
        }
    }

    @Test("Results of two versions of one rubric are a mix, each version with the first file holding it")
    func mixed() throws {
        let rubric = try Fixtures.shipped("en-standard")
        let changed = try ComparisonTests.changedRubric(removing: "thank you for calling", from: "thanks-for-calling")
        try withFolder { folder in
            let old = folder.appendingPathComponent("old.jsonl")
            let new = folder.appendingPathComponent("new.jsonl")
            try lines(rubric).joined().write(to: old, atomically: true, encoding: .utf8)
            try lines(changed).joined().write(to: new, atomically: true, encoding: .utf8)
            var results = ScoreResults()
            for file in [old, new] { results.read(path: file.path) { Issue.record("\($0)") } }
            // The first file again: the same results, reported and not counted twice.
            var repeated: [Diagnostic] = []
            results.read(path: old.path) { repeated.append($0) }
            #expect(repeated.count == lines(rubric).count)
            #expect(repeated.allSatisfy { $0.severity == .error && $0.message.contains("was already counted from") })
            let mixes = results.mixedRubrics
            #expect(mixes.map(\.id) == ["en-standard"])
            #expect(mixes.first?.versions.map(\.rubric) == [RubricReference(rubric), RubricReference(changed)])
            #expect(mixes.first?.versions.map(\.firstSource) == [old.path, new.path])
            #expect(
                mixes.first?.description.hasPrefix(
                    "results mix versions of rubric en-standard: en-standard \(rubric.version) (sha256 ") == true)
            #expect(
                mixes.first?.description.contains(
                    "; en-standard \(changed.version) (sha256 \(RubricReference(changed).sha256.prefix(12)),"
                        + " first in \(new.path))"
                ) == true)
        }
    }

    @Test("Lines that are not results and files that cannot be read are errors; the rest still count")
    func broken() throws {
        let good = lines(try Fixtures.shipped("en-standard"))[0]
        try withFolder { folder in
            let file = folder.appendingPathComponent("broken.jsonl")
            try (good + "\n" + "not json\n" + "{\"id\": \"x\"}\n").write(to: file, atomically: true, encoding: .utf8)
            var results = ScoreResults()
            var problems: [Diagnostic] = []
            results.read(path: file.path) { problems.append($0) }
            results.read(path: folder.appendingPathComponent("missing.jsonl").path) { problems.append($0) }
            #expect(results.summary.calls == 1)
            #expect(problems.map(\.line) == [3, 4, nil])
            #expect(problems.allSatisfy { $0.severity == .error })
            #expect(problems[0].message == "not a result of 'callqa score --format jsonl': not valid JSON")
            #expect(problems[1].message.hasPrefix("not a result of 'callqa score --format jsonl': no '"))
            #expect(problems[2].source.hasSuffix("missing.jsonl"))
        }
    }
}
