/// Everything one scoring run produced: what `callqa score` prints.
public struct ScoreReport: Sendable {
    /// The rubrics used, in order of first use.
    public var rubrics: [RubricReference] = []
    /// The scorecards, in input order.
    public var scorecards: [Scorecard] = []
    /// Errors and warnings met on the way.
    public var diagnostics: [Diagnostic] = []

    /// Creates an empty report.
    public init() {}

    /// Adds a scorecard, noting its rubric.
    public mutating func add(_ card: Scorecard) {
        if !rubrics.contains(card.rubric) { rubrics.append(card.rubric) }
        scorecards.append(card)
    }

    /// One summary per agent.
    public var agents: [AgentSummary] { AgentSummary.summarize(scorecards) }

    /// The report as one JSON document: `rubrics`, `calls`, `agents`, `errors`, `warnings`.
    public func json() -> String {
        var json = JSONWriter(pretty: true)
        json.object { json in
            json.key("rubrics")
            json.array { json in rubrics.forEach { $0.write(to: &json) } }
            json.key("calls")
            json.array { json in scorecards.forEach { $0.write(to: &json) } }
            json.key("agents")
            json.array { json in agents.forEach { $0.write(to: &json) } }
            for (name, severity) in [("errors", Diagnostic.Severity.error), ("warnings", .warning)] {
                json.key(name)
                json.array { json in
                    for diagnostic in diagnostics where diagnostic.severity == severity { diagnostic.write(to: &json) }
                }
            }
        }
        return json.text + "\n"
    }
}
