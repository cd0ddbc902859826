#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// The most bytes of one input held in memory: a larger input read
    /// whole (every form but XML from a file, which is streamed, and
    /// anything on standard input) is an error, found from the file's size
    /// before it is read.
    public var maximumInputSize: Int

    /// The default ``maximumInputSize``: 256 MiB.
    public static let defaultMaximumInputSize = 256 << 20

    /// Creates a loader.
    ///
    /// - Parameters:
    ///   - format: read every input in this format instead of detecting it
    ///     from content and extension.
    ///   - speakers: speaker labels mapped to roles (`spk_0` is the agent).
    ///   - maximumInputSize: the most bytes of one input held in memory (at least 1).
    public init(
        format: TranscriptFormat? = nil, speakers: SpeakerMapping = SpeakerMapping(),
        maximumInputSize: Int = TranscriptLoader.defaultMaximumInputSize
    ) {
        self.format = format
        self.speakers = speakers
        self.maximumInputSize = max(1, maximumInputSize)
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
        inputs(forPathBytes: paths.map { Array($0.utf8) })
    }

    /// The inputs named by command-line paths given as bytes, as the system
    /// passes them: the same as ``inputs(for:)``, for paths that need not be
    /// UTF-8. Files whose paths are not UTF-8 are read as
    /// ``TranscriptInput/nonUTF8File(_:)``, in a directory as on the command line.
    public func inputs(forPathBytes paths: [[UInt8]]) -> (inputs: [TranscriptInput], diagnostics: [Diagnostic]) {
        var inputs: [TranscriptInput] = []
        var diagnostics: [Diagnostic] = []
        var seen: Set<TranscriptInput> = []
        for path in paths {
            if path == Array("-".utf8) {
                if seen.insert(.standardInput).inserted { inputs.append(.standardInput) }
                continue
            }
            let input = TranscriptInput(pathBytes: path)
            var info = stat()
            guard !path.contains(0), stat(Self.cPath(path), &info) == 0 else {
                let reason = path.contains(0) ? "the path holds a NUL byte" : FileBytes.describe(errno)
                diagnostics.append(Diagnostic(error: .unreadable(reason: reason), source: input.description))
                continue
            }
            guard info.st_mode & S_IFMT == S_IFDIR else {
                // Whatever it is, reading it says what is wrong with it (a FIFO, a device).
                if seen.insert(input).inserted { inputs.append(input) }
                continue
            }
            var found: [[UInt8]] = []
            var visited: Set<FileIdentity> = []
            collect(directory: path, into: &found, visited: &visited, diagnostics: &diagnostics)
            if found.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .error, source: input.description,
                        message: "no transcripts found (looked for .txt, .xml, .trs, .eaf, .vtt, .srt and .json files)")
                )
            }
            for file in found {
                let input = TranscriptInput(pathBytes: file)
                if seen.insert(input).inserted { inputs.append(input) }
            }
        }
        return (inputs, diagnostics)
    }

    /// A directory or file by its device and inode: the same one, whatever
    /// the path to it.
    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// Adds the transcripts under `directory` to `found`, in byte order of
    /// their names. Names are handled as bytes, so a name that is not UTF-8
    /// is found like any other.
    private func collect(
        directory: [UInt8], into found: inout [[UInt8]], visited: inout Set<FileIdentity>,
        diagnostics: inout [Diagnostic]
    ) {
        // A link back up the tree must not send the search round in circles.
        var info = stat()
        guard stat(Self.cPath(directory), &info) == 0 else { return }
        let identity = FileIdentity(
            device: UInt64(truncatingIfNeeded: info.st_dev), inode: UInt64(truncatingIfNeeded: info.st_ino))
        guard visited.insert(identity).inserted else { return }
        guard let names = Self.names(in: directory) else {
            let reason = FileBytes.describe(errno)
            diagnostics.append(
                Diagnostic(
                    error: .unreadable(reason: "cannot list the directory: \(reason)"),
                    source: TranscriptInput.shown(directory)))
            return
        }
        let base = directory.last == UInt8(ascii: "/") ? directory : directory + [UInt8(ascii: "/")]
        for name in names where name.first != UInt8(ascii: ".") {
            let path = base + name
            let isTranscript = TranscriptFormat.directoryExtensions.contains(
                TranscriptFormat.pathExtension(String(decoding: name, as: UTF8.self)))
            guard stat(Self.cPath(path), &info) == 0 else {
                // A broken link named like a transcript is reported when it is read.
                if isTranscript { found.append(path) }
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                collect(directory: path, into: &found, visited: &visited, diagnostics: &diagnostics)
            } else if isTranscript {
                found.append(path)
            }
        }
    }

    /// The names in a directory, `.` and `..` left out, sorted by their
    /// bytes; `nil` (with `errno` set) when it cannot be listed.
    private static func names(in directory: [UInt8]) -> [[UInt8]]? {
        guard let stream = opendir(cPath(directory)) else { return nil }
        defer { closedir(stream) }
        var names: [[UInt8]] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name != [0x2E] && name != [0x2E, 0x2E] { names.append(name) }
        }
        return names.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// A path's bytes as a C string.
    private static func cPath(_ path: [UInt8]) -> [CChar] {
        path.map { CChar(bitPattern: $0) } + [0]
    }

    /// Reads one input, handing each call and diagnostic to `body` as soon as
    /// it is read.
    ///
    /// Never throws for bad input: a fault becomes an error diagnostic. Only
    /// an error thrown by `body` stops the reading early. A path that is not
    /// a regular file (a named pipe, a device, a socket) is refused before
    /// it is opened, so nothing blocks; binary data is refused from the
    /// input's first bytes; an input read whole that is larger than
    /// ``maximumInputSize`` is refused — a file before it is read.
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
            bytes = try FileBytes.contents(of: input, prefix: Self.headLength, limit: maximumInputSize) {
                head throws(TranscriptError) in
                // Binary data (/dev/urandom, an image) shows in its first bytes: nothing more is read.
                if let offset = Self.binaryOffset(inHead: head) { throw .binary(offset: offset) }
                let form = format ?? TranscriptFormat.detect(prefix: head, path: input.pathBytes == nil ? "" : source)
                reader = form.reader(speakers: speakers)
                // Only a file with a UTF-8 path can be streamed from its path.
                return !reader.streamsFiles || input.path == nil
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

    /// The offset of binary data in an input's first bytes, unless they
    /// start with the byte-order mark of UTF-16 or UTF-32 (which hold NUL
    /// bytes legitimately, and are told apart by the readers).
    private static func binaryOffset(inHead head: ArraySlice<UInt8>) -> Int? {
        let utf32 = TextDecoding.utf32Marks.contains { head.starts(with: $0) }
        return utf32 || TextDecoding.startsWithUTF16Mark(head) ? nil : TextDecoding.binaryOffset(in: head)
    }

    /// Every call and diagnostic of one input, in order.
    public func events(from input: TranscriptInput) -> [ReadEvent] {
        var events: [ReadEvent] = []
        read(input) { events.append($0) }
        return events
    }
}
