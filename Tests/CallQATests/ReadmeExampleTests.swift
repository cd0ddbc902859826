import CallQA
import Foundation
import Testing

/// The README's library example, kept compiling and working.
@Suite("README example")
struct ReadmeExampleTests {
    @Test("The library example reads the corpora and scores the Chinese calls")
    func libraryExample() throws {
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }

        // From README.md, "Library" (with absolute paths: tests run in parallel
        // and must not change the working directory):
        // Read transcripts: files, directories, standard input.
        let loader = TranscriptLoader()
        let (inputs, problems) = loader.inputs(for: [Fixtures.corpora.path])
        problems.forEach { print($0) }                      // path:line: error: message

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
                    break                                       // another language
                case .diagnostic(let diagnostic):
                    print(diagnostic)
                }
            }
        }

        #expect(printed.contains("zh-model-001 100.0 pass"))
        #expect(printed.contains("zh-poor-001 0.0 fail"))
        #expect(printed.contains("    turn 6: 可能是你算错了"))
        #expect(!printed.contains { $0.hasPrefix("en-") })
    }
}
