/// The report's trend: every agent's calls together period by period (mean
/// score as a line, pass rate as bars, and a table with the change from the
/// period before), then each agent's mean per period — the figures of
/// `callqa report --by week --format json`, drawn. Geometry and text only;
/// the report template draws it.
struct TrendSection {
    let trendHeading: String
    let trendNote: String
    let trendChartLabel: String
    let trendWidth = 720
    let trendHeight = 250
    let trendLeft = Self.left
    let trendRight = Self.right
    let trendBase = Self.base
    let gridLines: [GridLine]
    let trendBars: [TrendBar]
    let meanLine: String
    let trendPoints: [TrendPoint]
    let trendTicks: [TrendTick]
    let trendPassMark: TrendPassMark?
    let periodRows: [PeriodRow]
    let agentHeads: [String]
    let agentSeries: [AgentSeries]
    let agentNote: String

    private static let left = 40
    private static let right = 700
    private static let base = 200
    private static let top = 20
    /// The periods of the per-agent table: the latest this many.
    static let agentColumns = 12

    struct GridLine {
        let gridY: String
        let gridLabel: String
        let gridLabelY: String
    }

    struct TrendBar {
        let barX: String
        let barY: String
        let barWidth: String
        let barHeight: String
        let barTitle: String
    }

    struct TrendPoint {
        let pointX: String
        let pointY: String
        let pointTitle: String
    }

    struct TrendTick {
        let tickX2: String
        let tickY2: Int
        let tickText: String
    }

    struct TrendPassMark {
        let passY: String
        let passText: String
        let passTextY: String
    }

    struct PeriodRow {
        let periodLabel: String
        let periodCalls: Int
        let periodMeanValue: String
        let periodMeanText: String
        let periodMeanChangeValue: String
        let periodMeanChangeText: String
        let periodMeanChangeClass: String
        let periodPassValue: String
        let periodPassText: String
        let periodPassChangeValue: String
        let periodPassChangeText: String
        let periodPassChangeClass: String
    }

    struct AgentSeries {
        let seriesAgent: String
        let seriesCells: [AgentCell]
    }

    struct AgentCell {
        let cellPeriod: String
        let hasCalls: Bool
        let cellCalls: Int
        let cellMeanValue: String
        let cellMeanText: String
        let cellPassValue: String
        let cellPassText: String
        let cellChangeValue: String
        let cellChangeText: String
        let cellChangeClass: String
        let cellTitle: String
    }

