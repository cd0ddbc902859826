/// One input to read: a file, or standard input.
public enum TranscriptInput: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// A file, by the path the user gave (or found under a directory they gave).
    case file(String)
    /// A file whose path is not valid UTF-8 (a name written in another
    /// encoding), by the bytes of its path as the directory listing or the
    /// command line gave them. It is read like any file; diagnostics show
    /// each byte of the path that is not UTF-8 as `\xHH`.
    case nonUTF8File([UInt8])
    /// Standard input, named `-` in diagnostics.
    case standardInput

    /// The file at the path with these bytes: ``file(_:)`` when they are
    /// UTF-8, else ``nonUTF8File(_:)``.
    public init(pathBytes: [UInt8]) {
        if let path = String(validating: pathBytes, as: UTF8.self) {
            self = .file(path)
        } else {
            self = .nonUTF8File(pathBytes)
        }
    }

    /// The name used in diagnostics and in ``Call/Source/path``.
    public var description: String {
        switch self {
        case .file(let path): path
        case .nonUTF8File(let bytes): Self.shown(bytes)
        case .standardInput: "-"
        }
    }

    /// The call ID for a transcript that does not give one: the file name
    /// without its extension, or `stdin`.
    public var defaultCallID: String {
        switch self {
        case .standardInput:
            return "stdin"
        case .file, .nonUTF8File:
            let path = description
            let name = path.split(separator: "/").last.map(String.init) ?? path
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
            return String(name[..<dot])
        }
    }

    /// The file's path, when it is UTF-8; `nil` for standard input and for
    /// a path that is not UTF-8.
    var path: String? {
        if case .file(let path) = self { path } else { nil }
    }

    /// The bytes of the file's path; `nil` for standard input.
    package var pathBytes: [UInt8]? {
        switch self {
        case .file(let path): Array(path.utf8)
        case .nonUTF8File(let bytes): bytes
        case .standardInput: nil
        }
    }

    /// A path's bytes as text: UTF-8 as it is, every other byte as `\xHH`.
    package static func shown(_ bytes: [UInt8]) -> String {
        var text = ""
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                text.unicodeScalars.append(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case .error(let length):
                for byte in bytes[offset..<(offset + length)] {
                    let hex = String(byte, radix: 16, uppercase: true)
                    text += "\\x" + (hex.count == 1 ? "0" : "") + hex
                }
                offset += length
            case .emptyInput:
                return text
            }
        }
    }
}
