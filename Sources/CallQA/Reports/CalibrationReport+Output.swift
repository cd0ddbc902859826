extension CalibrationReport {
    /// The report as tables that fit 100 columns.
    public func table() -> String {
        func fixed(_ value: Double?) -> String { NumberText.fixed(value, places: 2) }
        var output =
            "\(labelledCalls) labelled call\(labelledCalls == 1 ? "" : "s"),"
            + " \(labelRows) label row\(labelRows == 1 ? "" : "s"), "
            + "\(evaluators) evaluator\(evaluators == 1 ? "" : "s")\n\n"
        let ids = items.map { TerminalText.visible($0.id) }
        let idWidth = min(24, max(4, ids.map { DisplayWidth.of($0) }.max() ?? 0))
        output +=
            DisplayWidth.pad("item", to: idWidth) + "  pairs  agree  kappa   human pairs  human agree  human kappa\n"
        for (item, id) in zip(items, ids) {
            let cells = [
                (String(item.pairs), 5), (NumberText.percent(item.agreement), 5), (fixed(item.kappa), 5),
                (String(item.humanPairs), 12), (NumberText.percent(item.humanAgreement), 11),
                (fixed(item.humanKappa), 11),
            ]
            output +=
                DisplayWidth.pad(id, to: idWidth) + "  "
                + cells.map { DisplayWidth.pad($0, to: $1, alignment: .right) }.joined(separator: "  ") + "\n"
        }
        output +=
            "\ntotal score: \(total.calls) call\(total.calls == 1 ? "" : "s") · mean |difference| "
            + (total.meanAbsoluteDifference.map { NumberText.shortest($0, places: 1) } ?? "—")
            + " · Pearson \(fixed(total.pearson)) · Spearman \(fixed(total.spearman))"
            + " · within ±10: \(NumberText.percent(total.withinTen)) (target: over 85%)\n"
        if !disagreements.isEmpty {
            output += "\nLargest disagreements\n"
            for disagreement in disagreements {
                output +=
                    "\n  \(TerminalText.visible(disagreement.callID))  machine \(NumberText.shortest(disagreement.machineScore))"
                    + (disagreement.humanScore.map { "  human \(NumberText.shortest($0, places: 1))" } ?? "") + "\n"
                    + "    why: \(TerminalText.visible(disagreement.why))\n"
                for item in disagreement.items {
                    output +=
                        "    \(TerminalText.visible(item.id)): machine \(item.machine.rawValue),"
                        + " human \(item.human.map(\.rawValue).joined(separator: "/")) — "
                        + TerminalText.visible(item.note) + "\n"
                    for evidence in item.evidence.prefix(3) {
                        output +=
                            "      turn \(evidence.turn) \(evidence.speaker.rawValue): "
                            + "\"\(TerminalText.visible(evidence.text))\"\n"
                    }
                }
            }
        }
        return output
    }

    /// The report as JSON: `labelledCalls`, `labelRows`, `evaluators`, `items`, `total`, `disagreements`,
    /// `errors`, `warnings`.
    public func json(diagnostics: [Diagnostic]) -> String {
        var json = JSONWriter(pretty: true)
        func rounded(_ value: Double?) -> Double? { value.map { NumberText.rounded($0, places: 2) } }
        json.object { json in
            json.field("labelledCalls", labelledCalls)
            json.field("labelRows", labelRows)
            json.field("evaluators", evaluators)
            json.key("items")
            json.array { json in
                for item in items {
                    json.object { json in
                        json.field("id", item.id)
                        json.field("pairs", item.pairs)
                        json.key("agreement")
                        rounded(item.agreement).map { json.value($0) } ?? json.null()
                        json.key("kappa")
                        rounded(item.kappa).map { json.value($0) } ?? json.null()
                        json.field("humanPairs", item.humanPairs)
                        json.key("humanAgreement")
                        rounded(item.humanAgreement).map { json.value($0) } ?? json.null()
                        json.key("humanKappa")
                        rounded(item.humanKappa).map { json.value($0) } ?? json.null()
                    }
                }
            }
            json.key("total")
            json.object { json in
                json.field("calls", total.calls)
                json.key("meanAbsoluteDifference")
                rounded(total.meanAbsoluteDifference).map { json.value($0) } ?? json.null()
                json.key("pearson")
                rounded(total.pearson).map { json.value($0) } ?? json.null()
                json.key("spearman")
                rounded(total.spearman).map { json.value($0) } ?? json.null()
                json.key("withinTen")
                rounded(total.withinTen).map { json.value($0) } ?? json.null()
            }
            json.key("disagreements")
            json.array { json in
                for disagreement in disagreements {
                    json.object { json in
                        json.field("call", disagreement.callID)
                        json.field("machineScore", disagreement.machineScore)
                        json.field("humanScore", rounded(disagreement.humanScore))
                        json.field("why", disagreement.why)
                        json.key("items")
                        json.array { json in
                            for item in disagreement.items {
                                json.object { json in
                                    json.field("id", item.id)
                                    json.field("machine", item.machine.rawValue)
                                    json.field("human", item.human.map(\.rawValue))
                                    json.field("note", item.note)
                                }
                            }
                        }
                    }
                }
            }
            diagnostics.writeFields(to: &json)
        }
        return json.text + "\n"
    }
}
