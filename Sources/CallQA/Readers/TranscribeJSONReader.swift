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
///
/// The file is read with CallQA's JSON scanner, a pull scanner that builds no
/// tree: only the fields above are kept, so reading a job of half a million
/// words takes a small multiple of the file's size. The JSON must follow
/// RFC 8259 strictly; a fault is reported with its line and column.
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

    /// How deeply arrays and objects may nest (Contact Lens files nest about
    /// six levels).
    static let maximumDepth = 64

    /// Reads the call in a Transcribe or Contact Lens JSON file.
    public func read(_ bytes: [UInt8], source: String, defaultID: String) -> [ReadEvent] {
        events(reading: bytes, source: source, defaultID: defaultID)
    }
}

extension TranscribeJSONReader: OneCallReading {
    var conventions: CallAssembler.Conventions { .document }

    /// Reads the turns of either kind of file into `call`; the call begins
    /// on no line of its own.
    func readCall(_ bytes: [UInt8], into call: inout CallAssembler) throws(TranscriptError) -> Int? {
        // A byte-order mark or UTF-16 is seen through, invalid UTF-8 named, as for the other forms.
        var scanner = JSONScanner(try TextDecoding.utf8(bytes), maximumDepth: Self.maximumDepth)
        let document: Document?
        do throws(JSONSyntaxError) {
            document = try Document(reading: &scanner)
            try scanner.finish()
        } catch {
            throw .invalidForm(
                format: Self.format, line: error.line, detail: "invalid JSON at column \(error.column): \(error.reason)"
            )
        }
        guard let document else {
            throw .invalidForm(format: Self.format, line: nil, detail: "the top level is not an object")
        }
        if let segments = document.transcript {
            try readSegments(segments, document: document, into: &call)
            return nil
        }
        if let results = document.results {
            try readItems(results, document: document, into: &call)
            return nil
        }
        throw .invalidForm(
            format: Self.format, line: nil,
            detail: "neither 'results' (a transcription job) nor 'Transcript' (Contact Lens, Call Analytics) is present"
        )
    }

    // MARK: - Contact Lens and Call Analytics

