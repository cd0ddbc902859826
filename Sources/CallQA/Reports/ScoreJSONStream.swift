/// Writes a scoring run as one JSON document, a call at a time:
/// `calls` as they are scored, then `rubrics`, `agents`, `errors`, `warnings`.
package struct ScoreJSONStream: Sendable {
    private var wroteCall = false

    /// Creates a stream.
    package init() {}

    /// The text that opens the document.
    package func opening() -> String {
        "{\n  \"calls\": ["
    }

    /// A scorecard as the document's calls array holds it (made on any thread).
    package static func render(_ card: Scorecard) -> String {
        var json = JSONWriter(pretty: true, depth: 2)
        card.write(to: &json)
        return json.text
    }

    /// The text for one more call, from ``render(_:)``.
    package mutating func call(_ rendered: String) -> String {
        defer { wroteCall = true }
        return (wroteCall ? "," : "") + rendered
    }

    /// The text that closes the document.
    package func closing(
        summary: ScoreSummary, diagnostics: [Diagnostic],
        minimumCalls: Int = AgentSummary.defaultMinimumCalls
    ) -> String {
        var json = JSONWriter(pretty: true, depth: 1)
        json.key("rubrics")
        json.array { json in summary.rubrics.forEach { $0.write(to: &json) } }
        json.key("agents")
        json.array { json in summary.agents(minimumCalls: minimumCalls).forEach { $0.write(to: &json) } }
        diagnostics.writeFields(to: &json)
        return (wroteCall ? "\n  ]," : "],") + json.text + "\n}\n"
    }

    /// The summaries alone, as one JSON document (`callqa report`):
    /// `rubrics`, `agents`, `items` (overall pass rates), `errors`, `warnings`.
    package static func summaryDocument(
        _ summary: ScoreSummary, diagnostics: [Diagnostic],
        minimumCalls: Int = AgentSummary.defaultMinimumCalls
    ) -> String {
        var json = JSONWriter(pretty: true)
        json.object { json in
            json.field("calls", summary.calls)
            json.key("rubrics")
            json.array { json in summary.rubrics.forEach { $0.write(to: &json) } }
            json.key("agents")
            json.array { json in summary.agents(minimumCalls: minimumCalls).forEach { $0.write(to: &json) } }
            json.key("items")
            json.array { json in
                for (id, counts) in summary.items {
                    json.object { json in
                        json.field("id", id)
                        for status in ItemStatus.allCases { json.field(status.rawValue, counts[status] ?? 0) }
                        json.field("passRate", ScoreSummary.passRate(counts).map { NumberText.rounded($0, places: 2) })
                    }
                }
            }
            diagnostics.writeFields(to: &json)
        }
        return json.text + "\n"
    }

    /// A scorecard as one line of JSON Lines output.
    package static func line(_ card: Scorecard) -> String {
        var json = JSONWriter(pretty: false)
        card.write(to: &json)
        return json.text + "\n"
    }
}
