import Testing

/// `callqa rubric phrases`: the compiled phrase set, for running peers on it.
@Suite("rubric phrases")
struct RubricPhrasesCommandTests {
    @Test("Prints each normalised phrase of the shipped rubrics once, negators and introductions included")
    func shipped() throws {
        let result = try CLI.run(["rubric", "phrases", "zh-standard", "en-standard"])
        #expect(result.status == 0)
        let phrases = result.stdout.split(separator: "\n").map(String.init)
        #expect(Set(phrases).count == phrases.count)
        #expect(phrases.contains("您好") && phrases.contains("感谢您的来电") && phrases.contains("没有"))
        #expect(phrases.contains("i understand") && phrases.contains("thank you for calling"))
        #expect(!phrases.contains { $0 != $0.lowercased() || $0.hasPrefix(" ") || $0.hasSuffix(" ") })
    }

    @Test("Traditional and full-width phrases print normalised, repeats once")
    func normalised() throws {
        let result = try CLI.run(["rubric", "phrases", "Tests/Fixtures/rubrics/phrases.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "谢谢您的来电\nthank you\n不\nnot\n")
    }

    @Test("A rubric that does not load is a usage error")
    func invalid() throws {
        let result = try CLI.run(["rubric", "phrases", "no-such-rubric"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no-such-rubric"))
    }
}
