extension CallExplanation {
    /// The explanation as Markdown, to share: the transcript with **positive
    /// wording** in bold, *negative wording* in italics, ~~forbidden phrases~~
    /// struck through and `evidence` as code, then the scorecard and what to
    /// improve. Words from the transcript and the rubric are literal text,
    /// never markup (``MarkdownText``).
    public func markdown() -> String {
        let text = MarkdownText.inline
        var output =
            "# Call \(text(call.id)) — \(number(scorecard.score)) / 100, \(scorecard.passed ? "pass" : "fail")\n\n"
        output +=
            "Agent \(text(call.agent ?? AgentSummary.unknownAgent))"
            + (call.customer.map { " · customer \(text($0))" } ?? "")
            + " · \(call.language.rawValue) · rubric \(text(scorecard.rubric.name)) · "
            + "`\(MarkdownText.code(call.source.description))`\n"
        if !scorecard.criticalFailures.isEmpty {
            output += "\n**Critical failure:** \(text(scorecard.criticalFailures.joined(separator: ", ")))\n"
        }

        output += "\n## Transcript\n\n| # | time | speaker | words |\n| --: | --- | --- | --- |\n"
        let marks = self.marks
        for (index, turn) in call.turns.enumerated() {
            output +=
                "| \(index) | \(InspectTable.time(turn)) | \(turn.role.rawValue) | "
                + Self.markdownWords(turn.text, marks: marks[index]) + " |\n"
        }

        output += "\n## Conversation\n\n" + conversationLines.map { "- \($0)\n" }.joined()
        output += "\n## Scorecard\n\n| item | verdict | points | why |\n| --- | --- | --: | --- |\n"
        for item in scorecard.items {
            output +=
                "| \(MarkdownText.cell(item.title)) (`\(MarkdownText.code(item.id))`) | \(item.status.rawValue)"
                + "\(item.critical && item.status == .fail ? " (critical)" : "") | "
                + "\(number(item.points))/\(number(item.maxPoints)) | \(MarkdownText.cell(item.note)) |\n"
        }

        let missed = scorecard.items.filter { $0.status == .fail || $0.status == .partial }
        if !missed.isEmpty {
            output += "\n## What to improve\n"
            for item in missed {
                output += "\n### \(MarkdownText.cell(item.title))\n\n\(text(item.note)).\n"
                for evidence in item.evidence {
                    output += "\n- turn \(evidence.turn) (\(evidence.speaker.rawValue)): “\(text(evidence.text))”"
                }
                if !item.evidence.isEmpty { output += "\n" }
                if let rubricItem = rubric.item(item.id) {
                    output += "\n**What good looks like:** \(text(rubricItem.description))\n"
                }
                let suggestions = self.suggestions(for: item)
                if !suggestions.isEmpty {
                    output +=
                        "\n**Say instead:**\n\n" + suggestions.map { "- “\(text($0))”" }.joined(separator: "\n") + "\n"
                }
            }
        }
        return output
    }

    private static func markdownWords(_ text: String, marks: [Mark?]) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = ""
        var index = 0
        while index < scalars.count {
            let mark = marks[index]
            var end = index
            while end < scalars.count && marks[end] == mark { end += 1 }
            let piece = String(String.UnicodeScalarView(scalars[index..<end]))
            // Each line of a marked span is marked on its own: a table cell
            // breaks lines with <br>, which emphasis and code cannot span.
            let lines = piece.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                guard let mark, !line.isEmpty else { return MarkdownText.cell(String(line)) }
                switch mark {
                case .evidence: return "`" + MarkdownText.code(String(line)) + "`"
                case .positive: return "**" + MarkdownText.cell(String(line)) + "**"
                case .negative: return "*" + MarkdownText.cell(String(line)) + "*"
                case .forbidden: return "~~" + MarkdownText.cell(String(line)) + "~~"
                }
            }
            output += lines.joined(separator: "<br>")
            index = end
        }
        return output
    }
}
