import Foundation

/// Reads Amazon Transcribe output: a transcription job's JSON, a Call
/// Analytics job's, and Amazon Connect Contact Lens analysis files.
///
/// A transcription job (speaker partitioning or channel identification):
///
/// ```json
/// {"jobName": "call-0042", "results": {"language_code": "en-US", "items": [
///   {"type": "pronunciation", "start_time": "0.04", "end_time": "0.41", "speaker_label": "spk_0",
///    "alternatives": [{"confidence": "0.99", "content": "Thank"}]},
///   {"type": "punctuation", "alternatives": [{"content": ","}], "speaker_label": "spk_0"}]}}
/// ```
///
/// Contact Lens and Call Analytics, whose segments already carry roles:
///
/// ```json
/// {"LanguageCode": "en-US", "Participants": [{"ParticipantId": "A1", "ParticipantRole": "AGENT"}],
///  "Transcript": [{"ParticipantId": "AGENT", "BeginOffsetMillis": 40, "EndOffsetMillis": 3100,
///                  "Content": "Thank you for calling Acme."}]}
/// ```
///
/// Items are words with their speaker, from `speaker_label` on the item, or
/// else from `speaker_labels.segments` (older jobs) or `channel_labels`
/// (`ch_0`, `ch_1`) by their times. A speaker's consecutive words make one
/// turn; a pause of ``turnBreak`` seconds or more starts a new one (a hold
/// is a silence between two turns, not inside one). Words are joined the
/// way their script is written: spaces between English words, none between
/// Chinese ones. The language comes from `language_code` / `LanguageCode`.
public struct TranscribeJSONReader: Sendable {
    /// A pause, in seconds, that ends a speaker's turn.
    public static let turnBreak = 2.0

    /// Labels the user mapped to roles (`spk_0`, `ch_1`).
    public var speakers: SpeakerMapping

    /// Creates a reader.
    public init(speakers: SpeakerMapping = SpeakerMapping()) {
        self.speakers = speakers
    }

    private static let format = "Amazon Transcribe JSON"

    /// Reads the call in a Transcribe or Contact Lens JSON file.
    public func read(_ bytes: [UInt8], source: String, defaultID: String) -> [ReadEvent] {
        events(reading: bytes, source: source, defaultID: defaultID)
    }
}

extension TranscribeJSONReader: OneCallReading {
    var conventions: CallAssembler.Conventions { .document }

