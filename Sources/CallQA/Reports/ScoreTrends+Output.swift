extension ScoreTrends {
    /// The words a point's label and a group's points go by: `period` and
    /// `periods`, or `value` and `values` when grouping by a metadata key.
    private var words: (label: String, points: String) {
        if case .metadata = grouping { ("value", "values") } else { ("period", "periods") }
    }

    /// The trends as the JSON document of `callqa report --by PERIOD|KEY`:
    ///
    /// ```json
    /// {"by": "week", "from": "2024-05-01", "calls": 12, "undated": 0,
    ///  "rubrics": [{"id": "…", "version": "…", "sha256": "…"}],
    ///  "overall": [{"period": "2024-W19", "start": "2024-05-06", "calls": 7, "mean": 71.2, "passRate": 0.57},
    ///              {"period": "2024-W20", "start": "2024-05-13", "calls": 5, "mean": 75, "passRate": 0.6,
    ///               "previous": "2024-W19", "meanChange": 3.8, "passRateChange": 0.03}],
    ///  "agents": [{"agent": "…", "periods": [ … ]}],
    ///  "errors": [], "warnings": []}
    /// ```
    ///
    /// `from` and `to` appear when given, `previous` and the changes from the
    /// second period of a series on. Grouped by a metadata key, points carry
    /// `value` in place of `period` and have no `start` or changes, and agents
    /// list `values`.
    package func jsonDocument(
        filter: ReportFilter, rubrics: [RubricReference], diagnostics: [Diagnostic] = []
    ) -> String {
        var json = JSONWriter(pretty: true)
        json.object { json in
            json.field("by", grouping.description)
            json.field("from", filter.from?.text)
            json.field("to", filter.to?.text)
            json.field("calls", calls)
            json.field("undated", undated)
            json.key("rubrics")
            json.array { json in rubrics.forEach { $0.write(to: &json) } }
            json.key("overall")
            json.array { json in overall.forEach { write($0, to: &json) } }
            json.key("agents")
            json.array { json in
                for series in agents {
                    json.object { json in
                        json.field("agent", series.agent)
                        json.key(words.points)
                        json.array { json in series.points.forEach { write($0, to: &json) } }
                    }
                }
            }
            diagnostics.writeFields(to: &json)
        }
        return json.text + "\n"
    }

    private func write(_ point: Point, to json: inout JSONWriter) {
        json.object { json in
            json.field(words.label, point.label)
            if case .metadata = grouping {
            } else {
                json.field("start", point.start?.text)
            }
            json.field("calls", point.calls)
            json.field("mean", point.mean)
            json.field("passRate", point.passRate)
            if case .metadata = grouping { return }
            json.field("previous", point.previous)
            json.field("meanChange", point.meanChange)
            json.field("passRateChange", point.passRateChange)
        }
    }

    /// The trends as CSV: a header, then one row per group, every agent
    /// together first (agent `(all)`), then agent by agent.
    package var csv: String {
        let periods: Bool = if case .metadata = grouping { false } else { true }
        var text = CSVText.row(
            ["agent", words.label] + (periods ? ["start"] : []) + ["calls", "mean", "passRate"]
                + (periods ? ["previous", "meanChange", "passRateChange"] : []))
        let series = [Series(agent: ScoreTrends.allAgents, points: overall)] + agents
        for entry in series {
            for point in entry.points {
                var cells = [entry.agent, point.label]
                if periods { cells.append(point.start?.text ?? "") }
                cells += [String(point.calls), NumberText.shortest(point.mean), NumberText.shortest(point.passRate)]
                if periods {
                    cells += [
                        point.previous ?? "", point.meanChange.map(NumberText.shortest) ?? "",
                        point.passRateChange.map(NumberText.shortest) ?? "",
                    ]
                }
                text += CSVText.row(cells)
            }
        }
        return text
    }

    /// What the CSV and the table call every agent's calls together.
    public static let allAgents = "(all)"

    /// The trends as a table for a terminal: every agent together, then each
    /// agent, one line per group with the change from the previous period.
    package func table(style: TerminalStyle = TerminalStyle(enabled: false)) -> String {
        let series = [Series(agent: ScoreTrends.allAgents, points: overall)] + agents
        let names = series.map { TerminalText.visible($0.agent) }
        let agentWidth = min(20, max(5, names.map { DisplayWidth.of($0) }.max() ?? 0))
        let labels = series.flatMap(\.points).map { TerminalText.visible($0.label) }
        let heading = TerminalText.visible(grouping.description)
        let labelWidth = min(24, max(DisplayWidth.of(heading), labels.map { DisplayWidth.of($0) }.max() ?? 0))
        let periods: Bool = if case .metadata = grouping { false } else { true }
        var output =
            style.apply(
                .bold,
                DisplayWidth.pad("agent", to: agentWidth) + "  "
                    + DisplayWidth.fit(heading, to: labelWidth)
                    + "  calls   mean" + (periods ? "  change" : "") + "  pass rate" + (periods ? "  change" : ""))
            + "\n"
        for (entry, name) in zip(series, names) {
            for (index, point) in entry.points.enumerated() {
                output +=
                    DisplayWidth.fit(index == 0 ? name : "", to: agentWidth) + "  "
                    + DisplayWidth.fit(TerminalText.visible(point.label), to: labelWidth) + "  "
                    + DisplayWidth.pad(String(point.calls), to: 5, alignment: .right) + "  "
                    + DisplayWidth.pad(NumberText.fixed(point.mean, places: 1), to: 5, alignment: .right)
                output +=
                    periods
                    ? "  " + DisplayWidth.pad(Self.signed(point.meanChange, places: 1), to: 6, alignment: .right) : ""
                output += "  " + DisplayWidth.pad(NumberText.percent(point.passRate), to: 9, alignment: .right)
                output +=
                    periods
                    ? "  "
                        + DisplayWidth.pad(
                            point.passRateChange.map { Self.signed($0 * 100, places: 0) + "pt" } ?? "—", to: 6,
                            alignment: .right) : ""
                output += "\n"
            }
        }
        return output
    }

    /// `+3.8`, `-1.0`, `0.0`; `—` for none.
    private static func signed(_ value: Double?, places: Int) -> String {
        guard let value else { return "—" }
        let text = NumberText.fixed(value, places: places)
        return value > 0 && !text.hasPrefix("-") && text != NumberText.fixed(0, places: places) ? "+" + text : text
    }
}
