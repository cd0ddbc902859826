/// The transcript forms CallQA reads.
public enum TranscriptFormat: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
    /// Plain text: `# key: value` headers, then `LABEL: text` turns. See ``PlainTextReader``.
    case text
    /// XML: `<call>` or `<calls>` with `<turn>` elements. See ``XMLTranscriptReader``.
    case xml

    /// The file-name extensions read when a directory is scanned.
    public static let directoryExtensions: Set<String> = ["txt", "xml"]

    /// Tells the format of an input from its first bytes and its file name.
    ///
    /// Content decides when it is conclusive: an XML declaration, a comment,
    /// a DOCTYPE or a `<call…` root (after any byte-order mark and white
    /// space) is XML, whatever the extension. Otherwise a `.xml` extension
    /// means XML, and anything else is plain text.
    ///
    /// - Parameters:
    ///   - prefix: the first bytes of the input (a few hundred are enough).
    ///   - path: the file name or path, for its extension.
    public static func detect(prefix: some Collection<UInt8>, path: String) -> TranscriptFormat {
        if looksLikeXML(prefix) { return .xml }
        return pathExtension(path) == "xml" ? .xml : .text
    }

    /// The lower-cased extension of a path, without the dot.
    static func pathExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    private static func looksLikeXML(_ prefix: some Collection<UInt8>) -> Bool {
        var bytes = Array(prefix.prefix(512))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // UTF-16 with a byte-order mark: keep every other byte of ASCII text.
        if bytes.starts(with: [0xFF, 0xFE]) {
            bytes = stride(from: 2, to: bytes.count, by: 2).map { bytes[$0] }
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            bytes = stride(from: 3, to: bytes.count, by: 2).map { bytes[$0] }
        }
        guard let start = bytes.firstIndex(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return false }
        let head = bytes[start...]
        return ["<?xml", "<!--", "<!DOCTYPE", "<call"].contains { head.starts(with: $0.utf8) }
    }
}