    private func readSegments(_ segments: [Segment], document: Document, into call: inout CallAssembler)
        throws(TranscriptError)
    {
        if let language = document.languageCode { setLanguage(language, into: &call) }
        if let job = document.jobName { call.header.metadata["job"] = job }
        if let contact = document.contact { call.header.metadata["contact"] = contact }
        // Participant IDs may be opaque; their roles are listed apart.
        let roles = document.roles
        for (position, segment) in segments.enumerated() {
            let name = "Transcript[\(position)]"
            guard segment.isObject else {
                throw .invalidForm(format: Self.format, line: nil, detail: "\(name) is not an object")
            }
            guard let content = segment.content else {
                throw .invalidForm(format: Self.format, line: nil, detail: "\(name) has no 'Content'")
            }
            guard let participant = (segment.role ?? segment.id)?.text else {
                throw .invalidForm(format: Self.format, line: nil, detail: "\(name) has no 'ParticipantId'")
            }
            let label = roles[participant] ?? participant
            let start = try Self.number(segment.begin, field: "BeginOffsetMillis", of: name).map { $0 / 1000 }
            let end = try Self.number(segment.end, field: "EndOffsetMillis", of: name).map { $0 / 1000 }
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
        var speaker: String?
        var start: Double?
        var end: Double?
        var isPunctuation: Bool
    }

    private func readItems(_ results: Results, document: Document, into call: inout CallAssembler)
        throws(TranscriptError)
    {
        // A language_code in results, whatever its value, stands before one at the top.
        if let language = (results.language ?? document.language)?.text {
            setLanguage(language, into: &call)
        }
        if let job = document.job { call.header.metadata["job"] = job }
        var words: [Word] = []
        if let items = results.items, !items.isEmpty {
            guard let read = try readWords(from: items, path: "results.items", into: &call) else {
                throw .invalidForm(
                    format: Self.format, line: nil, detail: "results.items holds an item that is not a word")
            }
            words = read
        } else if let channels = results.channels {
            // Channel identification without a merged item list: one list per channel.
            for channel in channels {
                guard let items = channel.items,
                    var read = try readWords(from: items, path: "channel_labels", into: &call)
                else { continue }
                for index in read.indices where read[index].speaker == nil { read[index].speaker = channel.label }
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
        if results.items?.isEmpty ?? true {
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
    private func readWords(from items: [Item], path: String, into call: inout CallAssembler) throws(TranscriptError)
        -> [Word]?
    {
        var words: [Word] = []
        words.reserveCapacity(items.count)
        for (position, item) in items.enumerated() {
            guard item.isObject else { continue }
            guard let content = item.content else { return nil }
            let name = "\(path)[\(position)] (\"\(content)\")"
            let start = try Self.number(item.start, field: "start_time", of: name)
            let end = try Self.number(item.end, field: "end_time", of: name)
            words.append(
                Word(
                    content: content, speaker: item.speaker,
                    start: start.flatMap { call.time($0, "start_time", line: nil, of: name) },
                    end: end.flatMap { call.time($0, "end_time", line: nil, of: name) },
                    isPunctuation: item.isPunctuation))
        }
        return words.count == items.count ? words : nil
    }

    /// Gives words without a speaker the speaker whose segment (older jobs'
    /// `speaker_labels`) or channel (`channel_labels`) holds their start time.
    private func attributeSpeakers(_ words: inout [Word], results: Results) {
        guard words.contains(where: { $0.speaker == nil && !$0.isPunctuation }) else { return }
        var owners = results.owners
        for channel in results.channels ?? [] {
            guard let label = channel.label else { continue }
            for item in channel.items ?? [] where item.isObject {
                if let start = looseTime(item.start) { owners.append((start, label)) }
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
    /// Anything else — text that is no number, `true`, an array — is an
    /// error naming `field` of `subject`.
    private static func number(_ value: JSONScanner.Value?, field: String, of subject: String)
        throws(TranscriptError) -> Double?
    {
        switch value {
        case nil, .null?: return nil
        case .number(let number)?: return number
        case .string(let text)?:
            if let number = Double(text.trimmingWhitespace()) { return number }
            throw .invalidTime(line: nil, detail: "\(subject): \(field) \"\(text)\" is not a number")
        case .bool?, .container?:
            throw .invalidTime(line: nil, detail: "\(subject): \(field) is not a number")
        }
    }

}

/// A time of a speaker segment or channel item, when it is a number or a
/// string that reads as one.
private func looseTime(_ value: JSONScanner.Value?) -> Double? {
    switch value {
    case .number(let number)?: number
    case .string(let text)?: Double(text)
    default: nil
    }
}

// MARK: - What the reader keeps of a file

/// The fields of a Transcribe or Contact Lens file the reader uses, read in
/// one pass over the file whatever their order; everything else is checked
/// by the scanner and passed over. When a key occurs twice, the last one
/// counts.
private struct Document {
    // Contact Lens and Call Analytics.
    /// `Transcript`, when it is an array.
    var transcript: [Segment]?
    /// `Participants`: each `ParticipantId`'s `ParticipantRole`.
    var roles: [String: String] = [:]
    /// `LanguageCode`, `JobName` and `CustomerMetadata.ContactId`, when strings.
    var languageCode: String?
    var jobName: String?
    var contact: String?

    // Transcription jobs.
    /// `results`, when it is an object.
    var results: Results?
    /// `jobName`, when a string.
    var job: String?
    /// `language_code` at the top, whatever its value.
    var language: JSONScanner.Value?

    /// Reads the top-level value; `nil` when it is not an object.
    init?(reading scanner: inout JSONScanner) throws(JSONSyntaxError) {
        guard try scanner.beginObject() else { return nil }
        while try scanner.nextMember() {
            if scanner.keyIs("Transcript") {
                transcript = try scanner.array(Segment.init(reading:))
            } else if scanner.keyIs("Participants") {
                roles = try Self.roles(&scanner)
            } else if scanner.keyIs("LanguageCode") {
                languageCode = try scanner.scalar().text
            } else if scanner.keyIs("JobName") {
                jobName = try scanner.scalar().text
            } else if scanner.keyIs("CustomerMetadata") {
                contact = nil
                guard try scanner.beginObject() else { continue }
                while try scanner.nextMember() {
                    if scanner.keyIs("ContactId") {
                        contact = try scanner.scalar().text
                    } else {
                        try scanner.skipValue()
                    }
                }
            } else if scanner.keyIs("results") {
                results = try Results(reading: &scanner)
            } else if scanner.keyIs("jobName") {
                job = try scanner.scalar().text
            } else if scanner.keyIs("language_code") {
                language = try scanner.scalar()
            } else {
                try scanner.skipValue()
            }
        }
    }

    /// `Participants`: the role of each participant that has an ID and a role.
    private static func roles(_ scanner: inout JSONScanner) throws(JSONSyntaxError) -> [String: String] {
        var roles: [String: String] = [:]
        guard try scanner.beginArray() else { return roles }
        while try scanner.nextElement() {
            var id: String?
            var role: String?
            guard try scanner.beginObject() else { continue }
            while try scanner.nextMember() {
                if scanner.keyIs("ParticipantId") {
                    id = try scanner.scalar().text
                } else if scanner.keyIs("ParticipantRole") {
                    role = try scanner.scalar().text
                } else {
                    try scanner.skipValue()
                }
            }
            if let id, let role { roles[id] = role }
        }
        return roles
    }
}

/// An entry of Contact Lens' `Transcript`.
private struct Segment {
    /// `Content`, when a string.
    var content: String?
    /// `ParticipantRole` and `ParticipantId`, whatever their values.
    var role: JSONScanner.Value?
    var id: JSONScanner.Value?
    /// `BeginOffsetMillis` and `EndOffsetMillis`, whatever their values.
    var begin: JSONScanner.Value?
    var end: JSONScanner.Value?
    /// Whether the entry is an object.
    var isObject = false

    init(reading scanner: inout JSONScanner) throws(JSONSyntaxError) {
        guard try scanner.beginObject() else { return }
        isObject = true
        while try scanner.nextMember() {
            if scanner.keyIs("Content") {
                content = try scanner.scalar().text
            } else if scanner.keyIs("ParticipantRole") {
                role = try scanner.scalar()
            } else if scanner.keyIs("ParticipantId") {
                id = try scanner.scalar()
            } else if scanner.keyIs("BeginOffsetMillis") {
                begin = try scanner.scalar()
            } else if scanner.keyIs("EndOffsetMillis") {
                end = try scanner.scalar()
            } else {
                try scanner.skipValue()
            }
        }
    }
}

/// A transcription job's `results`.
private struct Results {
    /// `language_code`, whatever its value.
    var language: JSONScanner.Value?
    /// `items`, when an array.
    var items: [Item]?
    /// The start time and speaker of every item of `speaker_labels.segments`
    /// (older jobs), in order.
    var owners: [(start: Double, label: String)] = []
    /// The objects of `channel_labels.channels`, when it is an array.
    var channels: [Channel]?

    /// Reads `results`; `nil` when it is not an object.
    init?(reading scanner: inout JSONScanner) throws(JSONSyntaxError) {
        guard try scanner.beginObject() else { return nil }
        while try scanner.nextMember() {
            if scanner.keyIs("language_code") {
                language = try scanner.scalar()
            } else if scanner.keyIs("items") {
                items = try scanner.array(Item.init(reading:))
            } else if scanner.keyIs("speaker_labels") {
                owners = try Self.owners(&scanner)
            } else if scanner.keyIs("channel_labels") {
                channels = nil
                guard try scanner.beginObject() else { continue }
                while try scanner.nextMember() {
                    if scanner.keyIs("channels") {
                        channels = try scanner.array(Channel.init(reading:))?.compactMap { $0 }
                    } else {
                        try scanner.skipValue()
                    }
                }
            } else {
                try scanner.skipValue()
            }
        }
    }

    /// `speaker_labels.segments`: each item's start time (a number or a
    /// string that is one) and speaker (the item's `speaker_label`, else its
    /// segment's, when a string).
    private static func owners(_ scanner: inout JSONScanner) throws(JSONSyntaxError) -> [(start: Double, label: String)]
    {
        var owners: [(start: Double, label: String)] = []
        guard try scanner.beginObject() else { return owners }
        while try scanner.nextMember() {
            guard scanner.keyIs("segments") else {
                try scanner.skipValue()
                continue
            }
            owners = []
            guard try scanner.beginArray() else { continue }
            while try scanner.nextElement() {
                guard try scanner.beginObject() else { continue }
                var label: JSONScanner.Value?
                var items: [(start: JSONScanner.Value?, label: JSONScanner.Value?)] = []
                while try scanner.nextMember() {
                    if scanner.keyIs("speaker_label") {
                        label = try scanner.scalar()
                    } else if scanner.keyIs("items") {
                        items = try scanner.array(Self.item)?.compactMap { $0 } ?? []
                    } else {
                        try scanner.skipValue()
                    }
                }
                for item in items {
                    if let start = looseTime(item.start),
                        let label = (item.label ?? label)?.text
                    {
                        owners.append((start, label))
                    }
                }
            }
        }
        return owners
    }

    /// An item of a speaker segment: its start time and speaker label; `nil` when not an object.
    private static func item(_ scanner: inout JSONScanner) throws(JSONSyntaxError) -> (
        start: JSONScanner.Value?, label: JSONScanner.Value?
    )? {
        guard try scanner.beginObject() else { return nil }
        var start: JSONScanner.Value?
        var label: JSONScanner.Value?
        while try scanner.nextMember() {
            if scanner.keyIs("start_time") {
                start = try scanner.scalar()
            } else if scanner.keyIs("speaker_label") {
                label = try scanner.scalar()
            } else {
                try scanner.skipValue()
            }
        }
        return (start, label)
    }
}

/// An object of `channel_labels.channels`.
private struct Channel {
    /// `channel_label`, when a string.
    var label: String?
    /// `items`, when an array.
    var items: [Item]?

    /// Reads a channel; `nil` when it is not an object.
    init?(reading scanner: inout JSONScanner) throws(JSONSyntaxError) {
        guard try scanner.beginObject() else { return nil }
        while try scanner.nextMember() {
            if scanner.keyIs("channel_label") {
                label = try scanner.scalar().text
            } else if scanner.keyIs("items") {
                items = try scanner.array(Item.init(reading:))
            } else {
                try scanner.skipValue()
            }
        }
    }
}

/// An item of `results.items` or of a channel: a word or a punctuation mark.
private struct Item {
    /// The first alternative's `content`, when a string.
    var content: String?
    /// `speaker_label`, else `channel_label`, when a string.
    var speaker: String?
    /// `start_time` and `end_time`, whatever their values.
    var start: JSONScanner.Value?
    var end: JSONScanner.Value?
    /// Whether the item is an object.
    var isObject = false
    /// Whether `type` is `punctuation`.
    var isPunctuation = false

    init(reading scanner: inout JSONScanner) throws(JSONSyntaxError) {
        guard try scanner.beginObject() else { return }
        isObject = true
        var speakerLabel: String?
        var channelLabel: String?
        while try scanner.nextMember() {
            if scanner.keyIs("alternatives") {
                content = try Self.firstContent(&scanner)
            } else if scanner.keyIs("type") {
                isPunctuation = try scanner.scalar().text == "punctuation"
            } else if scanner.keyIs("speaker_label") {
                speakerLabel = try scanner.scalar().text
            } else if scanner.keyIs("channel_label") {
                channelLabel = try scanner.scalar().text
            } else if scanner.keyIs("start_time") {
                start = try scanner.scalar()
            } else if scanner.keyIs("end_time") {
                end = try scanner.scalar()
            } else {
                try scanner.skipValue()
            }
        }
        speaker = speakerLabel ?? channelLabel
    }

    /// `alternatives[0].content`, when the first alternative is an object
    /// with a string content; the other alternatives are passed over.
    private static func firstContent(_ scanner: inout JSONScanner) throws(JSONSyntaxError) -> String? {
        guard try scanner.beginArray() else { return nil }
        var content: String?
        var isFirst = true
        while try scanner.nextElement() {
            if isFirst, try scanner.beginObject() {
                while try scanner.nextMember() {
                    if scanner.keyIs("content") { content = try scanner.scalar().text } else { try scanner.skipValue() }
                }
            } else if !isFirst {
                try scanner.skipValue()
            }
            isFirst = false
        }
        return content
    }
}
