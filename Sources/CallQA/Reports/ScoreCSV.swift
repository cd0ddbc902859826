import Foundation

/// Renders scorecards as CSV (RFC 4180) for spreadsheets: one row per call,
/// one column per item holding its status (`pass`, `partial`, `fail`, `na`);
/// or one row per agent, one column per item holding its pass rate.
///
/// Conversation metrics follow the items (empty for an untimed call), each
/// column named `metric_` and the metric, so that no metric column shares
/// its name with an item's (`metric_interruptions` beside the item
/// `interruptions`). An item whose id is the name of another column (`score`,
/// `metric_deadAir`) is headed `item_` and its id. Cells are made by
/// ``CSVText``: formulas neutralised, control characters visible.
///
/// ```text
/// id,source,agent,language,rubric,version,sha256,score,passed,greeting,paraphrase,…,metric_agentTalkShare,…
/// zh-model-001,corpora/zh-Hans/model-call.txt,张丽,zh-Hans,zh-standard,1.0.0,3f9a…,100,true,pass,pass,…
/// ```
package struct ScoreCSV: Sendable {
    /// The item columns, in order.
    package let itemIDs: [String]

    /// Creates a renderer whose item columns are `itemIDs`.
    package init(itemIDs: [String]) {
        self.itemIDs = itemIDs
    }

    /// The item columns for rubrics: every item ID, in the order first met.
    package init(rubrics: [Rubric]) {
        var seen: Set<String> = []
        self.init(itemIDs: rubrics.flatMap { $0.items.map(\.id) }.filter { seen.insert($0).inserted })
    }

    /// The columns of a call's row before its items.
    package static let callColumns = [
        "id", "source", "agent", "language", "rubric", "version", "sha256", "score", "passed",
    ]

    /// The columns of an agent's row before its items.
    package static let agentColumns = [
        "agent", "calls", "mean", "median", "min", "max", "passRate", "tooFewCalls", "worstCalls",
    ]

    /// The header row, with its line break.
    package var header: String {
        row(Self.callColumns + itemColumns(besides: Self.callColumns + Self.metricColumns) + Self.metricColumns)
    }

    /// The prefix of every metric column's name.
    package static let metricPrefix = "metric_"

    /// The conversation-metric columns after the items; empty cells for an untimed call.
    package static let metricColumns = [
        "agentTalkShare", "customerTalkShare", "nonTalkShare", "longestSilence", "deadAir",
        "interruptions", "agentRate", "customerRate", "rateUnit", "paceRatio", "responseLatency",
    ].map { metricPrefix + $0 }

    /// The per-agent metric columns after the items; empty cells for an agent with no timed call.
    package static let agentMetricColumns = [
        "timedCalls", "agentTalkShare", "customerTalkShare", "longestSilence", "deadAir",
        "interruptions", "paceRatio", "responseLatency",
    ].map { metricPrefix + $0 }

    /// The item columns' names: each item's id, or `item_` and its id when
    /// the id is the name of one of the `other` columns (or of an item column
    /// so named).
    private func itemColumns(besides other: [String]) -> [String] {
        var taken = Set(other)
        return itemIDs.map { id in
            var name = id
            while taken.contains(name) { name = "item_" + name }
            taken.insert(name)
            return name
        }
    }

    private static func metricCells(_ metrics: ScorecardMetrics?) -> [String] {
        guard let metrics else { return Array(repeating: "", count: metricColumns.count) }
        func number(_ value: Double?) -> String { value.map { NumberText.shortest($0, places: 2) } ?? "" }
        return [
            number(metrics.agentTalkShare), number(metrics.customerTalkShare), number(metrics.nonTalkShare),
            number(metrics.longestSilence?.duration ?? 0), number(metrics.deadAirSeconds),
            String(metrics.interruptions.count),
            number(metrics.agentRate), number(metrics.customerRate), metrics.rateUnit, number(metrics.paceRatio),
            number(metrics.meanResponseLatency),
        ]
    }

    /// The row for one scorecard, with its line break.
    package func row(for card: Scorecard) -> String {
        var statuses: [String: String] = [:]
        for item in card.items { statuses[item.id] = item.status.rawValue }
        return row(
            [
                card.callID, card.source.path, card.agent ?? "", card.language.rawValue, card.rubric.id,
                card.rubric.version, card.rubric.sha256, NumberText.shortest(card.score),
                card.passed ? "true" : "false",
            ]
                + itemIDs.map { statuses[$0] ?? "" } + Self.metricCells(card.metrics))
    }

    /// The header of the per-agent table (`--by agent`), with its line break.
    package var agentHeader: String {
        row(
            Self.agentColumns + itemColumns(besides: Self.agentColumns + Self.agentMetricColumns)
                + Self.agentMetricColumns)
    }

    /// One agent's row: its figures, then each item's pass rate (empty where it never applied).
    package func row(for summary: AgentSummary) -> String {
        var rates: [String: String] = [:]
        for item in summary.items where item.applicable > 0 { rates[item.id] = NumberText.shortest(item.passRate) }
        return row(
            [
                summary.agent, String(summary.calls), NumberText.shortest(summary.mean),
                NumberText.shortest(summary.median),
                NumberText.shortest(summary.min), NumberText.shortest(summary.max),
                NumberText.shortest(summary.passRate),
                summary.tooFewCalls ? "true" : "false", summary.worstCalls.joined(separator: " "),
            ]
                + itemIDs.map { rates[$0] ?? "" } + agentMetricCells(summary.metrics))
    }

    private func agentMetricCells(_ metrics: AgentMetrics?) -> [String] {
        guard let metrics else { return Array(repeating: "", count: Self.agentMetricColumns.count) }
        return [
            String(metrics.timedCalls), NumberText.shortest(metrics.agentTalkShare),
            NumberText.shortest(metrics.customerTalkShare),
            NumberText.shortest(metrics.longestSilence), NumberText.shortest(metrics.deadAir),
            NumberText.shortest(metrics.interruptions),
            metrics.paceRatio.map(NumberText.shortest) ?? "", metrics.responseLatency.map(NumberText.shortest) ?? "",
        ]
    }

    private func row(_ fields: [String]) -> String {
        CSVText.row(fields)
    }
}
