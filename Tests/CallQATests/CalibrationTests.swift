import Foundation
import Testing

@testable import CallQA

@Suite("Calibration against human evaluators")
struct CalibrationTests {
    // MARK: statistics, against textbook values

    @Test("Cohen's kappa: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no gives 0.4")
    func kappaTextbook() throws {
        let pairs =
            Array(repeating: ("yes", "yes"), count: 20) + Array(repeating: ("yes", "no"), count: 5)
            + Array(repeating: ("no", "yes"), count: 10) + Array(repeating: ("no", "no"), count: 15)
        // observed 35/50 = 0.7; chance 0.5·0.6 + 0.5·0.4 = 0.5; (0.7 − 0.5) / 0.5 = 0.4
        #expect(abs(try #require(Agreement.kappa(pairs)) - 0.4) < 1e-12)
        #expect(Agreement.rate(pairs) == 0.7)
    }

    @Test("Kappa edge cases: perfect agreement, one label throughout, nothing to compare")
    func kappaEdges() {
        #expect(Agreement.kappa([("a", "a"), ("b", "b")]) == 1)
        #expect(Agreement.kappa([("a", "a"), ("a", "a")]) == nil)
        #expect(Agreement.kappa([(String, String)]()) == nil)
        #expect(Agreement.rate([(String, String)]()) == nil)
    }

    @Test("Pearson and Spearman, with ties, and no variance")
    func correlations() throws {
        let pairs: [(Double, Double)] = [(1, 2), (2, 4), (3, 5), (4, 4), (5, 5)]
        #expect(abs(try #require(Agreement.pearson(pairs)) - 0.7745966692414834) < 1e-12)
        #expect(abs(try #require(Agreement.spearman(pairs)) - 0.7378647873726218) < 1e-12)
        #expect(Agreement.ranks([10, 20, 20, 30]) == [1, 2.5, 2.5, 4])
        #expect(Agreement.pearson([(1, 5), (2, 5), (3, 5)]) == nil)
        #expect(Agreement.pearson([(1, 5)]) == nil)
        #expect(Agreement.meanAbsoluteDifference([(0, 10), (5, 0)]) == 7.5)
        #expect(Agreement.shareWithin(10, [(0, 10), (0, 10.5)]) == 0.5)
    }

    // MARK: on the corpora, with hand-made label files

    private func report(_ labels: String) throws -> (CalibrationReport, [Diagnostic]) {
        let (catalog, _) = RubricCatalog.load(directory: Fixtures.shippedRubrics)
        let known = Set(catalog.rubrics.flatMap { $0.items.map(\.id) })
        let text = try String(contentsOf: Fixtures.root.appendingPathComponent("labels/" + labels), encoding: .utf8)
        let (parsed, problems) = HumanLabels.parse(text, source: labels, knownItems: known)
        let cards = Fixtures.corpusCalls().map { Scorer(catalog.rubric(for: $0.language)!).score($0) }
        return (CalibrationReport(scorecards: cards, labels: parsed), problems)
    }

    @Test("Known values on the corpora: item agreement and kappa, totals, disagreements")
    func corpora() throws {
        let (report, problems) = try report("corpora.csv")
        let greeting = try #require(report.items.first { $0.id == "greeting" })
        // 9 pairs, 8 agree (zh-claim-014: machine partial, i.e. not a pass; human pass).
        // Machine 4 pass / 5 fail, human 5 / 4: chance 40/81; kappa (8/9 − 40/81) / (1 − 40/81) = 0.78049.
        #expect(greeting.pairs == 9)
        #expect(abs(try #require(greeting.agreement) - 8.0 / 9) < 1e-12)
        #expect(abs(try #require(greeting.kappa) - 0.7804878048780487) < 1e-12)
        #expect(greeting.humanPairs == 2 && greeting.humanKappa == 1)
        let closing = try #require(report.items.first { $0.id == "closing" })
        #expect(closing.pairs == 8 && closing.agreement == 0.75)
        let closingKappa = try #require(closing.kappa)
        #expect(abs(closingKappa - 0.5) < 1e-12)
        let name = try #require(report.items.first { $0.id == "customer-name" })
        #expect(name.humanAgreement == 0.5 && name.humanKappa == 0) // 王敏 fail, 李强 pass on zh-poor-001
        #expect(report.items.map(\.id) == ["greeting", "apology", "customer-name", "closing"])

        // Totals (human mean per call): |100−97.5|, |0−15|, |33.3−75|, |100−90|, |0−5|, |95.8−85|
        // (en-service-201 is timed: its interruptions item applies and passes).
        #expect(report.total.calls == 6)
        #expect(abs(try #require(report.total.meanAbsoluteDifference) - 85.0 / 6) < 1e-9)
        #expect(report.total.withinTen == 0.5)
        #expect(abs(try #require(report.total.pearson) - 0.9219673931992876) < 1e-9)
        #expect(abs(try #require(report.total.spearman) - 0.9710083124552246) < 1e-9)
        #expect(report.disagreements.first?.callID == "zh-claim-014")
        #expect(report.disagreements.first?.items.first?.evidence.first?.text == "早上好")
        // Each says what decided the machine's score: a critical failure, else the items that lost most.
        let poor = try #require(report.disagreements.first { $0.callID == "zh-poor-001" })
        #expect(
            poor.why.hasPrefix(
                "critical item failed, which sets the score to 0 whatever the other items say — 'forbidden': "))
        let claim = try #require(report.disagreements.first)
        #expect(claim.why.hasPrefix("score 33.3: most points lost on "), "\(claim.why)")

