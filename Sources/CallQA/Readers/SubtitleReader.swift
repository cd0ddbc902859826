/// Reads caption forms: WebVTT and SubRip (SRT).
///
/// ```text
/// WEBVTT
///
/// 00:00:00.000 --> 00:00:03.100
/// <v Agent Maria>Thank you for calling Acme, this is Maria.</v>
///
/// 00:00:03.400 --> 00:00:06.000
/// <v Customer>Hi, my card was charged twice.</v>
/// ```
///
/// ```text
/// 1
/// 00:00:00,000 --> 00:00:03,100
/// Agent: Thank you for calling Acme, this is Maria.
/// ```
///
/// Each cue is a turn with the cue's times. The speaker is the cue's voice
/// (`<v Agent Maria>`, WebVTT), or a `Speaker: text` prefix (both forms, as
/// meeting and caption tools write them); a cue with several voices or
/// speaker lines becomes several turns with the same times. Other markup
/// (`<i>`, `<c.loud>`, inline timestamps) is dropped and character
/// references are decoded. WebVTT `NOTE`, `STYLE` and `REGION` blocks are
/// not speech. A cue with no speaker is read as ``SpeakerRole/other`` with a
/// warning; a cue whose timing line cannot be read rejects the file, naming
/// its line.
public struct SubtitleReader: Sendable {
    /// Which caption form to read.
    public enum Form: String, Sendable {
        /// WebVTT: starts with `WEBVTT`; times `mm:ss.ttt` or `hh:mm:ss.ttt`.
        case webVTT = "WebVTT"
        /// SubRip: numbered cues; times `hh:mm:ss,ttt`.
        case srt = "SRT"
    }

    /// The form read.
    public var form: Form
    /// Labels the user mapped to roles.
    public var speakers: SpeakerMapping

    /// Creates a reader for one caption form.
    public init(_ form: Form, speakers: SpeakerMapping = SpeakerMapping()) {
        self.form = form
        self.speakers = speakers
    }

    /// Reads the call in a caption file.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents (UTF-8, or UTF-16 with a byte-order mark).
    ///   - source: the path to name in diagnostics and in ``Call/source``.
    ///   - defaultID: the call ID (caption files carry none).
    /// - Returns: warnings and the call; or warnings and an error.
    public func read(_ bytes: [UInt8], source: String, defaultID: String) -> [ReadEvent] {
        events(reading: bytes, source: source, defaultID: defaultID)
    }
}

extension SubtitleReader: OneCallReading {
    var conventions: CallAssembler.Conventions { .document }

    /// Reads every cue into `call`; the call begins on line 1.
    func readCall(_ bytes: [UInt8], into call: inout CallAssembler) throws(TranscriptError) -> Int? {
        let text = try TextDecoding.utf8(bytes)
        let lines = String(decoding: text, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }

        var index = 0
        if form == .webVTT {
            guard let first = lines.first, first.hasPrefix("WEBVTT"),
                first.count == 6 || first.dropFirst(6).first == " " || first.dropFirst(6).first == "\t"
            else {
                throw .invalidForm(format: "WebVTT", line: 1, detail: "the first line must be WEBVTT")
            }
            // The header runs to the first blank line.
            while index < lines.count, !lines[index].trimmingWhitespace().isEmpty { index += 1 }
        }

        while index < lines.count {
            // Skip blank lines between blocks, then read one block.
            while index < lines.count, lines[index].trimmingWhitespace().isEmpty { index += 1 }
            guard index < lines.count else { break }
            let blockStart = index
            while index < lines.count, !lines[index].trimmingWhitespace().isEmpty { index += 1 }
            let block = lines[blockStart..<index]
            if form == .webVTT, let head = block.first,
                ["NOTE", "STYLE", "REGION"].contains(where: {
                    head == $0 || head.hasPrefix($0 + " ") || head.hasPrefix($0 + "\t")
                })
            {
                continue
            }
            // An identifier line (a cue number in SRT) may come before the timing line.
            guard let timingOffset = block.firstIndex(where: { $0.contains("-->") }), timingOffset <= blockStart + 1
            else {
                throw .invalidForm(
                    format: form.rawValue, line: blockStart + 1,
                    detail:
                        "expected a cue timing line"
                        + " (\(form == .srt ? "00:00:01,000 --> 00:00:04,000" : "00:01.000 --> 00:04.000"))"
                )
            }
            let lineNumber = timingOffset + 1
            guard let times = Self.cueTimes(block[timingOffset]) else {
                throw .invalidForm(
                    format: form.rawValue, line: lineNumber,
                    detail: "cannot read the cue timing \"\(block[timingOffset].trimmingWhitespace())\"")
            }
            let payload = block[(timingOffset + 1)...]
            if payload.isEmpty {
                call.warn(lineNumber, "cue without text skipped")
                continue
            }
            for part in speakerParts(payload.joined(separator: "\n")) {
                let label = part.label ?? SpeakerRoles.noSpeaker
                if part.label == nil {
                    call.warnOnce(
                        "no speaker", lineNumber,
                        "cue without a speaker (no <v> voice or 'Speaker:' prefix) read as other")
                }
                let role: SpeakerRole? = part.label == nil ? .other : call.role(of: [label])
                call.add(
                    label: label, role: role, start: times.start, end: times.end, text: part.text, line: lineNumber)
            }
        }
        return 1
    }

