/// What the report template shows, every figure taken from the summary the
/// JSON output is written from (``ScoreSummary``, ``AgentSummary``), and
/// every text made visible (``HTMLText``) for the template to escape.
struct HTMLReportPage {
    let head: HTMLPage.Head
    let heading: String
    let lead: String
    let facts: [Fact]
    let rubrics: [RubricRow]
    let hasErrors: Bool
    let errorSummary: String
    let errorLines: [String]
    let histogram: HistogramChart
    let trend: TrendSection?
    let agents: [AgentRow]
    let anyTooFew: Bool
    let minimumCalls: Int
    let items: [ItemRateRow]
    let hasAgentItems: Bool
    let itemColumns: [String]
    let agentItems: [AgentItemsRow]
    let hasConversation: Bool
    let conversationNote: String
    let conversation: [MetricsRow]
    let reviewNote: String
    let review: [CallRow]
    let hasOthers: Bool
    let othersSummary: String
    let others: [CallRow]
    let othersLeftOut: String?
    let calls: [CallSection]

    struct Fact {
        let factKey: String
        let factLabel: String
        let factValue: String
        let factText: String
        let factDetail: String?
    }

    struct RubricRow {
        let rubricID: String
        let rubricVersion: String
        let passMark: String
        let fingerprint: String
    }

    struct AgentRow {
        let agentName: String
        let tooFew: Bool
        let callCount: Int
        let meanValue: String
        let meanText: String
        let medianValue: String
        let medianText: String
        let minValue: String
        let minText: String
        let maxValue: String
        let maxText: String
        let passRateValue: String
        let passRateText: String
        let sparkLabel: String
        let spark: [SparkBar]
        let worst: [WorstCall]
    }

    struct SparkBar {
        let sparkX: Int
        let sparkY: String
        let sparkHeight: String
    }

    struct WorstCall {
        let worstID: String
        let worstAnchor: String?
        let worstLast: Bool
    }

    struct ItemRateRow {
        let rateID: String
        let rateTitle: String
        let rateValue: String
        let rateText: String
        let rateWidth: String
        let rateBand: String
        let passCount: Int
        let partialCount: Int
        let failCount: Int
        let naCount: Int
    }

    struct AgentItemsRow {
        let rowAgent: String
        let cells: [ItemCell]
    }

    struct ItemCell {
        let cellItem: String
        let cellValue: String
        let cellText: String
        let cellBand: String
    }

    struct MetricsRow {
        let metricAgent: String
        let metricCells: [MetricCell]
    }

    struct MetricCell {
        let metricField: String
        let metricValue: String
        let metricText: String
    }

    struct CallRow {
        let rowID: String
        let rowAnchor: String?
        let rowAgentName: String
        let rowDate: String
        let rowScoreValue: String
        let rowScore: String
        let rowResult: String
        let rowResultClass: String
        let rowNotMet: String
    }