        // Unknown columns are reported; malformed rows and cells are errors with their line.
        #expect(problems.map(\.line) == [1, 11, 11, 12])
        #expect(problems[0].severity == .warning && problems[0].message.contains("'colour'"))
        #expect(problems.dropFirst().allSatisfy { $0.severity == .error })
    }

    @Test("All agree: agreement 1, kappa 1 where labels vary; no variance in totals: no correlation")
    func edges() throws {
        let (agree, _) = try report("all-agree.csv")
        #expect(agree.items.allSatisfy { $0.agreement == 1 && $0.kappa == 1 && $0.humanKappa == 1 })
        #expect(agree.total.pearson == 1 && agree.total.meanAbsoluteDifference == 0 && agree.disagreements.isEmpty)
        let (flat, _) = try report("no-variance.csv")
        #expect(flat.total.pearson == nil && flat.total.spearman == nil)
        #expect(flat.items.first?.kappa == nil) // one label throughout: kappa is undefined, not 0 or 1
        #expect(flat.items.first?.agreement == 1)
        #expect(flat.items.first?.humanPairs == 0 && flat.items.first?.humanAgreement == nil)
    }

    @Test("CSV fields: quotes, commas, line breaks, CRLF, a byte-order mark")
    func csv() {
        let table = CSVReader.read("\u{FEFF}a,b\r\n\"x, \"\"y\"\"\",\"line\nbreak\"\r\n\r\nlast,\n")
        #expect(table.rows.map(\.fields) == [["a", "b"], ["x, \"y\"", "line\nbreak"], ["last", ""]])
        #expect(table.rows.map(\.line) == [1, 2, 5])
        #expect(table.problems.isEmpty)
    }

    @Test("A stray quote: 'unterminated quote starting on line N', and no row from there on is data")
    func strayQuote() throws {
        let bytes = try [UInt8](Data(contentsOf: Fixtures.root.appendingPathComponent("labels/stray-quote.csv")))
        let (labels, problems) = HumanLabels.parse(
            bytes: bytes, source: "stray-quote.csv", knownItems: ["greeting", "apology"])
        #expect(labels.labels.map(\.callID) == ["zh-model-001"])
        #expect(problems.count == 1)
        #expect(problems.first?.line == 3)
        #expect(problems.first?.message.hasPrefix("unterminated quote starting on line 3") == true)
    }

    @Test("A quote inside an unquoted field, or text after a closing quote: that row is an error, the next is read")
    func misplacedQuotes() throws {
        let bytes = try [UInt8](Data(contentsOf: Fixtures.root.appendingPathComponent("labels/misplaced-quotes.csv")))
        let (labels, problems) = HumanLabels.parse(bytes: bytes, source: "q.csv", knownItems: ["greeting"])
        #expect(labels.labels.map(\.callID) == ["zh-card-201"])
        #expect(labels.labels.first?.evaluator == "li")
        #expect(problems.map(\.line) == [2, 3])
        #expect(problems.allSatisfy { $0.severity == .error && $0.message.hasSuffix("row skipped") })
    }

    @Test("A labels file that is not UTF-8 is an error naming line and column, with no label read")
    func notUTF8() throws {
        let bytes = try [UInt8](Data(contentsOf: Fixtures.root.appendingPathComponent("labels/latin1.csv")))
        let (labels, problems) = HumanLabels.parse(bytes: bytes, source: "latin1.csv", knownItems: ["greeting"])
        #expect(labels.labels.isEmpty)
        #expect(problems.count == 1)
        #expect(problems.first?.line == 2)
        #expect(problems.first?.message.contains("invalid UTF-8") == true)
        #expect(!problems.contains { $0.message.contains("\u{FFFD}") })
    }
}
