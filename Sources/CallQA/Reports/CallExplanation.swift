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
        Self.marks(of: call, scorecard: scorecard, kind: kind(of:))
    }

    /// For each turn of `call`, the mark of each Unicode scalar of its text,
    /// each item's quoted evidence marked as `kind` says.
    static func marks(of call: Call, scorecard: Scorecard, kind: (ItemResult) -> Mark) -> [[Mark?]] {
        var marks = call.turns.map { [Mark?](repeating: nil, count: $0.text.unicodeScalars.count) }
        for item in scorecard.items {
            let mark = kind(item)
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
        let visible = { (text: String) in TerminalText.visible(text) }
        // Every line but the transcript's wraps at the width, continued two columns further in.
        func add(_ pieces: [(text: String, style: TerminalStyle.Style?)], indent: Int = 0) -> String {
            Self.wrap(pieces, indent: indent, width: width, style: style)
        }
        let about =
            " · agent \(visible(call.agent ?? AgentSummary.unknownAgent))"
            + (call.customer.map { " · customer \(visible($0))" } ?? "") + " · \(call.language.rawValue)"
        let source = visible(call.source.description)
        // The source is never broken, so that it can be copied: when the line
        // is too long, it goes on a line of its own.
        var output =
            DisplayWidth.of("Call \(visible(call.id))" + about + " · " + source) <= width
            ? add([("Call \(visible(call.id))", .bold), (about + " · " + source, nil)])
            : add([("Call \(visible(call.id))", .bold), (about, nil)]) + "  " + source + "\n"
        output += add([
            ("Rubric \(visible(scorecard.rubric.name)) · score \(number(scorecard.score)) / 100 · ", nil),
            scorecard.passed ? ("PASS", .green) : ("FAIL", .boldRed),
            (
                scorecard.criticalFailures.isEmpty
                    ? "" : " (critical: \(visible(scorecard.criticalFailures.joined(separator: ", "))))", nil
            ),
        ])
        output += "\n"
        var legend: [(text: String, style: TerminalStyle.Style?)] = [("Marks:", nil)]
        for mark in Mark.allCases {
            legend.append((" ", nil))
            legend.append(
                style.enabled ? (mark.legend, mark.style) : (mark.markers.open + mark.legend + mark.markers.close, nil))
        }
        output += add(legend) + "\n"

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
        for line in conversationLines { output += add([(line, nil)], indent: 2) }

        output += "\n" + style.apply(.bold, "Scorecard") + "\n"
        for item in scorecard.items {
            let (mark, markStyle) = symbol(item.status)
            output +=
                "\n"
                + add(
                    [
                        (mark, markStyle), (" ", nil), (visible(item.title), .bold),
                        (
                            " (\(visible(item.id))) · \(number(item.points))/\(number(item.maxPoints)) · "
                                + item.status.rawValue + (item.critical && item.status == .fail ? " · critical" : ""),
                            nil
                        ),
                    ], indent: 2)
            output += add([(visible(item.note), nil)], indent: 6)
            for line in evidenceLines(item) { output += add([(line, nil)], indent: 6) }
            if item.status == .fail || item.status == .partial {
                if let rubricItem = rubric.item(item.id) {
                    output += add([("What good looks like: " + visible(rubricItem.description), nil)], indent: 6)
                }
                let suggestions = self.suggestions(for: item)
                if !suggestions.isEmpty {
                    output += add(
                        [("Say instead: " + suggestions.map { "\"\(visible($0))\"" }.joined(separator: " · "), nil)],
                        indent: 6)
                }
            }
        }
        return output
    }

    /// Pieces of text (already made visible), each in its style or none, as
    /// lines of at most `width` columns, the first indented by `indent` and
    /// the others by two more, each ending with a line break. Styles are
    /// applied after the text is broken into lines, so they take no columns.
    static func wrap(
        _ pieces: [(text: String, style: TerminalStyle.Style?)], indent: Int, width: Int, style: TerminalStyle
    ) -> String {
        var scalars: [Unicode.Scalar] = []
        var styles: [TerminalStyle.Style?] = []
        for piece in pieces {
            let added = Array(piece.text.unicodeScalars)
            scalars += added
            styles += Array(repeating: piece.style, count: added.count)
        }
        let ranges = lineRanges(
            scalars, extra: [Int](repeating: 0, count: scalars.count), width: max(20, width - indent - 2))
        return ranges.enumerated().map { number, range in
            var line = String(repeating: " ", count: number == 0 ? indent : indent + 2)
            var index = range.lowerBound
            while index < range.upperBound {
                var end = index
                while end < range.upperBound && styles[end] == styles[index] { end += 1 }
                let text = String(String.UnicodeScalarView(scalars[index..<end]))
                line += styles[index].map { style.apply($0, text) } ?? text
                index = end
            }
            return line + "\n"
        }.joined()
    }

    /// The call's conversation metrics in words, or why it has none.
    var conversationLines: [String] {
        scorecard.metrics?.summaryLines ?? ["no timing metrics: \(scorecard.metricsUnavailable ?? "not computed")"]
    }

    /// A turn's text as lines of at most `width` columns, with its marks.
    static func render(_ text: String, marks: [Mark?], style: TerminalStyle, width: Int) -> [String] {
        let scalars = Array(text.unicodeScalars)
        // Control characters are shown visibly, and plain markers take columns
        // too: count both where they are.
        var extra = [Int](repeating: 0, count: scalars.count)
        for index in scalars.indices where TerminalText.needsEscape(scalars[index], keepingLineBreaks: true) {
            extra[index] =
                DisplayWidth.of(TerminalText.visible(scalars[index], keepingLineBreaks: true))
                - DisplayWidth.of(scalars[index])
        }
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
        // A marked span broken over lines is opened and closed on each: keep room for both markers.
        let markers = Mark.allCases.map { DisplayWidth.of($0.markers.open) + DisplayWidth.of($0.markers.close) }
        let room = style.enabled || !marks.contains(where: { $0 != nil }) ? width : width - (markers.max() ?? 0)
        for range in lineRanges(scalars, extra: extra, width: room) {
            var line = ""
            var index = range.lowerBound
            while index < range.upperBound {
                let mark = marks[index]
                var end = index
                while end < range.upperBound && marks[end] == mark { end += 1 }
                let piece = TerminalText.visible(
                    String(String.UnicodeScalarView(scalars[index..<end])), keepingLineBreaks: true)
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
            let words = TerminalText.visible(evidence.kind == .rule ? evidence.phrase : "\"\(evidence.text)\"")
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

    private func symbol(_ status: ItemStatus) -> (String, TerminalStyle.Style) {
        switch status {
        case .pass: ("✓", .green)
        case .partial: ("◐", .yellow)
        case .fail: ("✗", .boldRed)
        case .na: ("–", .dim)
        }
    }

    func number(_ value: Double) -> String {
        NumberText.shortest(value, places: 2)
    }
}
