import CallQA
import Foundation
import Testing

/// The README's library example, run. The end-to-end tests compile the
/// README's own text against the public API; this runs a copy of it, which
/// `copyMatchesReadme` keeps equal to the README.
@Suite("README example")
struct ReadmeExampleTests {
    @Test("The library example reads the corpora and scores the Chinese calls")
    func libraryExample() throws {
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }

        // Absolute paths below: tests run in parallel and must not change the working directory.
        // README example begins.
        // Read transcripts: files, directories, standard input.
        let loader = TranscriptLoader()
        let (inputs, problems) = loader.inputs(for: [Fixtures.corpora.path])
        problems.forEach { print($0) } // path:line: error: message

        // Load a rubric (every problem is reported with line and column) and compile it once.
        let rubric = try Rubric(contentsOf: Fixtures.shippedRubrics.appendingPathComponent("zh-standard.yaml"))
        let scorer = Scorer(rubric)

        for input in inputs {
            loader.read(input) { event in
                switch event {
                case .call(let call) where rubric.languages.contains(call.language):
                    let card = scorer.score(call)
                    print(call.id, card.score, card.passed ? "pass" : "fail")
                    for item in card.items where item.status == .fail {
                        print("  \(item.title): \(item.note)")
                        for evidence in item.evidence { print("    turn \(evidence.turn): \(evidence.text)") }
                    }
                case .call:
                    break // another language
                case .diagnostic(let diagnostic):
                    print(diagnostic)
                }
            }
        }
        // README example ends.

        #expect(printed.contains("zh-model-001 100.0 pass"))
        #expect(printed.contains("zh-poor-001 0.0 fail"))
        #expect(printed.contains("    turn 6: 可能是你算错了"))
        #expect(!printed.contains { $0.hasPrefix("en-") })
    }

    @Test("The example run here is the README's, word for word but for its paths")
    func copyMatchesReadme() throws {
        let root = Fixtures.corpora.deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "\n## Library\n").dropFirst().first)
        let block = try #require(
            section.components(separatedBy: "```swift\n").dropFirst().first?.components(separatedBy: "\n```").first)
        let expected = block.split(separator: "\n", omittingEmptySubsequences: false)
            .drop { $0.hasPrefix("import ") || $0.isEmpty }
            .map { line in
                line.replacingOccurrences(
                    of: "loader.inputs(for: [\"corpora/\"])", with: "loader.inputs(for: [Fixtures.corpora.path])"
                )
                .replacingOccurrences(
                    of: "URL(fileURLWithPath: \"rubrics/zh-standard.yaml\")",
                    with: "Fixtures.shippedRubrics.appendingPathComponent(\"zh-standard.yaml\")")
            }

        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let begin = try #require(source.firstIndex { $0.hasSuffix("// README example begins.") })
        let end = try #require(source.firstIndex { $0.hasSuffix("// README example ends.") })
        let copy = source[(begin + 1)..<end].map { $0.hasPrefix("        ") ? String($0.dropFirst(8)) : String($0) }
        #expect(copy == expected)
    }
}
