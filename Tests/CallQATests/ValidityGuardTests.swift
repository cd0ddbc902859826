import Foundation
import Testing

@testable import CallQA

/// The shipped rubrics against conversations people labelled item by item.
///
/// `CALLQA_VALIDITY_DIR` names a folder holding `zh/` and `en/`, each with
/// `calls/` and `labels.csv` (as `callqa calibrate` reads them). Each set is
/// scored with its shipped rubric (`zh-standard`, `en-standard`) and every
/// item's Cohen's kappa — three classes, pass / not pass / na, exactly the
/// figure `callqa calibrate --rubric …` prints — is held to the product's
/// targets (0.70 for an item with at least 10 applicable labels, 0.75 for
/// all items together) and to its floor in `Tests/Fixtures/validity-floor.json`:
/// a ratchet, a little under what was last measured, that fails when an item
/// gets worse. A table of kappa, floor and target per item is printed either
/// way.
///
/// `CALLQA_VALIDITY_RAISE_FLOORS=1` raises every floor to the kappa measured
/// minus the file's margin, where that is higher (floors never go down this
/// way); review the change with `git diff Tests/Fixtures/validity-floor.json`.
@Suite("Validity guard", .serialized)
struct ValidityGuardTests {
    /// The folder of labelled sets, when the environment names one.
    static let directory: URL? = ProcessInfo.processInfo.environment["CALLQA_VALIDITY_DIR"]
        .flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }

    /// Whether this run raises the floors to what is measured.
    static var raisesFloors: Bool {
        ProcessInfo.processInfo.environment["CALLQA_VALIDITY_RAISE_FLOORS"].map { !$0.isEmpty && $0 != "0" } ?? false
    }

    /// The committed floors and targets.
    static let floorsFile = Fixtures.root.appendingPathComponent("validity-floor.json")

    @Test(
        "Each item's kappa on the labelled sets meets the targets and stays at or above its floor",
        .enabled(
            if: directory != nil,
            "CALLQA_VALIDITY_DIR is not set: the validity guard did not run (set it to a folder with zh/ and en/)"),
        arguments: ["zh", "en"])
    func kappaMeetsTargets(language: String) throws {
        let directory = try #require(Self.directory)
        var floors = try ValidityFloors.load(from: Self.floorsFile)
        let index = try #require(
            floors.languages.firstIndex { $0.language == language }, "no floors for '\(language)' in the floors file")
        let set = floors.languages[index]
        let rubric = try Fixtures.shipped(set.rubric)
        let folder = directory.appendingPathComponent(language)
        let (measured, problems) = try ValidityMeasurement.measure(
            rubric: rubric, labels: folder.appendingPathComponent("labels.csv"),
            calls: folder.appendingPathComponent("calls"))
        for problem in problems where problem.severity == .error {
            Issue.record("\(language): the labelled set cannot be read in full: \(problem)")
        }
        #expect(measured.labelledCalls > 0, "\(language): no labelled call was scored")

        print(
            measured.table(title: "\(language) (\(rubric.id) \(rubric.version))", floors: set, targets: floors.targets))
        for figure in measured.items + [measured.all] {
            if let target = floors.targets.target(for: figure), let kappa = figure.kappa {
                #expect(
                    kappa >= target,
                    "\(language) \(figure.id): kappa \(NumberText.fixed(kappa, places: 3)) is below the target \(target)"
                )
            }
            guard let floor = set.floor(of: figure.id) else { continue }
            guard let kappa = figure.kappa else {
                Issue.record(
                    "\(language) \(figure.id): kappa is undefined (one label throughout); its floor is \(floor)")
                continue
            }
            #expect(
                kappa >= floor,
                "\(language) \(figure.id): kappa \(NumberText.fixed(kappa, places: 3)) fell below its floor \(floor)")
        }

        if Self.raisesFloors {
            floors.languages[index] = set.raised(to: measured, margin: floors.margin, rubric: rubric)
            try floors.write(to: Self.floorsFile)
            print(
                "validity guard: \(language) floors raised where the measure allows; see git diff \(Self.floorsFile.path)"
            )
        }
    }

    @Test("The guard measures as calibrate does: per-item kappa from the calibration report, all items pooled")
    func measurement() throws {
        let rubric = try Fixtures.shipped("zh-standard")
        let (measured, problems) = try ValidityMeasurement.measure(
            rubric: rubric, labels: Fixtures.root.appendingPathComponent("labels/corpora.csv"),
            calls: Fixtures.corpora.appendingPathComponent("zh-Hans"))
        #expect(problems.contains { $0.severity == .error }) // rows for English calls are not scored here
        let text = try String(
            contentsOf: Fixtures.root.appendingPathComponent("labels/corpora.csv"), encoding: .utf8)
        let labels = HumanLabels.parse(text, source: "corpora.csv", knownItems: Set(rubric.items.map(\.id))).0
        let scorer = Scorer(rubric)
        let loader = TranscriptLoader()
        let cards = loader.inputs(for: [Fixtures.corpora.appendingPathComponent("zh-Hans").path]).inputs
            .flatMap { input in
                loader.events(from: input).compactMap {
                    if case .call(let call) = $0 { scorer.score(call) } else { nil }
                }
            }
        let report = CalibrationReport(scorecards: cards, labels: labels)
        #expect(measured.items.map(\.id) == report.items.map(\.id))
        #expect(measured.items.map(\.kappa) == report.items.map(\.kappa))
        #expect(measured.labelledCalls == report.labelledCalls)

        // All items: the kappa of every (machine, human) pair of every item, pooled.
        let scored = Set(cards.map(\.callID))
        var pairs: [(HumanLabels.Verdict, HumanLabels.Verdict)] = []
        var applicable: [String: Int] = [:]
        for label in labels.labels where scored.contains(label.callID) {
            let card = try #require(cards.first { $0.callID == label.callID })
            for id in labels.items {
                guard let human = label.verdicts[id], let status = card.item(id)?.status else { continue }
                pairs.append((HumanLabels.Verdict(status), human))
                if human != .na { applicable[id, default: 0] += 1 }
            }
        }
        #expect(measured.all.kappa == Agreement.kappa(pairs))
        #expect(measured.all.applicable == applicable.values.reduce(0, +))
        #expect(measured.items.map(\.applicable) == labels.items.map { applicable[$0] ?? 0 })
    }

    @Test("Floors rise to the measure minus the margin, never fall, and read back as written")
    func raising() throws {
        let items: [String: Double?] = ["greeting": 0.40, "closing": Double?.none, "apology": 0.9]
        let set = ValidityFloors.Language(
            language: "zh", rubric: "zh-standard", measuredWith: "zh-standard 0.0.0", all: 0.5, items: items)
        let measured = ValidityMeasurement(
            labelledCalls: 3,
            items: [
                .init(id: "greeting", applicable: 12, kappa: 0.456), .init(id: "closing", applicable: 3, kappa: 0.3),
                .init(id: "apology", applicable: 20, kappa: 0.5), .init(id: "empathy", applicable: 20, kappa: nil),
            ],
            all: .init(id: "all", applicable: 55, kappa: 0.52))
        let raised = set.raised(to: measured, margin: 0.02, rubric: try Fixtures.shipped("zh-standard"))
        #expect(raised.floor(of: "greeting") == 0.43)
        #expect(raised.floor(of: "closing") == 0.28)
        #expect(raised.floor(of: "apology") == 0.9)
        #expect(raised.floor(of: "empathy") == nil)
        #expect(raised.floor(of: "all") == 0.5)
        #expect(raised.items.keys.sorted() == ["apology", "closing", "empathy", "greeting"])
        #expect(raised.measuredWith.hasPrefix("zh-standard "))
        #expect(ValidityFloors.floor(0.3, margin: 0.02) == 0.28)
        #expect(ValidityFloors.floor(-0.001, margin: 0.02) == -0.03)

        var floors = try ValidityFloors.load(from: Self.floorsFile)
        floors.languages[0] = raised
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("floors-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try floors.write(to: file)
        #expect(try ValidityFloors.load(from: file) == floors)
    }
}
