import CallQA
import Testing

/// The README's library example, kept compiling and working.
@Suite("README example")
struct ReadmeExampleTests {
    @Test("The library example reads the corpora")
    func libraryExample() {
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }
        // From README.md, "Library" (with the corpora's absolute path: tests run in parallel
        // and must not change the working directory):
        let loader = TranscriptLoader()
        let (inputs, problems) = loader.inputs(for: [Fixtures.corpora.path])
        problems.forEach { print($0) }                      // path:line: error: message

        for input in inputs {
            loader.read(input) { event in
                switch event {
                case .call(let call):
                    let agentTurns = call.turns(by: .agent)
                    print(call.id, call.agent ?? "-", call.language.rawValue, "\(agentTurns.count) agent turns")
                case .diagnostic(let diagnostic):
                    print(diagnostic)
                }
            }
        }

        #expect(printed.count >= 10)
        #expect(printed.contains("zh-model-001 张丽 zh-Hans 7 agent turns"))
    }
}
