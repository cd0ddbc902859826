/// Reads the plain-text transcript form.
///
/// ```text
/// # call: 2024-05-01-0042
/// # agent: 张丽
/// # language: zh-Hans
/// [00:00:01.2] T :中国人寿客户服务部,我是张丽,您需要什么帮助?
/// [00:00:05 - 00:00:09] C :我想查一下我的保单。
/// 上个月的那一份。
/// ```
///
/// - Header lines `# key: value` before the first turn: `call` (or `id`),
///   `agent`, `customer`, `language`; any other key (`date`, `queue`, …) is
///   kept as metadata. `#` lines without a key are comments.
/// - Turn lines `LABEL: text` or `LABEL : text`, with an ASCII or full-width
///   colon, and an optional leading timestamp `[hh:mm:ss(.fff)]`, `[mm:ss]`,
///   `[12.5]` or a range `[00:01:02 - 00:01:05]`.
/// - A line without a label continues the previous turn (joined with a line
///   feed); a timestamped line without a label starts a new turn by the same
///   speaker. Blank lines are ignored.
/// - UTF-8 with or without BOM (UTF-16 with a BOM is accepted too), LF or CRLF.
///
/// Labels map to roles through ``SpeakerLabels`` and the user's
/// ``SpeakerMapping``; speakers that still have no role are guessed or read
/// as ``SpeakerRole/other``, with a warning (see ``SpeakerRoleGuess``).
public struct PlainTextReader: Sendable {
    /// The labels the user mapped to roles.
    public var speakers: SpeakerMapping

    /// Creates a reader.
    ///
    /// - Parameter speakers: labels the user mapped to roles.
    public init(speakers: SpeakerMapping = SpeakerMapping()) {
        self.speakers = speakers
    }

    /// Reads one call from the bytes of a plain-text transcript.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - source: the path to name in diagnostics and in ``Call/source``.
    ///   - defaultID: the call ID to use when the transcript has no `# call:` header.
    /// - Returns: the call, then any warnings, as events; or an error event
    ///   when the transcript cannot be read faithfully.
    public func read(_ bytes: [UInt8], source: String, defaultID: String) -> [ReadEvent] {
        var warnings: [Diagnostic] = []
        do {
            let text = try TextDecoding.utf8(bytes)
            let call = try parse(text, source: source, defaultID: defaultID) { line, message in
                warnings.append(Diagnostic(.warning, source: source, line: line, message: message))
            }
            return warnings.map(ReadEvent.diagnostic) + [.call(call)]
        } catch {
            return warnings.map(ReadEvent.diagnostic) + [.diagnostic(Diagnostic(error: error, source: source))]
        }
    }

    private func parse(_ text: ArraySlice<UInt8>, source: String, defaultID: String,
                       warn: (Int, String) -> Void) throws(TranscriptError) -> Call {
        var header = CallHeader()
        var labels = ResolvedLabels()
        labels.use(SpeakerLabels(mapping: speakers))
        var turns: [Turn] = []
        var firstLine: Int?
        var lineNumber = 0

        var lineStart = text.startIndex
        while lineStart < text.endIndex {
            lineNumber += 1
            let newline = text[lineStart...].firstIndex(of: 0x0A) ?? text.endIndex
            var lineEnd = newline
            if lineEnd > lineStart && text[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let line = text[lineStart..<lineEnd]
            lineStart = newline + 1

            let content = WhitespaceBytes.trimmed(line)
            if content.isEmpty { continue }

            if turns.isEmpty {
                if content.first == UInt8(ascii: "#") {
                    if firstLine == nil { firstLine = lineNumber }
                    if let (key, value) = LineScanner.header(content) {
                        header.set(key: key, value: value, line: lineNumber, warn: warn)
                        labels.use(SpeakerLabels(agent: header.agent, customer: header.customer, mapping: speakers))
                    }
                    continue
                }
            }

            var parsed = LineScanner.turn(content)
            var speaker: (label: String, role: SpeakerRole)?
            if let labelBytes = parsed.label {
                let label = String(decoding: labelBytes, as: UTF8.self)
                let resolution = labels.resolve(label)
                if let role = resolution.role {
                    speaker = (label, role)
                } else if resolution.isSpeaker {
                    speaker = (label, .other)
                } else {
                    // A colon inside a sentence, not a speaker: the line is text.
                    parsed = LineScanner.TurnLine(time: parsed.time, label: nil, text: parsed.fullText, fullText: parsed.fullText)
                }
            }
            if let speaker {
                let times = validated(parsed.time, line: lineNumber, warn: warn)
                turns.append(Turn(role: speaker.role, label: speaker.label, start: times?.start, end: times?.end,
                                  text: String(decoding: parsed.text, as: UTF8.self), line: lineNumber))
                if firstLine == nil { firstLine = lineNumber }
            } else if let time = parsed.time, let previous = turns.last {
                let times = validated(time, line: lineNumber, warn: warn)
                turns.append(Turn(role: previous.role, label: previous.label, start: times?.start, end: times?.end,
                                  text: String(decoding: parsed.text, as: UTF8.self), line: lineNumber))
            } else if !turns.isEmpty {
                let more = String(decoding: content, as: UTF8.self)
                let index = turns.count - 1
                turns[index].text = turns[index].text.isEmpty ? more : turns[index].text + "\n" + more
            } else {
                throw .textBeforeFirstTurn(line: lineNumber)
            }
        }

        if turns.isEmpty {
            if firstLine == nil { throw .empty }
            throw .noTurns(line: firstLine)
        }
        for turn in turns where turn.text.isEmpty {
            warn(turn.line, "turn by \"\(turn.label)\" has no text")
        }
        let language = header.language(for: turns)
        var call = Call(id: header.id ?? defaultID, agent: header.agent, customer: header.customer, language: language,
                        metadata: header.metadata, source: Call.Source(path: source, line: firstLine ?? 1, index: 0),
                        turns: turns)
        SpeakerRoles.settle(&call, labels: labels.labels, warn: warn)
        return call
    }

    private func validated(_ range: Timestamp.Range?, line: Int, warn: (Int, String) -> Void) -> Timestamp.Range? {
        guard var range else { return nil }
        if let end = range.end, end < range.start {
            warn(line, "turn ends before it starts; end time ignored")
            range.end = nil
        }
        return range
    }
}
