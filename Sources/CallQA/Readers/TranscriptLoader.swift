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
    /// Speaker labels the user mapped to roles, for every input.
    public var speakers: SpeakerMapping
    /// Masks personal data in every call read (see ``Redactor``); `nil`, the
    /// default, keeps the words as written. A redacted call is still scored
    /// on what was said.
    public var redactor: Redactor?

    /// Creates a loader.
    ///
    /// - Parameters:
    ///   - format: read every input in this format instead of detecting it
    ///     from content and extension.
    ///   - speakers: speaker labels mapped to roles (`spk_0` is the agent).
    public init(format: TranscriptFormat? = nil, speakers: SpeakerMapping = SpeakerMapping()) {
        self.format = format
        self.speakers = speakers
    }

    /// The inputs named by command-line paths, in a stable order.
    ///
    /// A file is read whatever its extension; a directory is searched
    /// recursively for transcripts by extension (`.txt`, `.xml`, `.trs`,
    /// `.eaf`, `.vtt`, `.srt`, `.json`; hidden files and folders are
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
                diagnostics.append(
                    Diagnostic(
                        .error, source: path,
                        message: "no transcripts found (looked for .txt, .xml, .trs, .eaf, .vtt, .srt and .json files)")
                )
            }
            for file in found where seen.insert(.file(file)).inserted {
                inputs.append(.file(file))
            }
        }
        return (inputs, diagnostics)
    }

    private func collect(
        directory: String, into found: inout [String], visited: inout Set<String>,
        diagnostics: inout [Diagnostic]
    ) {
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
        if let redactor {
            var plain = self
            plain.redactor = nil
            return try plain.read(input) { event in try body(redactor.redact(event)) }
        }
        let source = input.description
        // The form is told from the first bytes; a reader that streams files
        // (XML) reads the rest itself, the others are handed the whole input.
        var reader: any TranscriptReading = PlainTextReader(speakers: speakers)
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.contents(of: input, prefix: Self.headLength) { head in
                let form = format ?? TranscriptFormat.detect(prefix: head, path: input.path ?? "")
                reader = form.reader(speakers: speakers)
                return !reader.streamsFiles
            }
        } catch {
            return try body(.diagnostic(Diagnostic(error: error, source: source)))
        }
        guard !bytes.isEmpty else { return try body(.diagnostic(Diagnostic(error: .empty, source: source))) }
        let handed = ReaderInput(bytes: bytes, file: reader.streamsFiles ? input.path : nil)
        try reader.read(handed, source: source, defaultID: input.defaultCallID, emit: body)
    }

    /// How many bytes of a file are read to tell its form.
    private static let headLength = 4096

    /// Every call and diagnostic of one input, in order.
    public func events(from input: TranscriptInput) -> [ReadEvent] {
        var events: [ReadEvent] = []
        read(input) { events.append($0) }
        return events
    }
}
