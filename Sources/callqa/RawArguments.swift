import CallQA
import Foundation

/// The command line's arguments as bytes, as the system passed them.
///
/// Arguments reach the options as Swift strings, in which bytes that are not
/// UTF-8 have become U+FFFD: a file name in Latin-1 or GBK would then name
/// no file. The path arguments are looked up here to get their bytes back.
enum RawArguments {
    /// Every argument after the program's name, as bytes.
    private static let all: [[UInt8]] = (1..<Int(CommandLine.argc)).map { index in
        guard let argument = CommandLine.unsafeArgv[index] else { return [] }
        return Array(UnsafeRawBufferPointer(start: argument, count: strlen(argument)))
    }

    /// The bytes of a path argument: its UTF-8 when it is UTF-8; else the
    /// bytes of the argument it was decoded from; `nil` when several
    /// different arguments decode to it, so that which one is meant is not
    /// known.
    static func bytes(of argument: String) -> [UInt8]? {
        bytes(of: [argument])[0]
    }

    /// The bytes of path arguments given in command-line order (the values
    /// of one option, or the positional arguments). Several different
    /// arguments that decode to the same text are told apart by their order
    /// when each of them is among `arguments`; otherwise that path is `nil`.
    static func bytes(of arguments: [String]) -> [[UInt8]?] {
        var used: [String: Int] = [:]
        let occurrences = Dictionary(arguments.map { ($0, 1) }, uniquingKeysWith: +)
        return arguments.map { argument in
            guard argument.unicodeScalars.contains("\u{FFFD}") else { return Array(argument.utf8) }
            let candidates = all.filter {
                String(validating: $0, as: UTF8.self) == nil && String(decoding: $0, as: UTF8.self) == argument
            }
            // None: a path holding U+FFFD itself.
            if candidates.isEmpty { return Array(argument.utf8) }
            if Set(candidates).count == 1 { return candidates[0] }
            guard candidates.count == occurrences[argument] else { return nil }
            defer { used[argument, default: 0] += 1 }
            return candidates[used[argument, default: 0]]
        }
    }

    /// The inputs path arguments name (see ``bytes(of:)-([String])``):
    /// standard input for `-`; `nil` for a path that is not UTF-8 and
    /// cannot be told apart from another argument (see ``ambiguous(_:)``).
    static func inputs(_ paths: [String]) -> [TranscriptInput?] {
        zip(paths, bytes(of: paths)).map { path, bytes in
            path == "-" ? .standardInput : bytes.map(TranscriptInput.init(pathBytes:))
        }
    }

    /// The error for a path that is not UTF-8 and that several arguments decode to.
    static func ambiguous(_ path: String) -> Diagnostic {
        Diagnostic(
            error: .unreadable(
                reason: "the path is not UTF-8, and other arguments that are not UTF-8 read the same:"
                    + " name the folder holding it instead"),
            source: path)
    }
}