    /// Reads the turns of either kind of file into `call`; JSON has no lines.
    func readCall(_ bytes: [UInt8], into call: inout CallAssembler) throws(TranscriptError) -> Int? {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "not valid JSON"
            throw .invalidForm(format: Self.format, line: nil, detail: detail)
        }
        guard let object = root as? [String: Any] else {
            throw .invalidForm(format: Self.format, line: nil, detail: "the top level is not an object")
        }
        if let segments = object["Transcript"] as? [Any] {
            try readSegments(segments, object: object, into: &call)
            return nil
        }
        if let results = object["results"] as? [String: Any] {
            try readItems(results, object: object, into: &call)
            return nil
        }
        throw .invalidForm(
            format: Self.format, line: nil,
            detail: "neither 'results' (a transcription job) nor 'Transcript' (Contact Lens, Call Analytics) is present"
        )
    }

    // MARK: - Contact Lens and Call Analytics

    private func readSegments(_ segments: [Any], object: [String: Any], into call: inout CallAssembler)
        throws(TranscriptError)
    {
        if let language = object["LanguageCode"] as? String { setLanguage(language, into: &call) }
        if let job = object["JobName"] as? String { call.header.metadata["job"] = job }
        if let contact = (object["CustomerMetadata"] as? [String: Any])?["ContactId"] as? String {
            call.header.metadata["contact"] = contact
        }
        // Participant IDs may be opaque; their roles are listed apart.
        var roles: [String: String] = [:]
        for case let participant as [String: Any] in object["Participants"] as? [Any] ?? [] {
            if let id = participant["ParticipantId"] as? String, let role = participant["ParticipantRole"] as? String {
                roles[id] = role
            }
        }
        for (position, entry) in segments.enumerated() {
            let name = "Transcript[\(position)]"
            guard let segment = entry as? [String: Any] else {
                throw .invalidForm(format: Self.format, line: nil, detail: "\(name) is not an object")
            }
            guard let content = segment["Content"] as? String else {
                throw .invalidForm(format: Self.format, line: nil, detail: "\(name) has no 'Content'")
            }
            guard let participant = (segment["ParticipantRole"] ?? segment["ParticipantId"]) as? String else {
                throw .invalidForm(format: Self.format, line: nil, detail: "\(name) has no 'ParticipantId'")
            }
            let label = roles[participant] ?? participant
            let start = try Self.number(segment["BeginOffsetMillis"], field: "BeginOffsetMillis", of: name)
                .map { $0 / 1000 }
            let end = try Self.number(segment["EndOffsetMillis"], field: "EndOffsetMillis", of: name)
                .map { $0 / 1000 }
            if start == nil || end == nil {
                call.warnOnce("untimed", nil, "\(name) has no BeginOffsetMillis/EndOffsetMillis: its time is unknown")
            }
            call.add(
                label: label, role: call.role(of: [label, participant]), start: start, end: end,
                text: SpacedJoin.collapsingWhitespace(content), line: nil, origin: "\(name) (\(label))")
        }
        call.sortByStart()
    }

    // MARK: - Transcription jobs

    private struct Word {
        var content: String
        var isPunctuation: Bool
        var start: Double?
        var end: Double?
        var speaker: String?
    }

    private func readItems(_ results: [String: Any], object: [String: Any], into call: inout CallAssembler)
        throws(TranscriptError)
    {
        if let language = (results["language_code"] ?? object["language_code"]) as? String {
            setLanguage(language, into: &call)
        }
        if let job = object["jobName"] as? String { call.header.metadata["job"] = job }
        var words: [Word] = []
        if let items = results["items"] as? [Any], !items.isEmpty {
            guard let read = try readWords(from: items, path: "results.items", into: &call) else {
                throw .invalidForm(
                    format: Self.format, line: nil, detail: "results.items holds an item that is not a word")
            }
            words = read
        } else if let channels = (results["channel_labels"] as? [String: Any])?["channels"] as? [Any] {
            // Channel identification without a merged item list: one list per channel.
            for case let channel as [String: Any] in channels {
                let label = channel["channel_label"] as? String
                guard let items = channel["items"] as? [Any],
                    var read = try readWords(from: items, path: "channel_labels", into: &call)
                else { continue }
                for index in read.indices where read[index].speaker == nil { read[index].speaker = label }
                words += read
            }
        }
        guard !words.isEmpty else {
            throw .invalidForm(
                format: Self.format, line: nil, detail: "results.items is empty: the job transcribed no words")
        }
        attributeSpeakers(&words, results: results)
        if words.contains(where: { $0.speaker == nil && !$0.isPunctuation }) {
            call.warn(
                nil,
                "words without a speaker label (the job ran without speaker or channel identification)"
                    + " are read as other"
            )
        }
        // Channel lists arrive one channel after the other: order by time.
        if (results["items"] as? [Any])?.isEmpty ?? true {
            // Punctuation has no time: it sorts with the word before it.
            words = words.sortedByStart(\.start)
        }

        var current: (label: String, start: Double?, end: Double?, text: String)?
        func close(into call: inout CallAssembler) {
            guard let turn = current else { return }
            call.add(
                label: turn.label, role: call.role(of: [turn.label]), start: turn.start, end: turn.end, text: turn.text,
                line: nil)
            current = nil
        }
        for word in words {
            let label = word.speaker ?? current?.label ?? SpeakerRoles.noSpeaker
            if word.isPunctuation, current != nil {
                SpacedJoin.append(word.content, to: &current!.text, isPunctuation: true)
                continue
            }
            if let turn = current, turn.label != label || Self.gap(from: turn.end, to: word.start) >= Self.turnBreak {
                close(into: &call)
            }
            if current == nil {
                current = (label, word.start, word.end, "")
            }
            SpacedJoin.append(word.content, to: &current!.text, isPunctuation: word.isPunctuation)
            if let end = word.end { current!.end = end }
        }
        close(into: &call)
    }

    private static func gap(from end: Double?, to start: Double?) -> Double {
        guard let end, let start else { return 0 }
        return start - end
    }

    /// The words of `items`, their times checked (a time that is not a
    /// valid one rejects the call, naming the item); `nil` when an item is
    /// not a word.
    private func readWords(from items: [Any], path: String, into call: inout CallAssembler) throws(TranscriptError)
        -> [Word]?
    {
        var words: [Word] = []
        for (position, entry) in items.enumerated() {
            guard let item = entry as? [String: Any] else { continue }
            guard let content = ((item["alternatives"] as? [Any])?.first as? [String: Any])?["content"] as? String
            else {
                return nil
            }
            let isPunctuation = (item["type"] as? String) == "punctuation"
            var speaker = item["speaker_label"] as? String
            if speaker == nil { speaker = item["channel_label"] as? String }
            let name = "\(path)[\(position)] (\"\(content)\")"
            let start = try Self.number(item["start_time"], field: "start_time", of: name)
            let end = try Self.number(item["end_time"], field: "end_time", of: name)
            words.append(
                Word(
                    content: content, isPunctuation: isPunctuation,
                    start: start.flatMap { call.time($0, "start_time", line: nil, of: name) },
                    end: end.flatMap { call.time($0, "end_time", line: nil, of: name) }, speaker: speaker))
        }
        return words.count == items.count ? words : nil
    }

    /// Gives words without a speaker the speaker whose segment (older jobs'
    /// `speaker_labels`) or channel (`channel_labels`) holds their start time.
    private func attributeSpeakers(_ words: inout [Word], results: [String: Any]) {
        guard words.contains(where: { $0.speaker == nil && !$0.isPunctuation }) else { return }
        var owners: [(start: Double, label: String)] = []
        for case let segment as [String: Any] in (results["speaker_labels"] as? [String: Any])?["segments"] as? [Any]
            ?? []
        {
            for case let item as [String: Any] in segment["items"] as? [Any] ?? [] {
                if let start = Self.number(item["start_time"]),
                    let label = (item["speaker_label"] ?? segment["speaker_label"]) as? String
                {
                    owners.append((start, label))
                }
            }
        }
        for case let channel as [String: Any] in (results["channel_labels"] as? [String: Any])?["channels"] as? [Any]
            ?? []
        {
            guard let label = channel["channel_label"] as? String else { continue }
            for case let item as [String: Any] in channel["items"] as? [Any] ?? [] {
                if let start = Self.number(item["start_time"]) { owners.append((start, label)) }
            }
        }
        var byStart: [Double: String] = [:]
        for owner in owners where byStart[owner.start] == nil { byStart[owner.start] = owner.label }
        var previous: String?
        for index in words.indices {
            if words[index].speaker == nil {
                if let start = words[index].start {
                    words[index].speaker = byStart[start]
                } else if words[index].isPunctuation {
                    words[index].speaker = previous
                }
            }
            previous = words[index].speaker ?? previous
        }
    }

    private func setLanguage(_ code: String, into call: inout CallAssembler) {
        var problem: String?
        call.header.set(key: "language", value: code, line: 0) { _, message in problem = message }
        if let problem { call.warn(nil, problem) }
    }

    /// A number written as JSON number or as a string (Transcribe writes
    /// times as strings), as ``Double`` reads it (`"nan"` and `"1e308"`
    /// included: the caller checks the value); `nil` when absent or `null`.
    /// Anything else — text that is no number, an array — is an error
    /// naming `field` of `subject`.
    private static func number(_ value: Any?, field: String, of subject: String) throws(TranscriptError) -> Double? {
        switch value {
        case nil, is NSNull: return nil
        case let number as NSNumber: return number.doubleValue
        case let text as String:
            if let number = Double(text.trimmingWhitespace()) { return number }
            throw .invalidTime(line: nil, detail: "\(subject): \(field) \"\(text)\" is not a number")
        default:
            throw .invalidTime(line: nil, detail: "\(subject): \(field) is not a number")
        }
    }

    /// A time of a speaker segment or channel item, when it is a number.
    private static func number(_ value: Any?) -> Double? {
        switch value {
        case let number as NSNumber: number.doubleValue
        case let text as String: Double(text)
        default: nil
        }
    }
}