    /// The start and end of a timing line; settings after the end are ignored.
    static func cueTimes(_ line: Substring) -> (start: Double, end: Double)? {
        let sides = line.components(separatedBy: "-->")
        guard sides.count == 2,
            let start = Timestamp.seconds(sides[0].trimmingWhitespace()),
            let endText = sides[1].split(whereSeparator: { $0 == " " || $0 == "\t" }).first,
            let end = Timestamp.seconds(endText)
        else { return nil }
        return (start, end)
    }

    /// The speakers' words in a cue's text: by voice span, else by `Speaker:` lines.
    private func speakerParts(_ payload: String) -> [(label: String?, text: String)] {
        var parts: [(label: String?, text: String)] = []
        if form == .webVTT, payload.contains("<v") {
            for (voice, text) in Self.voiceSpans(payload) {
                let words = Self.plainText(text)
                if !words.isEmpty { parts.append((voice, words)) }
            }
            return parts
        }
        for line in payload.split(separator: "\n") {
            var content = Self.plainText(String(line))
            if content.hasPrefix("- ") || content.hasPrefix("– ") { content = String(content.dropFirst(2)) }
            if let (label, text) = Self.speakerPrefix(content) {
                parts.append((label, text))
            } else if parts.isEmpty {
                parts.append((nil, content))
            } else {
                SpacedJoin.append(content, to: &parts[parts.count - 1].text)
            }
        }
        return parts.filter { !$0.text.isEmpty }
    }

    /// `Agent: text` or `客服：text` when the part before the colon looks like a speaker.
    static func speakerPrefix(_ line: String) -> (label: String, text: String)? {
        guard let colon = line.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let label = String(line[..<colon].trimmingWhitespace())
        guard !label.isEmpty, label.count <= 40,
            SpeakerLabels().role(for: label) != nil || SpeakerLabels.looksLikeSpeaker(label)
        else { return nil }
        return (label, String(line[line.index(after: colon)...].trimmingWhitespace()))
    }

    /// The voice spans of a WebVTT cue: `<v Name>text</v>`, `<v.class Name>text`
    /// (the end tag is optional); text outside any voice belongs to no speaker.
    static func voiceSpans(_ payload: String) -> [(voice: String?, text: String)] {
        var spans: [(voice: String?, text: String)] = []
        var rest = Substring(payload)
        var voice: String?
        while let open = rest.range(of: "<v") {
            let after = rest[open.upperBound...]
            guard let first = after.first, first == " " || first == "." || first == "\t",
                let close = after.firstIndex(of: ">")
            else {
                // `<var>` or an unfinished tag: not a voice.
                spans.append((voice, String(rest[..<open.upperBound])))
                rest = after
                continue
            }
            spans.append((voice, String(rest[..<open.lowerBound])))
            var annotation = after[..<close]
            if annotation.first == "." {
                annotation = annotation.drop { $0 != " " && $0 != "\t" }
            }
            let name = String(annotation.trimmingWhitespace())
            voice = name.isEmpty ? nil : name
            rest = after[after.index(after: close)...]
        }
        spans.append((voice, String(rest)))
        // Merge the pieces of one voice (split by other tags) and drop `</v>`.
        var merged: [(voice: String?, text: String)] = []
        for span in spans {
            let text = span.text.replacingOccurrences(of: "</v>", with: "")
            if let last = merged.last, last.voice == span.voice {
                merged[merged.count - 1].text += text
            } else {
                merged.append((span.voice, text))
            }
        }
        return merged
    }

    /// Cue text without markup, character references decoded, white space collapsed.
    static func plainText(_ text: String) -> String {
        var result = ""
        var inTag = false
        for character in text {
            if inTag {
                if character == ">" { inTag = false }
            } else if character == "<" {
                inTag = true
            } else {
                result.append(character)
            }
        }
        for (reference, character) in [
            ("&lt;", "<"), ("&gt;", ">"), ("&nbsp;", " "), ("&lrm;", ""), ("&rlm;", ""), ("&quot;", "\""),
            ("&apos;", "'"), ("&amp;", "&"),
        ]
        where result.contains(reference) {
            result = result.replacingOccurrences(of: reference, with: character)
        }
        return SpacedJoin.collapsingWhitespace(result)
    }
}
