/// Renders a scoring run as readable tables: calls, agents, item pass rates.
///
/// ```text
///  score  result  call              agent        rubric       not met
///   92.5  pass    zh-model-001      张丽         zh-standard  —
///    0.0  FAIL    zh-poor-001       工号1027     zh-standard  forbidden!, greeting, apology, customer-name, …
/// ```
///
/// `!` marks a critical failure, `~` a partly met item.
public struct ScoreTable: Sendable {
    /// The width the tables fit in, in terminal columns.
    public var width: Int

    /// Creates a renderer for `width` columns.
    public init(width: Int = 100) {
        self.width = max(width, 72)
    }

    /// All three tables, then the rubrics used.
    public func render(_ report: ScoreReport) -> String {
        var output = calls(report.scorecards)
        let agents = report.agents
        if !agents.isEmpty { output += "\n" + self.agents(agents) }
        if !report.scorecards.isEmpty { output += "\n" + items(report.scorecards) }
        if !report.rubrics.isEmpty {
            output += "\n" + report.rubrics.map { "rubric \($0.id) \($0.version) (sha256 \($0.sha256.prefix(12)))" }
                .joined(separator: "\n") + "\n"
        }
        return output
    }

    /// One line per call.
    public func calls(_ cards: [Scorecard]) -> String {
        let callWidth = min(24, max(4, cards.map { DisplayWidth.of($0.call) }.max() ?? 0))
        let agentWidth = min(14, max(5, cards.map { DisplayWidth.of($0.agent ?? AgentSummary.unknownAgent) }.max() ?? 0))
        let rubricWidth = min(14, max(6, cards.map { DisplayWidth.of($0.rubric.id) }.max() ?? 0))
        let lead = 7 + 2 + 6 + 2 + callWidth + 2 + agentWidth + 2 + rubricWidth + 2
        var output = pad("score", 7, right: true) + "  " + pad("result", 6) + "  " + pad("call", callWidth) + "  "
            + pad("agent", agentWidth) + "  " + pad("rubric", rubricWidth) + "  not met\n"
        for card in cards {
            let missed = card.items.filter { $0.status == .fail || $0.status == .partial }.sorted { lhs, rhs in
                (lhs.critical && lhs.status == .fail ? 0 : 1, lhs.status == .fail ? 0 : 1) < (rhs.critical && rhs.status == .fail ? 0 : 1, rhs.status == .fail ? 0 : 1)
            }.map { $0.id + ($0.critical && $0.status == .fail ? "!" : $0.status == .partial ? "~" : "") }
            let notMet = missed.isEmpty ? "—" : fitting(missed, in: max(10, width - lead))
            output += pad(number(card.score), 7, right: true) + "  " + pad(card.passed ? "pass" : "FAIL", 6) + "  "
                + DisplayWidth.fit(card.call, to: callWidth) + "  "
                + DisplayWidth.fit(card.agent ?? AgentSummary.unknownAgent, to: agentWidth) + "  "
                + DisplayWidth.fit(card.rubric.id, to: rubricWidth) + "  "
                + notMet + "\n"
        }
        return output
    }

    /// One line per agent.
    public func agents(_ summaries: [AgentSummary]) -> String {
        let agentWidth = min(24, max(5, summaries.map { DisplayWidth.of($0.agent) }.max() ?? 0))
        var output = pad("agent", agentWidth) + "  calls   mean  median    min    max  pass rate\n"
        for summary in summaries {
            output += DisplayWidth.fit(summary.agent, to: agentWidth) + "  " + pad(String(summary.calls), 5, right: true)
                + "  " + pad(number(summary.mean), 5, right: true) + "  " + pad(number(summary.median), 6, right: true)
                + "  " + pad(number(summary.min), 5, right: true) + "  " + pad(number(summary.max), 5, right: true)
                + "  " + pad(percent(summary.passRate), 9, right: true) + "\n"
        }
        return output
    }

    /// One line per item: how often it passed, partly passed, failed, or did not apply.
    public func items(_ cards: [Scorecard]) -> String {
        var order: [String] = []
        var counts: [String: [ItemStatus: Int]] = [:]
        for card in cards {
            for item in card.items {
                if counts[item.id] == nil { order.append(item.id) }
                counts[item.id, default: [:]][item.status, default: 0] += 1
            }
        }
        let idWidth = min(24, max(4, order.map { DisplayWidth.of($0) }.max() ?? 0))
        var output = pad("item", idWidth) + "   pass  partial   fail    n/a  pass rate\n"
        for id in order {
            let count = counts[id]!
            let applicable = ItemStatus.allCases.filter { $0 != .na }.reduce(0) { $0 + (count[$1] ?? 0) }
            output += DisplayWidth.fit(id, to: idWidth) + "  " + pad(String(count[.pass] ?? 0), 5, right: true)
                + "  " + pad(String(count[.partial] ?? 0), 7, right: true) + "  " + pad(String(count[.fail] ?? 0), 5, right: true)
                + "  " + pad(String(count[.na] ?? 0), 5, right: true) + "  "
                + pad(applicable == 0 ? "—" : percent(Double(count[.pass] ?? 0) / Double(applicable)), 9, right: true) + "\n"
        }
        return output
    }

    /// As many of `names` as fit in `width` columns, then "+N more".
    private func fitting(_ names: [String], in width: Int) -> String {
        var shown: [String] = []
        for (index, name) in names.enumerated() {
            let rest = names.count - index - 1
            let candidate = (shown + [name]).joined(separator: ", ") + (rest > 0 ? ", +\(rest) more" : "")
            if DisplayWidth.of(candidate) > width {
                return shown.joined(separator: ", ") + (shown.isEmpty ? "" : ", ") + "+\(names.count - index) more"
            }
            shown.append(name)
        }
        return shown.joined(separator: ", ")
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let gap = String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
        return right ? gap + text : text + gap
    }

    private func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    private func percent(_ share: Double) -> String {
        "\(Int((share * 100).rounded()))%"
    }
}

