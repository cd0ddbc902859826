/// Renders a scoring run as readable tables that fit 100 columns: a line per
/// call as it is scored, then agents, item pass rates and the rubrics used.
/// On a narrower terminal the calls table narrows its columns (below 72
/// columns it leaves out the rubric, which the end of the output names), and
/// a critical failure is always shown in "not met", whatever else is cut.
///
/// ```text
///  score  result  call                    agent         rubric        not met
///  100.0  pass    zh-model-001            张丽          zh-standard   —
///    0.0  FAIL    zh-poor-001             工号1027      zh-standard   forbidden!, greeting, +7 more
/// ```
///
/// `!` marks a critical failure, `~` a partly met item.
package struct ScoreTable: Sendable {
    /// The width the tables fit in, in terminal columns.
    package let width: Int
    /// Colours, or none.
    package let style: TerminalStyle

    private let callWidth: Int, agentWidth: Int, rubricWidth: Int

    /// Creates a renderer for `width` columns (at least 40).
    package init(width: Int = 100, style: TerminalStyle = TerminalStyle(enabled: false)) {
        self.width = max(width, 40)
        self.style = style
        (callWidth, agentWidth, rubricWidth) =
            self.width >= 90 ? (22, 12, 12) : self.width >= 72 ? (14, 8, 11) : (14, 8, 0)
    }

    private var lead: Int {
        7 + 2 + 6 + 2 + callWidth + 2 + agentWidth + 2 + (rubricWidth > 0 ? rubricWidth + 2 : 0)
    }

    /// The header of the calls table.
    package func header() -> String {
        let columns = [("call", callWidth), ("agent", agentWidth), ("rubric", rubricWidth)].filter { $0.1 > 0 }
            .map { DisplayWidth.pad($0, to: $1) }.joined(separator: "  ")
        return style.apply(
            .bold,
            DisplayWidth.pad("score", to: 7, alignment: .right) + "  "
                + DisplayWidth.pad("result", to: 6) + "  " + columns + "  not met") + "\n"
    }

    /// One call's line (made on any thread).
    package func row(_ card: Scorecard) -> String {
        let missed = card.items.filter { $0.status == .fail || $0.status == .partial }.sorted { lhs, rhs in
            rank(lhs) < rank(rhs)
        }.map {
            TerminalText.visible($0.id) + ($0.critical && $0.status == .fail ? "!" : $0.status == .partial ? "~" : "")
        }
        let critical = card.items.filter { $0.critical && $0.status == .fail }.count
        let notMet = missed.isEmpty ? "—" : fitting(missed, in: max(10, width - lead), keeping: critical)
        let result =
            card.passed
            ? style.apply(.green, DisplayWidth.pad("pass", to: 6))
            : style.apply(.boldRed, DisplayWidth.pad("FAIL", to: 6))
        return DisplayWidth.pad(NumberText.fixed(card.score, places: 1), to: 7, alignment: .right) + "  " + result
            + "  "
            + DisplayWidth.fit(TerminalText.visible(card.callID), to: callWidth) + "  "
            + DisplayWidth.fit(TerminalText.visible(card.agent ?? AgentSummary.unknownAgent), to: agentWidth) + "  "
            + (rubricWidth > 0 ? DisplayWidth.fit(TerminalText.visible(card.rubric.id), to: rubricWidth) + "  " : "")
            + notMet + "\n"
    }

    /// Agents, item pass rates and rubrics, after the calls (or alone, `byAgent`).
    package func summary(
        _ summary: ScoreSummary, minimumCalls: Int = AgentSummary.defaultMinimumCalls,
        byAgent: Bool = false
    ) -> String {
        var output = ""
        let agents = summary.agents(minimumCalls: minimumCalls)
        if !agents.isEmpty { output += (byAgent ? "" : "\n") + self.agents(agents, minimumCalls: minimumCalls) }
        if summary.calls > 0 { output += "\n" + items(summary) }
        if !summary.rubrics.isEmpty {
            output +=
                "\n"
                + summary.rubrics.map { "rubric \(TerminalText.visible($0.name)) (sha256 \($0.sha256.prefix(12)))" }
                .joined(separator: "\n") + "\n"
        }
        return output
    }

    /// One line per agent; `*` marks agents with too few calls to judge.
    package func agents(_ summaries: [AgentSummary], minimumCalls: Int = AgentSummary.defaultMinimumCalls) -> String {
        let names = summaries.map { TerminalText.visible($0.agent) }
        let agentWidth = min(20, max(5, names.map { DisplayWidth.of($0) }.max() ?? 0))
        let fixed = agentWidth + 2 + 6 + 2 + 5 + 2 + 6 + 2 + 5 + 2 + 5 + 2 + 9 + 2
        var output =
            style.apply(
                .bold,
                DisplayWidth.pad("agent", to: agentWidth)
                    + "   calls   mean  median    min    max  pass rate  worst calls") + "\n"
        for (summary, name) in zip(summaries, names) {
            let calls = String(summary.calls) + (summary.tooFewCalls ? "*" : " ")
            let scores = [(summary.mean, 5), (summary.median, 6), (summary.min, 5), (summary.max, 5)]
                .map { DisplayWidth.pad(NumberText.fixed($0, places: 1), to: $1, alignment: .right) }
            output +=
                DisplayWidth.fit(name, to: agentWidth)
                + "  " + DisplayWidth.pad(calls, to: 6, alignment: .right) + "  " + scores.joined(separator: "  ")
                + "  " + DisplayWidth.pad(NumberText.percent(summary.passRate), to: 9, alignment: .right) + "  "
                + fitting(summary.worstCalls.map { TerminalText.visible($0) }, in: max(10, width - fixed)) + "\n"
        }
        if summaries.contains(where: \.tooFewCalls) {
            output += style.apply(.dim, "* fewer than \(minimumCalls) calls: too few to judge") + "\n"
        }
        return output
    }

    /// One line per item: how often it passed, partly passed, failed, or did not apply.
    package func items(_ summary: ScoreSummary) -> String {
        let ids = summary.items.map { TerminalText.visible($0.id) }
        let idWidth = min(24, max(4, ids.map { DisplayWidth.of($0) }.max() ?? 0))
        var output =
            style.apply(.bold, DisplayWidth.pad("item", to: idWidth) + "   pass  partial   fail    n/a  pass rate")
            + "\n"
        for ((_, counts), id) in zip(summary.items, ids) {
            let tallies = [(ItemStatus.pass, 5), (.partial, 7), (.fail, 5), (.na, 5)].map { status, width in
                DisplayWidth.pad(String(counts[status] ?? 0), to: width, alignment: .right)
            }
            output +=
                DisplayWidth.fit(id, to: idWidth) + "  " + tallies.joined(separator: "  ") + "  "
                + DisplayWidth.pad(NumberText.percent(ScoreSummary.passRate(counts)), to: 9, alignment: .right) + "\n"
        }
        return output
    }

    private func rank(_ item: ItemResult) -> (Int, Int) {
        (item.critical && item.status == .fail ? 0 : 1, item.status == .fail ? 0 : 1)
    }

    /// As many of `names` as fit in `width` columns, then "+N more"; the
    /// first `keeping` names are shown even when they do not fit (then
    /// followed by a bare "+N").
    private func fitting(_ names: [String], in width: Int, keeping: Int = 0) -> String {
        var shown: [String] = []
        for (index, name) in names.enumerated() {
            let rest = names.count - index - 1
            let candidate = (shown + [name]).joined(separator: ", ") + (rest > 0 ? ", +\(rest) more" : "")
            if DisplayWidth.of(candidate) > width {
                if index < keeping {
                    let kept = names.prefix(keeping)
                    let left = names.count - kept.count
                    return kept.joined(separator: ", ") + (left > 0 ? ", +\(left)" : "")
                }
                return shown.joined(separator: ", ") + (shown.isEmpty ? "" : ", ") + "+\(names.count - index) more"
            }
            shown.append(name)
        }
        return shown.joined(separator: ", ")
    }
}
