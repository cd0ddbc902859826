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
///   `[12.5]` or a range `[00:01:02 - 00:01:05]`. A `[` followed by a digit
///   or a sign starts a timestamp: one that cannot be read (`[00:61]`) is an
///   error naming the line, never text.
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
    /// - Returns: any warnings, then the call, as events; or warnings and an
    ///   error event when the transcript cannot be read faithfully.
    public func read(_ bytes: [UInt8], source: String, defaultID: String) -> [ReadEvent] {
        events(reading: bytes, source: source, defaultID: defaultID)
    }
}

extension PlainTextReader: OneCallReading {
    var conventions: CallAssembler.Conventions { .plainText }

    /// Reads the headers and turns into `call`; returns the line the call
    /// begins on (its first header or turn).
    func readCall(_ bytes: [UInt8], into call: inout CallAssembler) throws(TranscriptError) -> Int? {
        let text = try TextDecoding.utf8(bytes)
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

            if call.turns.isEmpty {
                if content.first == UInt8(ascii: "#") {
                    if firstLine == nil { firstLine = lineNumber }
                    if let (key, value) = LineScanner.header(content) {
                        call.declare(key: key, value: value, line: lineNumber)
                    }
                    continue
                }
            }

            var parsed = LineScanner.turn(content)
            if let written = parsed.unreadableTime {
                throw .invalidTime(
                    line: lineNumber,
                    detail: "cannot read the timestamp \"\(String(decoding: written, as: UTF8.self))\""
                        + " (write [hh:mm:ss.fff], [mm:ss] or [seconds], minutes and seconds below 60,"
                        + " or a range of two)")
            }
            var speaker: (label: String, role: SpeakerRole)?
            if let labelBytes = parsed.label {
                let label = String(decoding: labelBytes, as: UTF8.self)
                let resolution = call.resolve(label)
                if let role = resolution.role {
                    speaker = (label, role)
                } else if resolution.isSpeaker {
                    speaker = (label, .other)
                } else {
                    // A colon inside a sentence, not a speaker: the line is text.
                    parsed = LineScanner.TurnLine(
                        time: parsed.time, label: nil, text: parsed.fullText, fullText: parsed.fullText)
                }
            }
            if let speaker {
                call.add(
                    label: speaker.label, role: speaker.role, start: parsed.time?.start, end: parsed.time?.end,
                    text: String(decoding: parsed.text, as: UTF8.self), line: lineNumber)
                if firstLine == nil { firstLine = lineNumber }
            } else if let time = parsed.time, let previous = call.turns.last {
                call.add(
                    label: previous.label, role: previous.role, start: time.start, end: time.end,
                    text: String(decoding: parsed.text, as: UTF8.self), line: lineNumber)
            } else if !call.turns.isEmpty {
                call.continueLastTurn(String(decoding: content, as: UTF8.self))
            } else {
                throw .textBeforeFirstTurn(line: lineNumber)
            }
        }
        guard let firstLine else { throw .empty }
        return firstLine
    }
}
