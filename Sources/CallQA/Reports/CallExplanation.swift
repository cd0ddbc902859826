/// One call explained the way a coach would mark it: the transcript with the
/// tagged words highlighted, then every item's verdict with its evidence and,
/// for what was missed, what good looks like and what to say instead.
///
/// ```swift
/// let explanation = CallExplanation(call: call, scorecard: scorer.score(call), rubric: rubric)
/// print(explanation.plainText())
/// ```
public struct CallExplanation: Sendable {
    /// The call explained.
    public let call: Call
    /// Its scorecard.
    public let scorecard: Scorecard
    /// The rubric that scored it (for descriptions and suggestions).
    public let rubric: Rubric

    /// How a span of words is tagged; a later case wins where spans overlap.
    public enum Mark: Int, Sendable, Comparable, CaseIterable {
        /// Words that are evidence for an item.
        case evidence = 1
        /// Positive wording.
        case positive
        /// Negative wording (hedging).
        case negative
        /// A forbidden phrase.
        case forbidden

        public static func < (lhs: Mark, rhs: Mark) -> Bool { lhs.rawValue < rhs.rawValue }

        /// The plain-text markers around the words.
        var markers: (open: String, close: String) {
            switch self {
            case .evidence: ("[", "]")
            case .positive: ("[+", "]")
            case .negative: ("[-", "]")
            case .forbidden: ("[!", "]")
            }
        }

        var style: TerminalStyle.Style {
            switch self {
            case .evidence: .underline
            case .positive: .green
            case .negative: .yellow
            case .forbidden: .inverseRed
            }
        }

        var legend: String {
            switch self {
            case .evidence: "evidence"
            case .positive: "positive wording"
            case .negative: "negative wording"
            case .forbidden: "forbidden"
            }
        }
    }

    /// Explains `call`, scored as `scorecard` with `rubric`.
    public init(call: Call, scorecard: Scorecard, rubric: Rubric) {
        self.call = call
        self.scorecard = scorecard
        self.rubric = rubric
    }

    /// For each turn, the mark of each Unicode scalar of its text (`nil` for untagged).
    public var marks: [[Mark?]] {
        var marks = call.turns.map { [Mark?](repeating: nil, count: $0.text.unicodeScalars.count) }
        for item in scorecard.items {
            let mark = kind(of: item)
            for evidence in item.evidence where evidence.kind == .quote {
                guard let offsets = evidence.offsets, evidence.turn < marks.count,
                    offsets.upperBound <= marks[evidence.turn].count
                else { continue }
                for index in offsets where (marks[evidence.turn][index] ?? .evidence) <= mark {
                    marks[evidence.turn][index] = mark
                }
            }
        }
        return marks
    }

    private func kind(of item: ItemResult) -> Mark {
        switch rubric.item(item.id)?.check {
        case .forbid?: return .forbidden
        case .wording(let check)?:
            if case .avoid = check.target { return .negative }
            return .positive
        default: return .evidence
        }
    }

    // MARK: - Plain text

    /// The explanation for a terminal: ANSI styles when `colour` is on, markers otherwise.
    public func plainText(colour: Bool = false, width: Int = 100) -> String {
        let style = TerminalStyle(enabled: colour)
        let width = max(width, 60)
        var output =
            style.apply(.bold, "Call \(call.id)") + " · agent \(call.agent ?? AgentSummary.unknownAgent)"
            + (call.customer.map { " · customer \($0)" } ?? "") + " · \(call.language.rawValue) · \(call.source)\n"
        output +=
            "Rubric \(scorecard.rubric.name) · score \(number(scorecard.score)) / 100 · "
            + (scorecard.passed ? style.apply(.green, "PASS") : style.apply(.boldRed, "FAIL"))
            + (scorecard.criticalFailures.isEmpty
                ? "" : " (critical: \(scorecard.criticalFailures.joined(separator: ", ")))")
            + "\n\n"
        output +=
            "Marks: "
            + Mark.allCases.map { mark in
                style.enabled
                    ? style.apply(mark.style, mark.legend) : mark.markers.open + mark.legend + mark.markers.close
            }.joined(separator: " ") + "\n\n"

        let marks = self.marks
        let indexWidth = String(max(call.turns.count - 1, 0)).count
        let times = call.turns.map(InspectTable.time)
        let timeWidth = max(4, times.map(\.count).max() ?? 0)
        let lead = 2 + indexWidth + 2 + timeWidth + 2 + 8 + 2
        for (index, turn) in call.turns.enumerated() {
            let prefix =
                "  " + DisplayWidth.pad(String(index), to: indexWidth, alignment: .right) + "  "
                + DisplayWidth.fit(times[index], to: timeWidth) + "  " + DisplayWidth.fit(turn.role.rawValue, to: 8)
                + "  "
            let lines = Self.render(turn.text, marks: marks[index], style: style, width: max(20, width - lead))
            output += prefix + lines[0] + "\n"
            for line in lines.dropFirst() { output += String(repeating: " ", count: lead) + line + "\n" }
        }

        output += "\n" + style.apply(.bold, "Conversation") + "\n"
        for line in conversationLines { output += "  " + line + "\n" }

        output += "\n" + style.apply(.bold, "Scorecard") + "\n"
        for item in scorecard.items {
            output +=
                "\n  " + symbol(item.status, style: style) + " " + style.apply(.bold, item.title)
                + " (\(item.id)) · \(number(item.points))/\(number(item.maxPoints)) · \(item.status.rawValue)"
                + (item.critical && item.status == .fail ? " · critical" : "") + "\n"
            output += "      " + item.note + "\n"
            for line in evidenceLines(item) { output += "      " + line + "\n" }
            if item.status == .fail || item.status == .partial {
                if let rubricItem = rubric.item(item.id) {
                    output += "      What good looks like: " + rubricItem.description + "\n"
                }
                let suggestions = self.suggestions(for: item)
                if !suggestions.isEmpty {
                    output += "      Say instead: " + suggestions.map { "\"\($0)\"" }.joined(separator: " · ") + "\n"
                }
            }
        }
        return output
    }

