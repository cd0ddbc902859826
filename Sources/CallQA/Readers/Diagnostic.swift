/// A problem found while reading or scoring an input, tied to where it is.
///
/// Errors mean an input (a file, or one call in a multi-call file) was not
/// used; warnings mean it was used but something in it deserves a look. The
/// description has the familiar compiler form, so editors can jump to it:
///
/// ```text
/// corpora/zh/poor-call.txt:7: warning: speaker "班长" is neither agent nor customer; read as other
/// ```
public struct Diagnostic: Sendable, Codable, Equatable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Codable, Equatable, Hashable {
        /// The input, or part of it, was used; something deserves a look.
        case warning
        /// The input, or part of it, was rejected.
        case error
    }

    /// Whether this is an error or a warning.
    public var severity: Severity
    /// The file path as the user gave it, or `-` for standard input.
    public var source: String
    /// The 1-based line the problem is on, when known.
    public var line: Int?
    /// What is wrong, in words a user can act on.
    public var message: String

    /// Creates a diagnostic.
    public init(_ severity: Severity, source: String, line: Int? = nil, message: String) {
        self.severity = severity
        self.source = source
        self.line = line
        self.message = message
    }

    /// Creates an error diagnostic from a transcript error.
    public init(error: TranscriptError, source: String) {
        self.init(.error, source: source, line: error.line, message: error.message)
    }

    /// `source:line: severity: message`.
    public var description: String {
        let place = line.map { "\(source):\($0)" } ?? source
        return "\(place): \(severity.rawValue): \(message)"
    }
}
