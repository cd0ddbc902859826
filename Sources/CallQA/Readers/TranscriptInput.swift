/// One input to read: a file, or standard input.
public enum TranscriptInput: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// A file, by the path the user gave (or found under a directory they gave).
    case file(String)
    /// Standard input, named `-` in diagnostics.
    case standardInput

    /// The name used in diagnostics and in ``Call/Source/path``.
    public var description: String {
        switch self {
        case .file(let path): path
        case .standardInput: "-"
        }
    }

    /// The call ID for a transcript that does not give one: the file name
    /// without its extension, or `stdin`.
    public var defaultCallID: String {
        switch self {
        case .standardInput:
            return "stdin"
        case .file(let path):
            let name = path.split(separator: "/").last.map(String.init) ?? path
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
            return String(name[..<dot])
        }
    }

    /// The file's path; `nil` for standard input.
    var path: String? {
        if case .file(let path) = self { path } else { nil }
    }
}
