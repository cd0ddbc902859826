import CallQA
import Foundation

/// What every input is run against, loaded once before the first input: the
/// shipped rubrics and their scorers, two small built-in calls to score a
/// fuzzed rubric with, and the sample calls of `corpora/` scored with the
/// shipped rubrics, for fuzzed human labels to refer to.
struct FuzzHarness: Sendable {
    /// The shipped rubrics, in file-name order.
    let rubrics: [Rubric]
    /// A scorer per shipped rubric, in the same order.
    let scorers: [Scorer]
    /// The built-in calls a fuzzed rubric scores.
    let samples: [Call]
    /// The calls of `corpora/`, or the built-in calls when there is no such folder.
    let corpusCalls: [Call]
    /// The corpus calls scored, each with the shipped rubric for its language.
    let corpusCards: [Scorecard]

    /// Why the harness could not be set up.
    struct SetupError: Error, CustomStringConvertible {
        /// What is missing.
        var description: String
    }

    /// Loads the shipped rubrics (as `callqa` finds them: `$CALLQA_RUBRICS`,
    /// `./rubrics`, or `rubrics/` above the executable) and the sample calls
    /// in `corpora/` beside them.
    static func load() throws(SetupError) -> FuzzHarness {
        guard let directory = RubricCatalog.shippedDirectory() else {
            throw SetupError(description: "no shipped rubrics found: set CALLQA_RUBRICS to the rubrics folder")
        }
        let (catalog, errors) = RubricCatalog.load(directory: directory)
        guard errors.isEmpty, !catalog.rubrics.isEmpty else {
            throw SetupError(
                description: "the rubrics in \(directory.path) do not load: "
                    + errors.map(\.description).joined(separator: "; "))
        }
        let samples = SampleCalls.all
        let corpus = directory.deletingLastPathComponent().appendingPathComponent("corpora").path
        var corpusCalls: [Call] = []
        if FileManager.default.fileExists(atPath: corpus) {
            let loader = TranscriptLoader()
            for input in loader.inputs(for: [corpus]).inputs {
                loader.read(input) { event in
                    if case .call(let call) = event { corpusCalls.append(call) }
                }
            }
        }
        if corpusCalls.isEmpty { corpusCalls = samples }
        let scorers = catalog.rubrics.map(Scorer.init)
        return FuzzHarness(
            rubrics: catalog.rubrics, scorers: scorers, samples: samples, corpusCalls: corpusCalls,
            corpusCards: corpusCalls.map { Self.scorer(for: $0, among: scorers).score($0) })
    }

    /// The shipped rubric's scorer for the call's language, else the first.
    func scorer(for call: Call) -> Scorer {
        Self.scorer(for: call, among: scorers)
    }

    private static func scorer(for call: Call, among scorers: [Scorer]) -> Scorer {
        scorers.first { $0.rubric.languages.contains(call.language) } ?? scorers[0]
    }
}
