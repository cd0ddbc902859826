/// The transcript forms CallQA reads.
public enum TranscriptFormat: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
    /// Plain text: `# key: value` headers, then `LABEL: text` turns. See ``PlainTextReader``.
    case text
    /// XML: CallQA's `<call>`/`<calls>`, Transcriber's `<Trans>` (`.trs`) or
    /// ELAN's `<ANNOTATION_DOCUMENT>` (`.eaf`), told apart by the root
    /// element. See ``XMLTranscriptReader``.
    case xml
    /// WebVTT captions with voices. See ``SubtitleReader``.
    case vtt
    /// SubRip (SRT) captions with `Speaker:` lines. See ``SubtitleReader``.
    case srt
    /// Amazon Transcribe, Call Analytics or Contact Lens JSON. See ``TranscribeJSONReader``.
    case json

    /// The file-name extensions read when a directory is scanned.
    public static let directoryExtensions: Set<String> = ["txt", "xml", "trs", "eaf", "vtt", "srt", "json"]

    /// Tells the format of an input from its first bytes and its file name.
    ///
    /// Content decides when it is conclusive (after any byte-order mark and
    /// white space): `WEBVTT` is WebVTT; an XML declaration, a comment, a
    /// DOCTYPE or a `<call…`, `<Trans` or `<ANNOTATION_DOCUMENT` root is XML;
    /// `{` is Transcribe JSON; a cue number followed by a `-->` timing line is
    /// SRT. Otherwise the extension decides (`.xml`, `.trs`, `.eaf`, `.vtt`,
    /// `.srt`, `.json`), and anything else is plain text.
    ///
    /// - Parameters:
    ///   - prefix: the first bytes of the input (a few hundred are enough).
    ///   - path: the file name or path, for its extension.
    public static func detect(prefix: some Collection<UInt8>, path: String) -> TranscriptFormat {
        let head = asciiHead(prefix)
        if head.starts(with: "WEBVTT".utf8) { return .vtt }
        if ["<?xml", "<!--", "<!DOCTYPE", "<call", "<Trans", "<ANNOTATION_DOCUMENT"].contains(where: {
            head.starts(with: $0.utf8)
        }) {
            return .xml
        }
        if head.first == UInt8(ascii: "{") { return .json }
        if looksLikeSRT(head) { return .srt }
        switch pathExtension(path) {
        case "xml", "trs", "eaf": return .xml
        case "vtt": return .vtt
        case "srt": return .srt
        case "json": return .json
        default: return .text
        }
    }

    /// A cue number alone on the first line, then a line with `-->`.
    private static func looksLikeSRT(_ head: ArraySlice<UInt8>) -> Bool {
        let lines = head.split(separator: 0x0A, maxSplits: 2, omittingEmptySubsequences: false)
        guard lines.count >= 2 else { return false }
        let number = lines[0].filter { $0 != 0x0D && $0 != 0x20 }
        return !number.isEmpty && number.allSatisfy { (0x30...0x39).contains($0) }
            && lines[1].firstRange(of: "-->".utf8) != nil
    }

    /// The lower-cased extension of a path, without the dot.
    static func pathExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// The first bytes as ASCII-compatible bytes, from the first that is not
    /// white space: without a byte-order mark, and every other byte of UTF-16.
    private static func asciiHead(_ prefix: some Collection<UInt8>) -> ArraySlice<UInt8> {
        var bytes = Array(prefix.prefix(512))
        if bytes.starts(with: TextDecoding.utf8Mark) { bytes.removeFirst(3) }
        // UTF-16 with a byte-order mark: keep every other byte of ASCII text.
        if bytes.starts(with: TextDecoding.utf16LittleEndianMark) {
            bytes = stride(from: 2, to: bytes.count, by: 2).map { bytes[$0] }
        } else if bytes.starts(with: TextDecoding.utf16BigEndianMark) {
            bytes = stride(from: 3, to: bytes.count, by: 2).map { bytes[$0] }
        }
        guard let start = bytes.firstIndex(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return [] }
        return bytes[start...]
    }
}
