import CallQA

extension FuzzHarness {
    /// Reads human labels as `calibrate` and `rubric suggest` do, against the
    /// shipped rubrics' items and the corpus calls, and renders both reports.
    ///
    /// Suggestions score the calls they look at again, so they are asked for
    /// on at most ``suggestionCalls`` labelled calls per rubric, to keep an
    /// input's cost bounded.
    func readLabels(_ bytes: [UInt8], name: String) {
        let items = Set(rubrics.flatMap { $0.items.map(\.id) })
        let (labels, diagnostics) = HumanLabels.parse(bytes: bytes, source: name, knownItems: items)
        OutputRendering.renderDiagnostics(diagnostics)

        let labelled = Set(labels.labels.map(\.callID))
        let report = CalibrationReport(
            scorecards: corpusCards.filter { labelled.contains($0.callID) }, labels: labels)
        _ = report.table()
        OutputContract.json(report.json(diagnostics: diagnostics), "calibrate --format json")

        for scorer in scorers {
            let calls = corpusCalls.filter {
                labelled.contains($0.id) && scorer.rubric.languages.contains($0.language)
            }.prefix(Self.suggestionCalls)
            let suggestions = RubricSuggestions(scorer: scorer, calls: Array(calls), labels: labels)
            _ = suggestions.table()
            OutputContract.json(suggestions.json(diagnostics: diagnostics), "rubric suggest --format json")
        }
    }

    /// The most labelled calls per rubric that suggestions are made from.
    static let suggestionCalls = 3
}
