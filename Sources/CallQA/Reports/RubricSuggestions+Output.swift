extension RubricSuggestions {
    /// The suggestions as text for a terminal `width` columns wide (at least
    /// 60; 80 by default). Text from transcripts is shown with control and
    /// bidirectional-formatting characters made visible, so a transcript
    /// cannot move the cursor or restyle the terminal.
    public func table(width: Int = 80) -> String {
        var text = TableText(width: max(60, width))
        let count = labelledCallIDs.count
        text.paragraph(
            "Rubric suggestions for \(TerminalText.visible(rubric.name)) · \(count) labelled call\(count == 1 ? "" : "s")"
        )
        let support = settings.minimumSupport
        text.paragraph(
            "Candidates: words and phrases said in at least \(support) call\(support == 1 ? "" : "s") of a group,"
                + " and every rubric phrase the machine quoted; at most \(settings.top) per list. Score: the log odds"
                + " ratio of being said in one group rather than the other (0.5 added to every count).")
        if items.isEmpty {
            text.blank()
            text.paragraph("No items to suggest for.")
        }
        for item in items {
            text.blank()
            text.paragraph("\(TerminalText.visible(item.id)) · \(TerminalText.visible(item.title)) · \(item.kind)")
            let groups = CallGroup.allCases.compactMap { group in
                item.counts[group].map { "\(group.shortWords) \($0)" }
            }
            text.pieces(["calls:"] + groups + ["tied \(item.tied)"], separator: " · ", indent: 2, hanging: 4)
            if let note = item.note { text.paragraph(TerminalText.visible(note), indent: 2) }
            let lists: [(String, CandidateList?)] = [
                ("Add", item.add), ("Remove, rubric phrases the machine quoted", item.removeQuoted),
                ("Remove, other wording", item.remove), ("Triggers to add", item.triggers),
            ]
            for case (let title, let list?) in lists {
                text.blank()
                list.table(title: title, into: &text)
            }
        }
        return text.text
    }

    /// The suggestions as JSON: `rubric`, `labelledCalls`, `minimumSupport`,
    /// `top`, `items` (each with `calls`, its lists and their candidates),
    /// `errors`, `warnings`. Fields in a fixed order; scores rounded to 0.01.
    public func json(diagnostics: [Diagnostic]) -> String {
        var json = JSONWriter(pretty: true)
        json.object { json in
            json.key("rubric")
            json.object { json in
                json.field("id", rubric.id)
                json.field("version", rubric.version)
                json.field("sha256", rubric.sha256)
            }
            json.field("labelledCalls", labelledCallIDs.count)
            json.field("minimumSupport", settings.minimumSupport)
            json.field("top", settings.top)
            json.key("items")
            json.array { json in
                for item in items {
                    json.object { json in
                        json.field("id", item.id)
                        json.field("title", item.title)
                        json.field("kind", item.kind)
                        json.key("calls")
                        json.object { json in
                            for group in CallGroup.allCases { json.field(group.rawValue, item.counts[group]) }
                            json.field("tied", item.tied)
                        }
                        json.field("note", item.note)
                        let lists = [
                            ("add", item.add), ("removeQuoted", item.removeQuoted), ("remove", item.remove),
                            ("triggers", item.triggers),
                        ]
                        for case (let name, let list?) in lists {
                            json.key(name)
                            list.write(to: &json)
                        }
                    }
                }
            }
            diagnostics.writeFields(to: &json)
        }
        return json.text + "\n"
    }
}

extension RubricSuggestions.CallGroup {
    /// The group in a few words, for the counts line of a table.
    var shortWords: String {
        switch self {
        case .bothPass: "both pass"
        case .bothNotPass: "neither passes"
        case .humanOnlyPass: "people only pass"
        case .machineOnlyPass: "machine only passes"
        case .humanApplicableMachineNA: "applicable to people only"
        case .bothNA: "na to both"
        }
    }
}

