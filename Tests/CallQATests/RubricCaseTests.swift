import CallQA
import Foundation
import Testing

@Suite("Rubric cases")
struct RubricCaseTests {
    private func run(_ url: URL) throws -> (RubricTestRun, [RubricCase]) {
        let rubric = try Rubric(contentsOf: url)
        let cases = try RubricCase.load(forRubricAt: url, rubric: rubric)
        return (RubricTestRun(rubric: rubric, cases: cases), cases)
    }

    @Test(
        "The shipped rubrics carry at least ten cases per item, and pass them all",
        arguments: ["zh-standard", "en-standard"])
    func shipped(name: String) throws {
        let (run, cases) = try run(Fixtures.shippedRubrics.appendingPathComponent(name + ".yaml"))
        #expect(cases.count >= 10)
        for item in run.items { #expect(item.cases >= 10, "\(name): \(item.id) has \(item.cases) cases") }
        for failure in run.failures {
            let got = "got \(failure.actual.status) — \(failure.actual.note)"
            Issue.record("\(failure.testCase.name): \(failure.item) expected \(failure.expected), \(got)")
        }
    }

    @Test("Inline cases: true and false positives and negatives, precision, recall, and the failing case")
    func inline() throws {
        let (run, cases) = try run(Fixtures.root.appendingPathComponent("rubrics/with-cases.yaml"))
        #expect(
            cases.map(\.name) == ["apology given", "no apology", "nothing to apologise for", "wrongly expects a pass"])
        let apology = try #require(run.items.first)
        // Expected pass: "apology given" (passes) and "wrongly…" (negated: fails) → TP 1, FN 1.
        // Expected not pass: "no apology" (fail), "nothing…" (na) → TN 2, FP 0.
        #expect(apology.truePositives == 1 && apology.falseNegatives == 1)
        #expect(apology.trueNegatives == 2 && apology.falsePositives == 0)
        #expect(apology.precision == 1 && apology.recall == 0.5)
        #expect(apology.cases == 4 && apology.failures == 1)
        #expect(run.failures.map(\.testCase.name) == ["wrongly expects a pass"])
        #expect(run.failures.first?.testCase.line == 30)
    }

    @Test("Cases that cannot be read are errors with their line")
    func badCases() throws {
        let url = Fixtures.root.appendingPathComponent("rubrics/bad-cases.yaml")
        let rubric = try Rubric(contentsOf: url)
        let error = try #require(throws: RubricError.self) { try RubricCase.load(forRubricAt: url, rubric: rubric) }
        #expect(error.problems.map(\.line) == [17, 20, 21])
        #expect(error.problems[0].message == "case 'unknown item': the rubric has no item 'greting'")
        #expect(error.problems[2].message == "case 'no transcript' needs either 'transcript' or 'say'")
    }
}
