import Foundation

/// Finds transcripts under the paths a user gives and reads them.
///
/// ```swift
/// let loader = TranscriptLoader()
/// let (inputs, problems) = loader.inputs(for: ["corpora/"])
/// for input in inputs {
///     loader.read(input) { event in
///         switch event {
///         case .call(let call): print(call.id, call.turns.count)
///         case .diagnostic(let diagnostic): print(diagnostic)
///         }
///     }
/// }
/// ```
public struct TranscriptLoader: Sendable {
    /// The format to read every input as; `nil` detects it per input.
    public var format: TranscriptFormat?

    /// Creates a loader.
    ///
    /// - Parameter format: read every input in this format instead of
    ///   detecting it from content and extension.
    public init(format: TranscriptFormat? = nil) {
        self.format = format
    }

    /// The inputs named by command-line paths, in a stable order.
    ///
    /// A file is read whatever its extension; a directory is searched
    /// recursively for `.txt` and `.xml` files (hidden files and folders are
    /// skipped), in path order; `-` is standard input. A path named twice is
    /// read once.
    ///
    /// - Returns: the inputs, and an error for each path that does not exist,
    ///   cannot be listed, or is a directory holding no transcripts.
    public func inputs(for paths: [String]) -> (inputs: [TranscriptInput], diagnostics: [Diagnostic]) {
        var inputs: [TranscriptInput] = []
        var diagnostics: [Diagnostic] = []
        var seen: Set<TranscriptInput> = []
        let files = FileManager.default
        for path in paths {
            if path == "-" {
                if seen.insert(.standardInput).inserted { inputs.append(.standardInput) }
                continue
            }
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(Diagnostic(error: .unreadable(reason: "no such file or directory"), source: path))
                continue
            }
            guard isDirectory.boolValue else {
                if seen.insert(.file(path)).inserted { inputs.append(.file(path)) }
                continue
            }
            var found: [String] = []
            var visited: Set<String> = []
            collect(directory: path, into: &found, visited: &visited, diagnostics: &diagnostics)
            if found.isEmpty {
                diagnostics.append(Diagnostic(.error, source: path,
                    message: "no transcripts found (looked for .txt and .xml files)"))
            }
            for file in found where seen.insert(.file(file)).inserted {
                inputs.append(.file(file))
            }
        }
        return (inputs, diagnostics)
    }

    private func collect(directory: String, into found: inout [String], visited: inout Set<String>,
                         diagnostics: inout [Diagnostic]) {
        let files = FileManager.default
        // A link back up the tree must not send the search round in circles.
        let resolved = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard visited.insert(resolved).inserted else { return }
        let names: [String]
        do {
            names = try files.contentsOfDirectory(atPath: directory)
        } catch {
            diagnostics.append(Diagnostic(error: .unreadable(reason: "cannot list the directory"), source: directory))
            return
        }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = base + name
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                collect(directory: path, into: &found, visited: &visited, diagnostics: &diagnostics)
            } else if TranscriptFormat.directoryExtensions.contains(TranscriptFormat.pathExtension(name)) {
                found.append(path)
            }
        }
    }

    /// Reads one input, handing each call and diagnostic to `body` as soon as
    /// it is read.
    ///
    /// Never throws for bad input: a fault becomes an error diagnostic. Only
    /// an error thrown by `body` stops the reading early.
    public func read(_ input: TranscriptInput, _ body: (ReadEvent) throws -> Void) rethrows {
        let source = input.description
        let defaultID = input.defaultCallID
        func fail(_ error: TranscriptError) throws { try body(.diagnostic(Diagnostic(error: error, source: source))) }

        switch input {
        case .standardInput:
            let bytes: [UInt8]
            do { bytes = try FileBytes.drain(descriptor: 0) } catch { return try fail(error) }
            guard !bytes.isEmpty else { return try fail(.empty) }
            switch format ?? TranscriptFormat.detect(prefix: bytes, path: "") {
            case .text:
                for event in PlainTextReader().read(bytes, source: source, defaultID: defaultID) { try body(event) }
            case .xml:
                if let offset = Self.binaryOffset(bytes) { return try fail(.binary(offset: offset)) }
                for event in XMLTranscriptReader(bytes: bytes, source: source, defaultID: defaultID) { try body(event) }
            }

        case .file(let path):
            // Text files are read whole at once; XML files are streamed by the
            // XML reader, so only their first bytes are read here.
            var detected = TranscriptFormat.text
            let bytes: [UInt8]
            do {
                bytes = try FileBytes.contents(path: path, prefix: 4096) { head in
                    detected = format ?? TranscriptFormat.detect(prefix: head, path: path)
                    return detected == .text
                }
            } catch {
                return try fail(error)
            }
            guard !bytes.isEmpty else { return try fail(.empty) }
            switch detected {
            case .text:
                for event in PlainTextReader().read(bytes, source: source, defaultID: defaultID) { try body(event) }
            case .xml:
                if let offset = Self.binaryOffset(bytes) { return try fail(.binary(offset: offset)) }
                for event in XMLTranscriptReader(path: path, source: source, defaultID: defaultID) { try body(event) }
            }
        }
    }

    /// Every call and diagnostic of one input, in order.
    public func events(from input: TranscriptInput) -> [ReadEvent] {
        var events: [ReadEvent] = []
        read(input) { events.append($0) }
        return events
    }

    /// Binary data in what should be XML; UTF-16 (with its byte-order mark) holds NUL bytes legitimately.
    private static func binaryOffset(_ prefix: [UInt8]) -> Int? {
        if prefix.starts(with: [0xFF, 0xFE]) || prefix.starts(with: [0xFE, 0xFF]) { return nil }
        return TextDecoding.binaryOffset(in: prefix.prefix(TextDecoding.sniffLength))
    }
}
