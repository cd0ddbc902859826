import CallQA

extension FuzzHarness {
    /// Loads a rubric as `rubric lint` and `--rubric FILE` do; when it loads,
    /// lints it, compiles it, scores the built-in calls with it, renders every
    /// output for them, and compares it with the shipped rubric of each call's
    /// language as `compare` does.
    func loadRubric(_ bytes: [UInt8], name: String) {
        // `Rubric(contentsOf:)` refuses a file that is not UTF-8 before parsing it.
        guard let yaml = String(validating: bytes, as: UTF8.self) else { return }
        let rubric: Rubric
        do {
            rubric = try Rubric(yaml: yaml, source: name)
        } catch {
            _ = error.description
            OutputRendering.renderDiagnostics(error.diagnostics)
            return
        }
        for warning in RubricLint.warnings(for: rubric) { _ = warning.description }
        _ = rubric.sha256
        let scorer = Scorer(rubric)
        for call in samples {
            let card = scorer.score(call)
            OutputRendering.renderAll(call: call, card: card, rubric: rubric)
            let shipped = self.scorer(for: call)
            let comparison = RubricComparison(
                first: shipped.rubric, second: rubric, pairs: [(before: shipped.score(call), after: card)])
            _ = comparison.text()
            _ = comparison.markdown()
            OutputContract.json(comparison.json(), "compare --format json")
        }
    }
}
