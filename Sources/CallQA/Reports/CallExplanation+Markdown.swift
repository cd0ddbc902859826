extension CallExplanation {
    /// The explanation as Markdown, to share: the transcript with **positive
    /// wording** in bold, *negative wording* in italics, ~~forbidden phrases~~
    /// struck through and `evidence` as code, then the scorecard and what to
    /// improve.
    public func markdown() -> String {
        var output = "# Call \(call.id) — \(number(scorecard.score)) / 100, \(scorecard.passed ? "pass" : "fail")\n\n"
        output +=
            "Agent \(call.agent ?? AgentSummary.unknownAgent)"
            + (call.customer.map { " · customer \($0)" } ?? "")
            + " · \(call.language.rawValue) · rubric \(scorecard.rubric.name) · `\(call.source)`\n"
        if !scorecard.criticalFailures.isEmpty {
            output += "\n**Critical failure:** \(scorecard.criticalFailures.joined(separator: ", "))\n"
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
                "| \(Self.cell(item.title)) (`\(item.id)`) | \(item.status.rawValue)"
                + "\(item.critical && item.status == .fail ? " (critical)" : "") | "
                + "\(number(item.points))/\(number(item.maxPoints)) | \(Self.cell(item.note)) |\n"
        }

        let missed = scorecard.items.filter { $0.status == .fail || $0.status == .partial }
        if !missed.isEmpty {
            output += "\n## What to improve\n"
            for item in missed {
                output += "\n### \(item.title)\n\n\(item.note).\n"
                for evidence in item.evidence {
                    output += "\n- turn \(evidence.turn) (\(evidence.speaker.rawValue)): “\(evidence.text)”"
                }
                if !item.evidence.isEmpty { output += "\n" }
                if let rubricItem = rubric.item(item.id) {
                    output += "\n**What good looks like:** \(rubricItem.description)\n"
                }
                let suggestions = self.suggestions(for: item)
                if !suggestions.isEmpty {
                    output += "\n**Say instead:**\n\n" + suggestions.map { "- “\($0)”" }.joined(separator: "\n") + "\n"
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
            let piece = cell(String(String.UnicodeScalarView(scalars[index..<end])))
            switch mark {
            case nil: output += piece
            case .evidence?: output += "`" + piece.replacingOccurrences(of: "`", with: "'") + "`"
            case .positive?: output += "**" + piece + "**"
            case .negative?: output += "*" + piece + "*"
            case .forbidden?: output += "~~" + piece + "~~"
            }
            index = end
        }
        return output
    }

    /// Text made safe for a Markdown table cell.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>")
    }
}