    init(report: HTMLReport, summary: ScoreSummary, diagnostics: [Diagnostic], minimumCalls: Int) {
        let visible = HTMLText.visible
        let agents = summary.agents(minimumCalls: minimumCalls)
        let known = report.knownRubrics
        let title = "CallQA report"
        head = HTMLPage(title: title, sortableTables: true).head
        heading = title
        let callWord = summary.calls == 1 ? "call" : "calls"
        lead =
            "\(summary.calls) \(callWord) scored · \(agents.count) agent\(agents.count == 1 ? "" : "s")"
            + " · rubric" + (summary.rubrics.count == 1 ? " " : "s ")
            + summary.rubrics.map { visible($0.name) }.joined(separator: ", ")

        let errors = diagnostics.filter { $0.severity == .error }
        let warnings = diagnostics.count - errors.count
        var facts = [
            Fact(
                factKey: "calls", factLabel: "Calls", factValue: String(summary.calls), factText: String(summary.calls),
                factDetail: nil)
        ]
        if let period = report.period {
            facts.append(
                Fact(
                    factKey: "period", factLabel: "Period", factValue: "\(period.first)/\(period.last)",
                    factText: period.first == period.last ? period.first : "\(period.first) – \(period.last)",
                    factDetail: period.dated == summary.calls ? nil : "\(period.dated) of \(summary.calls) calls dated")
            )
        } else {
            facts.append(
                Fact(
                    factKey: "period", factLabel: "Period", factValue: "", factText: "—",
                    factDetail: "no call carries a date"))
        }
        facts.append(
            Fact(
                factKey: "agents", factLabel: "Agents", factValue: String(agents.count), factText: String(agents.count),
                factDetail: nil))
        facts.append(
            Fact(
                factKey: "errors", factLabel: "Errors", factValue: String(errors.count),
                factText: String(errors.count),
                factDetail: warnings > 0 ? "\(warnings) warning\(warnings == 1 ? "" : "s")" : nil))
        self.facts = facts
        rubrics = summary.rubrics.map { reference in
            RubricRow(
                rubricID: visible(reference.id), rubricVersion: visible(reference.version),
                passMark: known[reference].map { NumberText.shortest($0.passMark, places: 2) } ?? "—",
                fingerprint: reference.sha256)
        }
        hasErrors = !diagnostics.isEmpty
        let shownErrors = 100
        errorSummary =
            "\(errors.count) error\(errors.count == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
            + (diagnostics.count > shownErrors ? " (the first \(shownErrors) shown)" : "")
        errorLines = diagnostics.prefix(shownErrors).map { visible($0.description) }

        var passMarks: [Double: [String]] = [:]
        for reference in summary.rubrics {
            if let rubric = known[reference] { passMarks[rubric.passMark, default: []].append(reference.id) }
        }
        histogram = HistogramChart(
            counts: report.distribution, passMarks: passMarks.map { ($0.key, $0.value.map(visible)) },
            passMarkKnown: passMarks.count > 0 || summary.rubrics.isEmpty)
        if let trends = report.trends, trends.calls > 0, let period = report.period {
            let undated = summary.calls - period.dated
            trend = TrendSection(
                trends: trends, passMark: passMarks.count == 1 ? passMarks.keys.first : nil,
                undatedNote: undated > 0
                    ? "\(undated) call\(undated == 1 ? " carries" : "s carry") no date and \(undated == 1 ? "is" : "are")"
                        + " not counted here." : nil)
        } else {
            trend = nil
        }

        // The calls embedded, and the anchors their rows and the agents' worst calls link to.
        let embedded = report.embedded
        var anchors: [String: String] = [:]
        for (index, entry) in embedded.enumerated() {
            anchors[(entry.card.agent ?? AgentSummary.unknownAgent) + "\u{0}" + entry.callID] = "call-\(index + 1)"
        }
        calls = embedded.enumerated().map { index, entry in
            CallSection(
                scorecard: entry.card, call: entry.call, rubric: entry.rubric, anchor: "call-\(index + 1)",
                linkTop: true, transcriptNote: entry.transcriptNote)
        }

        let distributions = report.agentDistributions
        self.agents = agents.map { agent in
            let counts = distributions[agent.agent] ?? []
            let highest = max(1, counts.max() ?? 1)
            return AgentRow(
                agentName: visible(agent.agent), tooFew: agent.tooFewCalls, callCount: agent.calls,
                meanValue: NumberText.shortest(agent.mean), meanText: NumberText.fixed(agent.mean, places: 1),
                medianValue: NumberText.shortest(agent.median), medianText: NumberText.fixed(agent.median, places: 1),
                minValue: NumberText.shortest(agent.min), minText: NumberText.fixed(agent.min, places: 1),
                maxValue: NumberText.shortest(agent.max), maxText: NumberText.fixed(agent.max, places: 1),
                passRateValue: NumberText.shortest(agent.passRate), passRateText: NumberText.percent(agent.passRate),
                sparkLabel: "scores of \(visible(agent.agent)) by tenths: "
                    + counts.map(String.init).joined(separator: ", "),
                spark: counts.enumerated().map { bin, count in
                    let height = 22 * Double(count) / Double(highest)
                    return SparkBar(
                        sparkX: bin * 10, sparkY: NumberText.shortest(23 - height, places: 2),
                        sparkHeight: NumberText.shortest(height, places: 2))
                },
                worst: agent.worstCalls.enumerated().map { index, call in
                    WorstCall(
                        worstID: visible(call), worstAnchor: anchors[agent.agent + "\u{0}" + call],
                        worstLast: index == agent.worstCalls.count - 1)
                })
        }
        anyTooFew = agents.contains { $0.tooFewCalls }
        self.minimumCalls = minimumCalls

        func itemTitle(of id: String) -> String {
            let titled = summary.rubrics.lazy.compactMap { known[$0]?.item(id)?.title }.first
            return titled.map { "\(visible($0)) (\(visible(id)))" } ?? visible(id)
        }
        func band(_ rate: Double) -> String { rate < 0.5 ? " low" : rate < 0.8 ? " mid" : "" }
        items = summary.items.map { id, counts in
            let rate = ScoreSummary.passRate(counts).map { NumberText.rounded($0, places: 2) }
            return ItemRateRow(
                rateID: visible(id), rateTitle: itemTitle(of: id), rateValue: rate.map(NumberText.shortest) ?? "",
                rateText: NumberText.percent(rate), rateWidth: NumberText.shortest((rate ?? 0) * 100, places: 1),
                rateBand: band(rate ?? 0), passCount: counts[.pass] ?? 0, partialCount: counts[.partial] ?? 0,
                failCount: counts[.fail] ?? 0, naCount: counts[.na] ?? 0)
        }
        let itemIDs = summary.items.map(\.id)
        itemColumns = itemIDs.map(visible)
        agentItems = agents.map { agent in
            AgentItemsRow(
                rowAgent: visible(agent.agent),
                cells: itemIDs.map { id in
                    guard let rate = agent.items.first(where: { $0.id == id }), rate.applicable > 0 else {
                        return ItemCell(cellItem: visible(id), cellValue: "", cellText: "—", cellBand: "")
                    }
                    return ItemCell(
                        cellItem: visible(id), cellValue: NumberText.shortest(rate.passRate),
                        cellText: NumberText.percent(rate.passRate),
                        cellBand: rate.passRate < 0.5 ? " fail" : rate.passRate < 0.8 ? " partial" : "")
                })
        }
        hasAgentItems = !agents.isEmpty && !itemIDs.isEmpty

        let timed = agents.compactMap { agent in agent.metrics.map { (agent.agent, $0) } }
        hasConversation = !timed.isEmpty
        let timedCalls = timed.reduce(0) { $0 + $1.1.timedCalls }
        conversationNote =
            "\(timedCalls) of \(summary.calls) calls have every turn timed; each figure is the mean over an"
            + " agent's timed calls (talk as a share of the call, silences and latency in seconds)."
        conversation = timed.map { agent, metrics in
            func cell(_ field: String, _ value: Double?, _ text: (Double) -> String) -> MetricCell {
                MetricCell(
                    metricField: field, metricValue: value.map(NumberText.shortest) ?? "",
                    metricText: value.map(text) ?? "—")
            }
            let share = { (value: Double) in NumberText.fixed(value, places: 1) + "%" }
            let seconds = { (value: Double) in NumberText.fixed(value, places: 1) + " s" }
            let plain = { (value: Double) in NumberText.fixed(value, places: 2) }
            return MetricsRow(
                metricAgent: visible(agent),
                metricCells: [
                    MetricCell(
                        metricField: "timedCalls", metricValue: String(metrics.timedCalls),
                        metricText: String(metrics.timedCalls)),
                    cell("agentTalkShare", metrics.agentTalkShare, share),
                    cell("customerTalkShare", metrics.customerTalkShare, share),
                    cell("longestSilence", metrics.longestSilence, seconds),
                    cell("deadAir", metrics.deadAir, seconds),
                    cell("interruptions", metrics.interruptions, plain),
                    cell("paceRatio", metrics.paceRatio, plain),
                    cell("responseLatency", metrics.responseLatency, seconds),
                ])
        }

        func row(_ row: HTMLReport.Row, anchor: String?) -> CallRow {
            CallRow(
                rowID: visible(row.callID), rowAnchor: anchor, rowAgentName: visible(row.agent),
                rowDate: row.date ?? "—", rowScoreValue: NumberText.shortest(row.score),
                rowScore: NumberText.fixed(row.score, places: 1), rowResult: row.passed ? "pass" : "FAIL",
                rowResultClass: row.passed ? "pass" : "fail",
                rowNotMet: row.notMet.isEmpty ? "—" : row.notMet.map(visible).joined(separator: ", "))
        }
        review = embedded.enumerated().map { index, entry in row(report.row(of: entry), anchor: "call-\(index + 1)") }
        reviewNote =
            "Each agent's \(HTMLReport.embeddedCallsPerAgent) lowest-scoring calls, worst first; each links to its"
            + " transcript and scorecard below."
        let (others, leftOut) = report.others(total: summary.calls)
        self.others = others.map { row($0, anchor: nil) }
        hasOthers = !others.isEmpty
        othersSummary =
            "Other calls (\(summary.calls - embedded.count)): scores and items not met, worst first, not embedded"
        othersLeftOut =
            leftOut > 0
            ? "\(leftOut) more call\(leftOut == 1 ? "" : "s"), scoring higher, are counted above but not listed." : nil
    }
}
