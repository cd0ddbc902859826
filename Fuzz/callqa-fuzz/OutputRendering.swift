import CallQA
import Foundation

/// Renders a call and its scorecard in every form the command writes, and
/// holds the machine-readable forms to their contracts: JSON parses, every CSV
/// row has the header's number of fields, a JSON Lines result reads back as
/// `report` reads it, and an HTML page carries no element of the call's.
enum OutputRendering {
    /// Every output of `score`, `explain`, `inspect` and `convert` for one call.
    static func renderAll(call: Call, card: Scorecard, rubric: Rubric) {
        renderScore(card, rubric: rubric)
        renderExplanation(call: call, card: card, rubric: rubric)
        renderInspection(call)
        renderPages(call: call, card: card, rubric: rubric)
        _ = TranscriptWriter.plainText(call)
        _ = TranscriptWriter.xmlDocument([call])
    }

    /// `score` in JSON, JSON Lines, CSV (per call and per agent) and tables.
    static func renderScore(_ card: Scorecard, rubric: Rubric) {
        var summary = ScoreSummary()
        summary.add(ScoreRecord(card))

        var document = ScoreJSONStream()
        let json =
            document.opening() + document.call(ScoreJSONStream.render(card))
            + document.closing(summary: summary, diagnostics: [])
        OutputContract.json(json, "score --format json")

        let line = ScoreJSONStream.line(card)
        OutputContract.jsonLines(line, "score --format jsonl")
        OutputContract.readsBack(line)

        let csv = ScoreCSV(rubrics: [rubric])
        OutputContract.csv(csv.header + csv.row(for: card), "score --format csv")
        OutputContract.csv(
            csv.agentHeader + summary.agents().map(csv.row(for:)).joined(), "score --format csv --by agent")

        for (width, colour) in [(100, false), (60, true)] {
            let table = ScoreTable(width: width, style: TerminalStyle(enabled: colour))
            _ = table.header() + table.row(card) + table.summary(summary)
            _ = table.summary(summary, byAgent: true)
        }
    }

    /// `explain` as plain text (wide and narrow, with and without colour) and as Markdown.
    static func renderExplanation(call: Call, card: Scorecard, rubric: Rubric) {
        let explanation = CallExplanation(call: call, scorecard: card, rubric: rubric)
        _ = explanation.plainText(colour: false, width: 100)
        _ = explanation.plainText(colour: true, width: 60)
        _ = explanation.markdown()
        for item in card.items { _ = explanation.suggestions(for: item) }
    }

    /// `score --format html` and `explain --format html`: pages that carry
    /// no element of the call's.
    static func renderPages(call: Call, card: Scorecard, rubric: Rubric) {
        var summary = ScoreSummary()
        summary.add(ScoreRecord(card))
        var report = HTMLReport()
        report.add(card, call: call, rubric: rubric)
        OutputContract.html(report.html(summary: summary, diagnostics: []), scripts: 1, "score --format html")
        let explanation = CallExplanation(call: call, scorecard: card, rubric: rubric)
        OutputContract.html(explanation.html(), scripts: 0, "explain --format html")
    }

    /// `inspect` as tables (wide and narrow) and as JSON.
    static func renderInspection(_ call: Call) {
        _ = InspectTable(width: 100).render(call)
        _ = InspectTable(width: 40).render(call)
        var stream = InspectJSONStream()
        OutputContract.json(
            stream.opening() + stream.call(call) + stream.closing(diagnostics: []), "inspect --format json")
    }

    /// The errors and warnings of a run, as text and in the JSON documents' fields.
    static func renderDiagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { _ = diagnostic.description }
        let stream = InspectJSONStream()
        OutputContract.json(stream.opening() + stream.closing(diagnostics: diagnostics), "diagnostics as JSON")
    }
}