    /// The section for `trends` (grouped by a period), the pass mark drawn
    /// when the calls share one; agent names made visible here.
    init(trends: ScoreTrends, passMark: Double?, undatedNote: String?) {
        let periodName: String
        switch trends.grouping {
        case .period(.day): periodName = "day"
        case .period(.month): periodName = "month"
        default: periodName = "week"
        }
        trendHeading = "Trend by \(periodName)"
        trendNote =
            "Every agent's dated calls together, \(periodName) by \(periodName): the line is the mean score"
            + " (0–100), the bars the share of calls that passed (0–100%)"
            + (passMark == nil ? "" : ", the dashed line the pass mark") + "."
            + (undatedNote.map { " " + $0 } ?? "")
        let points = trends.overall
        let step = Double(Self.right - Self.left) / Double(max(1, points.count))
        let height = Double(Self.base - Self.top)
        func x(_ index: Int) -> Double { Double(Self.left) + step * (Double(index) + 0.5) }
        func y(_ value: Double) -> Double { Double(Self.base) - height * min(100, max(0, value)) / 100 }
        func text(_ value: Double) -> String { NumberText.shortest(value, places: 1) }
        gridLines = [0.0, 25, 50, 75, 100].map { value in
            GridLine(gridY: text(y(value)), gridLabel: NumberText.shortest(value), gridLabelY: text(y(value) + 4))
        }
        let barWidth = min(48, step * 0.6)
        trendBars = points.enumerated().map { index, point in
            let top = y(point.passRate * 100)
            return TrendBar(
                barX: text(x(index) - barWidth / 2), barY: text(top), barWidth: text(barWidth),
                barHeight: text(Double(Self.base) - top),
                barTitle: "\(point.label): \(NumberText.percent(point.passRate)) passed of \(point.calls)")
        }
        meanLine = points.enumerated().map { "\(text(x($0.offset))),\(text(y($0.element.mean)))" }
            .joined(separator: " ")
        trendPoints = points.enumerated().map { index, point in
            TrendPoint(
                pointX: text(x(index)), pointY: text(y(point.mean)),
                pointTitle: "\(point.label): mean \(NumberText.fixed(point.mean, places: 1)) over \(point.calls)"
                    + " call\(point.calls == 1 ? "" : "s")")
        }
        let every = max(1, (points.count + 9) / 10)
        trendTicks = points.enumerated().compactMap { index, point in
            guard index % every == 0 else { return nil }
            return TrendTick(tickX2: text(x(index)), tickY2: Self.base + 18, tickText: point.label)
        }
        trendPassMark = passMark.map { mark in
            TrendPassMark(
                passY: text(y(mark)), passText: "pass mark \(NumberText.shortest(mark, places: 2))",
                passTextY: text(y(mark) - 5))
        }
        trendChartLabel =
            "Mean score and pass rate by \(periodName): "
            + points.map {
                "\($0.label): mean \(NumberText.fixed($0.mean, places: 1)), \(NumberText.percent($0.passRate)) passed"
            }.joined(separator: "; ")

        func change(_ value: Double?, percent: Bool) -> (value: String, text: String, cls: String) {
            guard let value else { return ("", "—", "") }
            let shown = percent ? NumberText.fixed(value * 100, places: 0) : NumberText.fixed(value, places: 1)
            let sign = value > 0 ? "+" : value < 0 ? "−" : "±"
            let magnitude = shown.hasPrefix("-") ? String(shown.dropFirst()) : shown
            return (
                NumberText.shortest(value), sign + magnitude + (percent ? " pt" : ""),
                value > 0 ? " up" : value < 0 ? " down" : ""
            )
        }
        periodRows = points.map { point in
            let mean = change(point.meanChange, percent: false)
            let pass = change(point.passRateChange, percent: true)
            return PeriodRow(
                periodLabel: point.label, periodCalls: point.calls, periodMeanValue: NumberText.shortest(point.mean),
                periodMeanText: NumberText.fixed(point.mean, places: 1), periodMeanChangeValue: mean.value,
                periodMeanChangeText: mean.text, periodMeanChangeClass: mean.cls,
                periodPassValue: NumberText.shortest(point.passRate),
                periodPassText: NumberText.percent(point.passRate),
                periodPassChangeValue: pass.value, periodPassChangeText: pass.text, periodPassChangeClass: pass.cls)
        }

        let shownLabels = points.suffix(Self.agentColumns).map(\.label)
        agentHeads = shownLabels
        agentSeries = trends.agents.map { series in
            let byLabel = Dictionary(series.points.map { ($0.label, $0) }, uniquingKeysWith: { first, _ in first })
            return AgentSeries(
                seriesAgent: HTMLText.visible(series.agent),
                seriesCells: shownLabels.map { label in
                    guard let point = byLabel[label] else {
                        return AgentCell(
                            cellPeriod: label, hasCalls: false, cellCalls: 0, cellMeanValue: "", cellMeanText: "",
                            cellPassValue: "", cellPassText: "", cellChangeValue: "", cellChangeText: "",
                            cellChangeClass: "", cellTitle: "no calls")
                    }
                    let mean = change(point.meanChange, percent: false)
                    return AgentCell(
                        cellPeriod: label, hasCalls: true, cellCalls: point.calls,
                        cellMeanValue: NumberText.shortest(point.mean),
                        cellMeanText: NumberText.fixed(point.mean, places: 1),
                        cellPassValue: NumberText.shortest(point.passRate),
                        cellPassText: NumberText.percent(point.passRate),
                        cellChangeValue: mean.value, cellChangeText: point.meanChange == nil ? "" : mean.text,
                        cellChangeClass: mean.cls,
                        cellTitle: "\(point.calls) call\(point.calls == 1 ? "" : "s"),"
                            + " \(NumberText.percent(point.passRate)) passed"
                            + (point.previous.map { "; change from \($0)" } ?? ""))
                })
        }
        agentNote =
            "Each agent's mean score, calls and pass rate per \(periodName), with the change in mean from the"
            + " agent's previous \(periodName) with calls"
            + (points.count > Self.agentColumns
                ? "; the latest \(Self.agentColumns) of \(points.count) shown ('callqa report --by \(periodName)'"
                    + " lists them all)."
                : ".")
    }
}
