import Foundation
import Testing

/// `callqa rubric suggest`: wording to add to a rubric or remove from it, from labelled calls.
@Suite("rubric suggest")
struct RubricSuggestCommandTests {
    static let folder = "Tests/Fixtures/suggest/en/"
    static let arguments = [
        "rubric", "suggest", "--human", folder + "labels.csv", folder + "calls", "--rubric", folder + "rubric.yaml",
    ]

    @Test("JSON: every item with its groups, lists and candidates, fields in a fixed order")
    func json() throws {
        let result = try CLI.run(Self.arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let document = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        #expect((document["rubric"] as? [String: Any])?["id"] as? String == "suggest-demo-en")
        #expect(document["labelledCalls"] as? Int == 14)
        #expect(document["minimumSupport"] as? Int == 2 && document["top"] as? Int == 10)
        let items = try #require(document["items"] as? [[String: Any]])
        #expect(items.compactMap { $0["id"] as? String } == ["greeting", "apology", "closing", "forbidden"])
        let calls = try #require(items[0]["calls"] as? [String: Int])
        #expect(calls == ["bothPass": 4, "bothNotPass": 3, "humanOnlyPass": 3, "machineOnlyPass": 2, "tied": 1])
        let add = try #require(items[0]["add"] as? [String: Any])
        #expect(add["group"] as? String == "humanOnlyPass" && add["againstGroup"] as? String == "bothNotPass")
        let first = try #require((add["candidates"] as? [[String: Any]])?.first)
        #expect(first["phrase"] as? String == "thanks for calling")
        #expect(first["in"] as? Int == 3 && first["of"] as? Int == 3)
        #expect(first["against"] as? Int == 0 && first["againstOf"] as? Int == 3)
        #expect(first["score"] as? Double == 3.89)
        let examples = try #require(first["examples"] as? [[String: Any]])
        #expect(examples.compactMap { $0["call"] as? String } == ["en-s-04", "en-s-05"])
        #expect(items[1]["triggers"] != nil && items[0]["triggers"] == nil)
        #expect((document["errors"] as? [Any])?.isEmpty == true)

        // Field order is part of the output: keys of a candidate appear as documented.
        let keys = ["\"phrase\"", "\"speaker\"", "\"in\"", "\"of\"", "\"against\"", "\"againstOf\"", "\"score\""]
        let positions = keys.compactMap { result.stdout.range(of: $0)?.lowerBound }
        #expect(positions.count == keys.count && positions == positions.sorted())
    }

    @Test("The table is the default; --item, --top and --min-support narrow it")
    func options() throws {
        let result = try CLI.run(Self.arguments + ["--item", "closing", "--top", "1", "--min-support", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Rubric suggestions for suggest-demo-en 1.0.0 · 14 labelled calls\n"))
        #expect(result.stdout.contains("closing · Closing · phrase"))
        #expect(!result.stdout.contains("greeting · Opening"))
        #expect(result.stdout.contains("    take care  2/2      0/3   3.56\n"))
        #expect(!result.stdout.contains("    thanks "))
    }

    @Test("An item the rubric lacks, and values out of range, are usage errors")
    func usage() throws {
        let unknown = try CLI.run(Self.arguments + ["--item", "greting"])
        #expect(unknown.status == 2)
        #expect(
            unknown.stderr.contains(
                "no item 'greting' in rubric suggest-demo-en (items: greeting, apology, closing, forbidden)"))
        #expect(try CLI.run(Self.arguments + ["--top", "0"]).status == 2)
        #expect(try CLI.run(Self.arguments + ["--min-support", "0"]).status == 2)
        #expect(
            try CLI.run(["rubric", "suggest", "--human", Self.folder + "labels.csv", Self.folder + "calls"]).status == 2
        )
        let noLabels = try CLI.run([
            "rubric", "suggest", "--human", "no-such.csv", Self.folder + "calls", "--rubric",
            Self.folder + "rubric.yaml",
        ])
        #expect(noLabels.status == 2 && noLabels.stderr.contains("cannot read no-such.csv"))
    }

    @Test("Bad label rows and calls not scored are reported with their line; the rest still counts (exit 1)")
    func badRows() throws {
        let result = try CLI.run([
            "rubric", "suggest", "--human", Self.folder + "labels-errors.csv", Self.folder + "calls",
            "--rubric", Self.folder + "rubric.yaml", "--format", "json",
        ])
        #expect(result.status == 1)
        let labels = Self.folder + "labels-errors.csv"
        #expect(result.stderr.contains("\(labels):1: warning: column 'courtesy' is not an item of the rubric; ignored"))
        #expect(result.stderr.contains("\(labels):3: error: 'maybe' is not a verdict for 'greeting'"))
        #expect(
            result.stderr.contains("\(labels):4: error: call 'en-s-99' is not among the calls scored; row left out"))
        #expect(result.stderr.contains("\(labels):5: error: 3 fields where the header has 7; row skipped"))
        let document = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        #expect(document["labelledCalls"] as? Int == 2)
        #expect((document["errors"] as? [Any])?.count == 3)
    }

    @Test("No labelled call among the calls scored is an error (exit 1)")
    func nothingLabelled() throws {
        let result = try CLI.run([
            "rubric", "suggest", "--human", "Tests/Fixtures/suggest/zh/labels.csv", Self.folder + "calls",
            "--rubric", Self.folder + "rubric.yaml",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no labelled call is among the calls scored: nothing to learn from"))
        #expect(result.stdout.contains("0 labelled calls"))
    }

    @Test("The README's example is the command's output on the fixture calls")
    func readme() throws {
        let section = try ReadmeSection("`callqa rubric suggest`")
        let lines = section.lines.map(String.init)
        let command = try #require(lines.firstIndex { $0.hasPrefix("callqa rubric suggest --human Tests/") })
        let arguments = (lines[command] + " " + lines[command + 1]).replacingOccurrences(of: "\\", with: " ")
            .split(separator: " ").dropFirst().map(String.init)
        let start = try #require(lines[command...].firstIndex { $0.hasPrefix("Rubric suggestions for") })
        let end = try #require(lines[start...].firstIndex(of: "```"))
        let result = try CLI.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == lines[start..<end].joined(separator: "\n") + "\n")
    }
}
