/// One call as a section of an HTML page: the transcript with the tagged
/// words marked as `explain` marks them, then the scorecard item by item,
/// with the evidence, what good looks like and what to say instead.
///
/// Every text is made visible (``HTMLText``) here and escaped by the
/// template; the element id is the section's number, never the call id.
struct CallSection {
    let anchor: String
    let callID: String
    let verdict: String
    let verdictClass: String
    let about: String
    let rubricName: String
    let scoreValue: String
    let scoreText: String
    let critical: String?
    let hasTranscript: Bool
    let turns: [TurnRow]
    let transcriptNote: String?
    let conversation: [String]
    let items: [ItemRow]
    let linkTop: Bool

    /// One turn of the transcript.
    struct TurnRow {
        let turnIndex: Int
        let time: String
        let role: String
        let segments: [Segment]
    }

    /// A run of a turn's text with one mark, or none.
    struct Segment {
        let piece: String
        let marked: Bool
        let markClass: String
        let markLegend: String
    }

    /// One item of the scorecard.
    struct ItemRow {
        let itemID: String
        let itemTitle: String
        let status: String
        let symbol: String
        let points: String
        let maxPoints: String
        let criticalFail: Bool
        let note: String
        let evidenceLines: [String]
        let good: String?
        let hasSuggestions: Bool
        let suggestionText: String
    }

    /// The section of a call scored as `scorecard`. Without `call` the
    /// transcript is left out, and `transcriptNote` says why; without
    /// `rubric` the evidence is marked as evidence, and what good looks like
    /// and what to say instead are left out.
    init(
        scorecard: Scorecard, call: Call?, rubric: Rubric?, anchor: String, linkTop: Bool,
        transcriptNote: String? = nil
    ) {
        let visible = HTMLText.visible
        let number = { (value: Double) in NumberText.shortest(value, places: 2) }
        self.anchor = anchor
        self.linkTop = linkTop
        callID = visible(scorecard.callID)
        verdict = scorecard.passed ? "PASS" : "FAIL"
        verdictClass = scorecard.passed ? "pass" : "fail"
        var about = ["agent " + visible(scorecard.agent ?? call?.agent ?? AgentSummary.unknownAgent)]
        if let customer = call?.customer { about.append("customer " + visible(customer)) }
        about.append(scorecard.language.rawValue)
        if let date = call?.metadata["date"] { about.append("date " + visible(date)) }
        about.append(visible(scorecard.source.description))
        self.about = about.joined(separator: " · ")
        rubricName = visible(scorecard.rubric.name)
        scoreValue = NumberText.shortest(scorecard.score)
        scoreText = number(scorecard.score)
        critical =
            scorecard.criticalFailures.isEmpty ? nil : visible(scorecard.criticalFailures.joined(separator: ", "))
        conversation =
            (scorecard.metrics?.summaryLines
            ?? ["no timing metrics: \(scorecard.metricsUnavailable ?? "not computed")"]).map(visible)

        let explanation = call.flatMap { call in
            rubric.map { CallExplanation(call: call, scorecard: scorecard, rubric: $0) }
        }
        if let call {
            let marks =
                explanation?.marks ?? CallExplanation.marks(of: call, scorecard: scorecard, kind: { _ in .evidence })
            turns = call.turns.enumerated().map { index, turn in
                TurnRow(
                    turnIndex: index, time: InspectTable.time(turn), role: turn.role.rawValue,
                    segments: Self.segments(turn.text, marks: marks[index]))
            }
            hasTranscript = true
            self.transcriptNote = nil
        } else {
            turns = []
            hasTranscript = false
            self.transcriptNote = transcriptNote
        }

        items = scorecard.items.map { item in
            let missed = item.status == .fail || item.status == .partial
            let suggestions = missed ? explanation?.suggestions(for: item) ?? [] : []
            let description = missed ? rubric?.item(item.id)?.description : nil
            return ItemRow(
                itemID: visible(item.id), itemTitle: visible(item.title), status: item.status.rawValue,
                symbol: Self.symbol(item.status), points: number(item.points), maxPoints: number(item.maxPoints),
                criticalFail: item.critical && item.status == .fail, note: visible(item.note),
                evidenceLines: Self.evidenceLines(item), good: description.map(visible),
                hasSuggestions: !suggestions.isEmpty,
                suggestionText: suggestions.map { "“" + visible($0) + "”" }.joined(separator: " · "))
        }
    }

    /// A turn's text cut where its marks change.
    static func segments(_ text: String, marks: [CallExplanation.Mark?]) -> [Segment] {
        let scalars = Array(text.unicodeScalars)
        var segments: [Segment] = []
        var start = 0
        while start < scalars.count {
            let mark = start < marks.count ? marks[start] : nil
            var end = start + 1
            while end < scalars.count && (end < marks.count ? marks[end] : nil) == mark { end += 1 }
            let piece = HTMLText.visible(String(String.UnicodeScalarView(scalars[start..<end])))
            segments.append(
                Segment(
                    piece: piece, marked: mark != nil, markClass: mark.map(Self.markClass) ?? "",
                    markLegend: mark?.legend ?? ""))
            start = end
        }
        return segments
    }

    /// The class of a mark in the style sheet.
    static func markClass(_ mark: CallExplanation.Mark) -> String {
        switch mark {
        case .evidence: "evidence"
        case .positive: "positive"
        case .negative: "negative"
        case .forbidden: "forbidden"
        }
    }

    /// An item's evidence, a line per turn: `turn 5 (00:15) customer: "…" · "…"`.
    static func evidenceLines(_ item: ItemResult) -> [String] {
        var lines: [(turn: Int, head: String, words: [String])] = []
        for evidence in item.evidence {
            let words = HTMLText.visible(evidence.kind == .rule ? evidence.phrase : "\"\(evidence.text)\"")
            if lines.last?.turn == evidence.turn {
                lines[lines.count - 1].words.append(words)
            } else {
                let time = evidence.start.map { " (\(InspectTable.clock($0)))" } ?? ""
                lines.append((evidence.turn, "turn \(evidence.turn)\(time) \(evidence.speaker.rawValue): ", [words]))
            }
        }
        return lines.map { $0.head + $0.words.joined(separator: " · ") }
    }

    private static func symbol(_ status: ItemStatus) -> String {
        switch status {
        case .pass: "✓"
        case .partial: "◐"
        case .fail: "✗"
        case .na: "–"
        }
    }
}
