/// Why a transcript, or one call in it, could not be read.
///
/// Every case says where the fault is (``line``) when that is known and what
/// to do about it (``message``). Readers never crash on bad input and never
/// guess: they reject what they cannot read faithfully and say why.
public enum TranscriptError: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(reason: String)
    /// The input holds no bytes, or only white space.
    case empty
    /// The input holds bytes that no text transcript contains (NUL, control codes).
    case binary(offset: Int)
    /// The input is text in an encoding CallQA does not read.
    case unsupportedEncoding(name: String)
    /// A byte sequence that is not UTF-8.
    case invalidUTF8(line: Int, column: Int, byte: UInt8)
    /// A plain-text line before the first turn that is neither a header nor a turn.
    case textBeforeFirstTurn(line: Int)
    /// A call with no turns at all.
    case noTurns(line: Int?)
    /// XML that is not well-formed.
    case malformedXML(line: Int?, detail: String)
    /// A DOCTYPE that declares entities or names an external DTD.
    case forbiddenDoctype(line: Int?, detail: String)
    /// A reference to an entity other than the five predefined ones.
    case entityReference(name: String, line: Int?)
    /// Elements nested deeper than the reader allows.
    case nestingTooDeep(line: Int?, limit: Int)
    /// An XML document whose root is not `<call>` or `<calls>`.
    case notATranscript(root: String, line: Int?)
    /// A `<turn>` with neither a `speaker` nor a `label` attribute.
    case missingSpeaker(line: Int?)
    /// A file in one of the transcript forms CallQA reads (WebVTT, SRT,
    /// Transcriber, ELAN, Amazon Transcribe JSON) that breaks that form's rules.
    case invalidForm(format: String, line: Int?, detail: String)
    /// A time that cannot be read, or is not a time a turn may carry (see
    /// ``TurnTime``): the detail names the turn or the field it is in.
    case invalidTime(line: Int?, detail: String)
    /// A part of an XML file beyond the reader's limits (see
    /// ``XMLTranscriptReader/maximumTextBytes``): it rejects its call only.
    case xmlLimit(line: Int?, detail: String)

    /// The 1-based line of the fault, when known.
    public var line: Int? {
        switch self {
        case .unreadable, .empty, .binary, .unsupportedEncoding: nil
        case .invalidUTF8(let line, _, _), .textBeforeFirstTurn(let line): line
        case .noTurns(let line), .malformedXML(let line, _), .forbiddenDoctype(let line, _),
            .entityReference(_, let line), .nestingTooDeep(let line, _), .notATranscript(_, let line),
            .missingSpeaker(let line), .invalidForm(_, let line, _), .invalidTime(let line, _),
            .xmlLimit(let line, _):
            line
        }
    }

    /// What is wrong and what to do, without the location.
    public var message: String {
        switch self {
        case .unreadable(let reason):
            "cannot read: \(reason)"
        case .empty:
            "empty input: no turns to read"
        case .binary(let offset):
            "binary data at byte \(offset): this is not a text or XML transcript"
        case .unsupportedEncoding(let name):
            "text in \(name) is not supported: convert it to UTF-8"
        case .invalidUTF8(_, let column, let byte):
            "invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)) at column \(column)); "
                + "if the file is GB18030/GBK or Big5, convert it to UTF-8 (e.g. iconv -f GB18030 -t UTF-8)"
        case .textBeforeFirstTurn:
            "text before the first turn: expected a header ('# key: value') or a turn ('LABEL: text')"
        case .noTurns:
            "the call has no turns"
        case .malformedXML(_, let detail):
            "malformed XML: \(detail)"
        case .forbiddenDoctype(_, let detail):
            "refused: \(detail); entities are never expanded, remove the DOCTYPE"
        case .entityReference(let name, _):
            "refused: reference to entity '&\(name);'"
                + " (only &amp; &lt; &gt; &quot; &apos; and character references are read)"
        case .nestingTooDeep(_, let limit):
            "elements nested deeper than \(limit) levels"
        case .notATranscript(let root, _):
            "root element <\(root)> is not a transcript"
                + " (expected <call> or <calls>, Transcriber's <Trans> or ELAN's <ANNOTATION_DOCUMENT>)"
        case .missingSpeaker:
            "<turn> has no 'speaker' attribute"
        case .invalidForm(let format, _, let detail):
            "not a readable \(format) transcript: \(detail)"
        case .invalidTime(_, let detail):
            "invalid time: \(detail)"
        case .xmlLimit(_, let detail):
            "beyond the XML reader's limits: \(detail)"
        }
    }

    /// `line N: message`, or the message alone when the line is unknown.
    public var description: String {
        line.map { "line \($0): \(message)" } ?? message
    }
}
