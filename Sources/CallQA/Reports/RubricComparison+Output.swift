extension RubricComparison {
    private static func signed(_ value: Double) -> String {
        let rounded = NumberText.rounded(value, places: 1)
        return (rounded > 0 ? "+" : rounded < 0 ? "−" : "±") + NumberText.shortest(abs(rounded))
    }
    private static func quote(_ evidence: Evidence) -> String {
        "turn \(evidence.turn) \(evidence.speaker.rawValue) \"\(evidence.text)\" (\(evidence.phrase))"
    }

    /// The comparison as readable text; words from rubrics and transcripts
    /// with control characters made visible (``TerminalText``).
    public func text() -> String {
        let visible = { (text: String) in TerminalText.visible(text) }
        var output =
            "Comparing \(visible(first.name)) → \(visible(second.name)) on \(calls) call\(calls == 1 ? "" : "s")"
            + (sameRubric ? " (versions of one rubric: items matched by id)" : " (different rubrics: summary only)")
            + "\n"
        output +=
            "mean score \(NumberText.shortest(meanBefore)) → \(NumberText.shortest(meanAfter))"
            + " (\(Self.signed(meanAfter - meanBefore)))"
            + " · pass rate \(NumberText.percent(passRateBefore)) → \(NumberText.percent(passRateAfter))\n"
        if !addedItems.isEmpty { output += "items added: \(visible(addedItems.joined(separator: ", ")))\n" }
        if !removedItems.isEmpty { output += "items removed: \(visible(removedItems.joined(separator: ", ")))\n" }

        let ids = items.map { visible($0.id) }
        let idWidth = min(24, max(4, ids.map { DisplayWidth.of($0) }.max() ?? 0))
        output += "\n" + DisplayWidth.fit("item", to: idWidth) + "   before    after   change\n"
        for (item, id) in zip(items, ids) {
            let change = item.before.flatMap { old in item.after.map { Self.signed(($0 - old) * 100) + " pts" } } ?? ""
            output +=
                DisplayWidth.fit(id, to: idWidth)
                + "  " + DisplayWidth.pad(NumberText.percent(item.before), to: 7, alignment: .right)
                + "  " + DisplayWidth.pad(NumberText.percent(item.after), to: 7, alignment: .right)
                + "  " + DisplayWidth.pad(change, to: 9, alignment: .right) + "\n"
        }

        if sameRubric {
            let flipped = changes.filter(\.flipped).count
            output += "\ncalls that changed: \(changes.count) (pass/fail flipped: \(flipped))\n"
            for change in changes {
                output +=
                    "\n  \(visible(change.callID))  \(NumberText.shortest(change.before))"
                    + " → \(NumberText.shortest(change.after))  "
                    + "\(change.passedBefore ? "pass" : "fail") → \(change.passedAfter ? "pass" : "fail")"
                    + (change.flipped ? "  FLIPPED" : "") + "\n"
                for item in change.items {
                    output += "    \(visible(item.id)): \(item.before.rawValue) → \(item.after.rawValue)\n"
                    for evidence in item.noLongerMatches {
                        output += "      no longer matches: \(visible(Self.quote(evidence)))\n"
                    }
                    for evidence in item.nowMatches {
                        output += "      now matches: \(visible(Self.quote(evidence)))\n"
                    }
                }
            }
        }

        let moved = agents.filter { $0.rankBefore != $0.rankAfter }
        let agentNames = agents.map { visible($0.agent) }
        let agentWidth = min(20, max(5, agentNames.map { DisplayWidth.of($0) }.max() ?? 0))
        output += "\n" + DisplayWidth.fit("agent", to: agentWidth) + "   before    after   change   rank\n"
        for (agent, name) in zip(agents, agentNames) {
            output +=
                DisplayWidth.fit(name, to: agentWidth)
                + "  " + DisplayWidth.pad(NumberText.shortest(agent.before), to: 7, alignment: .right)
                + "  " + DisplayWidth.pad(NumberText.shortest(agent.after), to: 7, alignment: .right)
                + "  " + DisplayWidth.pad(Self.signed(agent.after - agent.before), to: 7, alignment: .right) + "   "
                + (agent.rankBefore == agent.rankAfter
                    ? "\(agent.rankBefore)" : "\(agent.rankBefore) → \(agent.rankAfter)") + "\n"
        }
        output +=
            moved.isEmpty
            ? "no agent changes rank\n" : "\(moved.count) agent\(moved.count == 1 ? "" : "s") change rank\n"
        return output
    }

    /// The comparison as Markdown; words from rubrics and transcripts as
    /// literal text, never markup (``MarkdownText``).
    public func markdown() -> String {
        let text = MarkdownText.inline
        let code = { (words: String) in "`" + MarkdownText.code(words) + "`" }
        var output =
            "# \(text(first.name)) → \(text(second.name))\n\n\(calls) calls · mean score \(NumberText.shortest(meanBefore)) → "
            + "\(NumberText.shortest(meanAfter)) · pass rate \(NumberText.percent(passRateBefore))"
            + " → \(NumberText.percent(passRateAfter))\n"
        if !addedItems.isEmpty { output += "\nItems added: \(addedItems.map(code).joined(separator: ", "))\n" }
        if !removedItems.isEmpty {
            output += "\nItems removed: \(removedItems.map(code).joined(separator: ", "))\n"
        }
        output += "\n## Items\n\n| item | before | after |\n| --- | --: | --: |\n"
        for item in items {
            output += "| \(code(item.id)) | \(NumberText.percent(item.before)) | \(NumberText.percent(item.after)) |\n"
        }
        if sameRubric {
            output += "\n## Calls that changed\n"
            if changes.isEmpty { output += "\nNone.\n" }
            for change in changes {
                output +=
                    "\n### \(text(change.callID)) — \(NumberText.shortest(change.before))"
                    + " → \(NumberText.shortest(change.after))"
                    + (change.flipped
                        ? " (\(change.passedBefore ? "pass" : "fail") → \(change.passedAfter ? "pass" : "fail"))" : "")
                    + "\n\n"
                for item in change.items {
                    output += "- \(code(item.id)): \(item.before.rawValue) → \(item.after.rawValue)\n"
                    for evidence in item.noLongerMatches {
                        output += "  - no longer matches: \(MarkdownText.cell(Self.quote(evidence)))\n"
                    }
                    for evidence in item.nowMatches {
                        output += "  - now matches: \(MarkdownText.cell(Self.quote(evidence)))\n"
                    }
                }
            }
        }
        output += "\n## Agents\n\n| agent | before | after | rank |\n| --- | --: | --: | --- |\n"
        for agent in agents {
            output +=
                "| \(MarkdownText.cell(agent.agent)) | \(NumberText.shortest(agent.before)) | \(NumberText.shortest(agent.after)) | "
                + (agent.rankBefore == agent.rankAfter
                    ? "\(agent.rankBefore)" : "\(agent.rankBefore) → \(agent.rankAfter)") + " |\n"
        }
        return output
    }

    /// The comparison as JSON.
    public func json() -> String {
        var json = JSONWriter(pretty: true)
        json.object { json in
            json.key("before")
            first.write(to: &json)
            json.key("after")
            second.write(to: &json)
            json.field("sameRubric", sameRubric)
            json.field("calls", calls)
            json.field("meanBefore", meanBefore)
            json.field("meanAfter", meanAfter)
            json.field("passRateBefore", NumberText.rounded(passRateBefore, places: 2))
            json.field("passRateAfter", NumberText.rounded(passRateAfter, places: 2))
            json.field("addedItems", addedItems)
            json.field("removedItems", removedItems)
            json.key("items")
            json.array { json in
                for item in items {
                    json.object { json in
                        json.field("id", item.id)
                        json.field("passRateBefore", item.before.map { NumberText.rounded($0, places: 2) })
                        json.field("passRateAfter", item.after.map { NumberText.rounded($0, places: 2) })
                    }
                }
            }
            json.key("changes")
            json.array { json in
                for change in changes {
                    json.object { json in
                        json.field("call", change.callID)
                        json.field("agent", change.agent)
                        json.field("scoreBefore", change.before)
                        json.field("scoreAfter", change.after)
                        json.field("passedBefore", change.passedBefore)
                        json.field("passedAfter", change.passedAfter)
                        json.field("flipped", change.flipped)
                        json.key("items")
                        json.array { json in
                            for item in change.items {
                                json.object { json in
                                    json.field("id", item.id)
                                    json.field("before", item.before.rawValue)
                                    json.field("after", item.after.rawValue)
                                    for (name, list) in [
                                        ("noLongerMatches", item.noLongerMatches), ("nowMatches", item.nowMatches),
                                    ] {
                                        json.key(name)
                                        json.array { json in list.forEach { $0.write(to: &json) } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            json.key("agents")
            json.array { json in
                for agent in agents {
                    json.object { json in
                        json.field("agent", agent.agent)
                        json.field("meanBefore", agent.before)
                        json.field("meanAfter", agent.after)
                        json.field("rankBefore", agent.rankBefore)
                        json.field("rankAfter", agent.rankAfter)
                    }
                }
            }
        }
        return json.text + "\n"
    }
}
