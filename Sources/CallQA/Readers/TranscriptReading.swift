/// What a reader is handed: the bytes of an input, and for a reader that
/// streams files, the file they came from.
struct ReaderInput {
    /// The whole input; or, when ``file`` is set, its first bytes.
    var bytes: [UInt8]
    /// The file to stream the input from, for a reader that
    /// ``TranscriptReading/streamsFiles``; `nil` when ``bytes`` are the whole
    /// input (standard input, any other reader).
    var file: String?

    /// An input held whole in memory.
    init(bytes: [UInt8], file: String? = nil) {
        self.bytes = bytes
        self.file = file
    }
}

/// One transcript form's reader, as ``TranscriptLoader`` uses it: the loader
/// picks the form and hands over the input's bytes, from a file or from
/// standard input alike.
protocol TranscriptReading {
    /// Whether the reader streams a file itself, so that only the file's
    /// first bytes are read before it is handed over.
    var streamsFiles: Bool { get }

    /// Reads the calls in `input`, handing each call and diagnostic to
    /// `emit` in order: warnings about a call before the call, an error
    /// after the calls read before it.
    ///
    /// - Parameters:
    ///   - source: the path to name in diagnostics and in ``Call/source``.
    ///   - defaultID: the call ID when the transcript gives none.
    func read(_ input: ReaderInput, source: String, defaultID: String, emit: (ReadEvent) throws -> Void) rethrows
}

extension TranscriptReading {
    var streamsFiles: Bool { false }

    /// Every event of an input held in memory, in order.
    func events(reading bytes: [UInt8], source: String, defaultID: String) -> [ReadEvent] {
        var events: [ReadEvent] = []
        read(ReaderInput(bytes: bytes), source: source, defaultID: defaultID) { events.append($0) }
        return events
    }
}

/// A reader of a form whose input holds one call (every form but XML): it
/// reads the input's header and turns into a ``CallAssembler``, and the
/// assembler ends the call.
protocol OneCallReading: TranscriptReading {
    /// Labels the user mapped to roles.
    var speakers: SpeakerMapping { get }
    /// How the form's calls are assembled.
    var conventions: CallAssembler.Conventions { get }

    /// Reads the header and turns in `bytes` into `call`.
    ///
    /// - Returns: the line the call begins on, when the form has lines.
    /// - Throws: the fault that stops the input from being read.
    func readCall(_ bytes: [UInt8], into call: inout CallAssembler) throws(TranscriptError) -> Int?
}

extension OneCallReading {
    func read(_ input: ReaderInput, source: String, defaultID: String, emit: (ReadEvent) throws -> Void) rethrows {
        var call = CallAssembler(
            ReadContext(source: source, defaultID: defaultID, speakers: speakers),
            conventions: conventions)
        let line: Int?
        do { line = try readCall(input.bytes, into: &call) } catch { return try call.fail(error, emit: emit) }
        try call.finish(line: line, emit: emit)
    }
}

extension TranscriptFormat {
    /// The reader of this form.
    func reader(speakers: SpeakerMapping) -> any TranscriptReading {
        switch self {
        case .text: PlainTextReader(speakers: speakers)
        case .xml: XMLTranscriptReader.Form(speakers: speakers)
        case .vtt: SubtitleReader(.webVTT, speakers: speakers)
        case .srt: SubtitleReader(.srt, speakers: speakers)
        case .json: TranscribeJSONReader(speakers: speakers)
        }
    }
}