    /// The call's conversation metrics in words, or why it has none.
    var conversationLines: [String] {
        scorecard.metrics?.summaryLines ?? ["no timing metrics: \(scorecard.metricsUnavailable ?? "not computed")"]
    }

    /// A turn's text as lines of at most `width` columns, with its marks.
    static func render(_ text: String, marks: [Mark?], style: TerminalStyle, width: Int) -> [String] {
        let scalars = Array(text.unicodeScalars)
        // Plain markers take columns too: count them where a mark opens and closes.
        var extra = [Int](repeating: 0, count: scalars.count)
        if !style.enabled {
            for index in scalars.indices {
                guard let mark = marks[index] else { continue }
                if index == 0 || marks[index - 1] != mark { extra[index] += DisplayWidth.of(mark.markers.open) }
                if index == scalars.count - 1 || marks[index + 1] != mark {
                    extra[index] += DisplayWidth.of(mark.markers.close)
                }
            }
        }
        var lines: [String] = []
        for range in lineRanges(scalars, extra: extra, width: width) {
            var line = ""
            var index = range.lowerBound
            while index < range.upperBound {
                let mark = marks[index]
                var end = index
                while end < range.upperBound && marks[end] == mark { end += 1 }
                let piece = String(String.UnicodeScalarView(scalars[index..<end]))
                if let mark {
                    line +=
                        style.enabled ? style.apply(mark.style, piece) : mark.markers.open + piece + mark.markers.close
                } else {
                    line += piece
                }
                index = end
            }
            lines.append(line)
        }
        return lines.isEmpty ? [""] : lines
    }

    /// Where to break `scalars` into lines of at most `width` columns: at
    /// line breaks; else at the last place a line may break — a space, or
    /// between Han characters, never inside a word or number nor before
    /// closing punctuation; else anywhere.
    static func lineRanges(_ scalars: [Unicode.Scalar], extra: [Int], width: Int) -> [Range<Int>] {
        func mayBreak(before index: Int) -> Bool {
            let previous = scalars[index - 1]
            let next = scalars[index]
            if next == " " || previous == " " { return true }
            if closingPunctuation.contains(next) { return false }
            return !(ScalarClass.isWordCharacter(previous) && ScalarClass.isWordCharacter(next))
        }
        var ranges: [Range<Int>] = []
        var start = 0
        var used = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" {
                ranges.append(start..<index)
                start = index + 1
                used = 0
                index += 1
                continue
            }
            let columns = DisplayWidth.of(scalar) + extra[index]
            if used + columns > width && index > start {
                let breakAt = stride(from: index, to: start, by: -1).first(where: mayBreak(before:)) ?? index
                var end = breakAt
                while end > start && scalars[end - 1] == " " { end -= 1 }
                ranges.append(start..<end)
                start = breakAt
                while start < scalars.count && scalars[start] == " " { start += 1 }
                index = start
                used = 0
                continue
            }
            used += columns
            index += 1
        }
        ranges.append(start..<scalars.count)
        return ranges
    }

    /// Punctuation that may not start a line.
    private static let closingPunctuation: Set<Unicode.Scalar> = Set("，。！？；：、）」』》〉】,.!?;:)]}…".unicodeScalars)

    private func evidenceLines(_ item: ItemResult) -> [String] {
        var lines: [String] = []
        var current: (turn: Int, words: [String])?
        func flush() {
            guard let current else { return }
            let turn = call.turns[current.turn]
            let time = turn.validStart.map { " (\(InspectTable.clock($0)))" } ?? ""
            lines.append("turn \(current.turn)\(time) \(turn.role.rawValue): " + current.words.joined(separator: " · "))
        }
        for evidence in item.evidence {
            let words = evidence.kind == .rule ? evidence.phrase : "\"\(evidence.text)\""
            if current?.turn == evidence.turn {
                current!.words.append(words)
            } else {
                flush()
                current = (evidence.turn, [words])
            }
        }
        flush()
        return lines
    }

    /// What to say instead: the item's suggestions, and for hedging the
    /// rubric's positive wording.
    public func suggestions(for item: ItemResult) -> [String] {
        guard let rubricItem = rubric.item(item.id) else { return [] }
        var suggestions = rubricItem.suggestions
        if case .wording(let check) = rubricItem.check, case .avoid = check.target,
            let positive = rubric.wording.positive, let list = rubric.list(named: positive)
        {
            suggestions += list.phrases.suffix(8)
        }
        return suggestions
    }

    private func symbol(_ status: ItemStatus, style: TerminalStyle) -> String {
        switch status {
        case .pass: style.apply(.green, "✓")
        case .partial: style.apply(.yellow, "◐")
        case .fail: style.apply(.boldRed, "✗")
        case .na: style.apply(.dim, "–")
        }
    }

    func number(_ value: Double) -> String {
        NumberText.shortest(value, places: 2)
    }
}