extension RubricSuggestions.CandidateList {
    /// Writes the list as a table: a heading saying which calls, the
    /// candidates with their counts and score, two example quotes each.
    fileprivate func table(title: String, into text: inout TableText) {
        text.paragraph(
            "\(title): said where \(group.words) (\(Self.calls(groupSize))), against where \(against.words)"
                + " (\(Self.calls(againstSize))); from \(scope)", indent: 2, hanging: 4)
        guard !candidates.isEmpty else {
            text.paragraph("none", indent: 4)
            return
        }
        let phrases = candidates.map { candidate in
            TerminalText.visible(candidate.phrase)
                + (candidate.speaker == speaker ? "" : " (\(candidate.speaker.rawValue))")
        }
        let counts = candidates.map { ("\($0.calls)/\($0.groupSize)", "\($0.callsAgainst)/\($0.againstSize)") }
        let phraseWidth = min(32, max(6, phrases.map { DisplayWidth.of($0) }.max() ?? 0))
        let inWidth = max(2, counts.map(\.0.count).max() ?? 0)
        let againstWidth = max(7, counts.map(\.1.count).max() ?? 0)
        text.line(
            "    " + DisplayWidth.pad("phrase", to: phraseWidth) + "  " + DisplayWidth.pad("in", to: inWidth)
                + "  " + DisplayWidth.pad("against", to: againstWidth) + "  score")
        for (index, candidate) in candidates.enumerated() {
            text.line(
                "    " + DisplayWidth.fit(phrases[index], to: phraseWidth) + "  "
                    + DisplayWidth.pad(counts[index].0, to: inWidth, alignment: .right) + "  "
                    + DisplayWidth.pad(counts[index].1, to: againstWidth, alignment: .right) + "  "
                    + DisplayWidth.pad(NumberText.fixed(candidate.score, places: 2), to: 5, alignment: .right))
            for example in candidate.examples {
                text.paragraph(
                    "\(TerminalText.visible(example.callID)) turn \(example.turn): "
                        + "\"\(TerminalText.visible(example.text))\"", indent: 6, hanging: 8)
            }
        }
    }

    private static func calls(_ count: Int) -> String {
        "\(count) call\(count == 1 ? "" : "s")"
    }

    /// Writes the list as a JSON object: `group`, `groupSize`, `againstGroup`, `againstSize`, `scope`,
    /// `candidates`.
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("group", group.rawValue)
            json.field("groupSize", groupSize)
            json.field("againstGroup", against.rawValue)
            json.field("againstSize", againstSize)
            json.field("scope", scope)
            json.key("candidates")
            json.array { json in
                for candidate in candidates {
                    json.object { json in
                        json.field("phrase", candidate.phrase)
                        json.field("speaker", candidate.speaker.rawValue)
                        json.field("in", candidate.calls)
                        json.field("of", candidate.groupSize)
                        json.field("against", candidate.callsAgainst)
                        json.field("againstOf", candidate.againstSize)
                        json.field("score", NumberText.rounded(candidate.score, places: 2))
                        json.key("examples")
                        json.array { json in
                            for example in candidate.examples {
                                json.object { json in
                                    json.field("call", example.callID)
                                    json.field("turn", example.turn)
                                    json.field("text", example.text)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Text laid out for a terminal: paragraphs wrapped to a width, with an indent.
private struct TableText {
    /// The columns text may take.
    let width: Int
    /// The text so far.
    private(set) var text = ""

    init(width: Int) {
        self.width = width
    }

    /// Adds `paragraph` wrapped to the width: its first line indented by
    /// `indent` spaces, the others by `hanging` (the same by default).
    mutating func paragraph(_ paragraph: String, indent: Int = 0, hanging: Int? = nil) {
        let rest = hanging ?? indent
        let lines = DisplayWidth.wrap(paragraph, width: width - max(indent, rest))
        for (index, line) in lines.enumerated() {
            text += String(repeating: " ", count: index == 0 ? indent : rest) + line + "\n"
        }
    }

    /// Adds `pieces` joined by `separator`, with line breaks only between
    /// pieces (a line that breaks ends with the separator); the first piece
    /// is followed by a space.
    mutating func pieces(_ pieces: [String], separator: String, indent: Int = 0, hanging: Int? = nil) {
        guard let lead = pieces.first else { return }
        let rest = String(repeating: " ", count: hanging ?? indent)
        let lineEnd = String(separator.reversed().drop { $0 == " " }.reversed())
        var line = String(repeating: " ", count: indent) + lead
        var joiner = " "
        for piece in pieces.dropFirst() {
            if DisplayWidth.of(line + joiner + piece) > width {
                text += line + (joiner == " " ? "" : lineEnd) + "\n"
                line = rest + piece
            } else {
                line += joiner + piece
            }
            joiner = separator
        }
        text += line + "\n"
    }

    /// Adds one line as it is.
    mutating func line(_ line: String) {
        text += line + "\n"
    }

    /// Adds an empty line.
    mutating func blank() {
        text += "\n"
    }
}
