import Foundation

/// Results of `callqa score --format jsonl` read back — one file, or shards
/// scored on different machines — as one summary, with every version of each
/// rubric they were scored with.
///
/// Results scored with different versions of one rubric do not belong in one
/// summary unless the caller says so: ``mixedRubrics`` lists them.
///
/// ```swift
/// var results = ScoreResults()
/// for path in ["monday.jsonl", "tuesday.jsonl"] { results.read(path: path) { print($0) } }
/// guard results.mixedRubrics.isEmpty else { return }
/// print(results.summary.calls, results.summary.agents().map(\.mean))
/// ```
public struct ScoreResults: Sendable {
    /// One version of a rubric, and the first file holding a result scored with it.
    public struct RubricVersion: Sendable, Equatable {
        /// The rubric's id, version and content hash.
        public var rubric: RubricReference
        /// The first file read that holds a result scored with it.
        public var firstSource: String
    }

    /// A rubric whose results were scored with more than one version of it.
    public struct MixedRubric: Sendable, Equatable, CustomStringConvertible {
        /// The rubric's id.
        public var id: String
        /// Its versions, in the order first read.
        public var versions: [RubricVersion]

        /// `results mix versions of rubric ID: NAME (sha256 …, first in FILE); …`.
        public var description: String {
            "results mix versions of rubric \(id): "
                + versions.map {
                    "\($0.rubric.name) (sha256 \($0.rubric.sha256.prefix(12)), first in \($0.firstSource))"
                }.joined(separator: "; ")
        }
    }

    /// The summary of every result read.
    public private(set) var summary = ScoreSummary()
    /// Which results are counted (by date and rubric); the rest are read and left out.
    public var filter = ReportFilter()
    /// How many results ``filter`` left out.
    public private(set) var filteredOut = 0
    /// Trends of the results counted, when asked for: set a builder before reading.
    public var trends: ScoreTrends.Builder?
    /// The versions read of each rubric, rubrics in the order first read.
    private var versions: [(id: String, versions: [RubricVersion])] = []
    /// Each call id read, with where its result came from and where the call was read.
    private var counted: [String: (file: String, line: Int, source: Call.Source?, rubric: RubricReference)] = [:]

    /// No results yet.
    public init() {}

    /// Every rubric whose results were scored with more than one version of
    /// it, in the order first read.
    public var mixedRubrics: [MixedRubric] {
        versions.filter { $0.versions.count > 1 }.map { MixedRubric(id: $0.id, versions: $0.versions) }
    }

    /// Adds the results in one file (`-`: standard input), read line by line in
    /// bounded memory. Blank lines are skipped; a file that cannot be read, and
    /// each line that is not a result (a score outside 0–100 included), go to
    /// `diagnostic` as an error.
    ///
    /// A result whose call id was already read is the same call counted
    /// twice when it was read from the same place and scored with the same
    /// rubric (the same file given twice, or overlapping shards): an error,
    /// and it is not counted again. Read from another place it is another
    /// call with the same id: a warning, and it is counted. (Scored with
    /// another version of the rubric it is a mix, ``mixedRubrics``.)
    public mutating func read(path: String, diagnostic: (Diagnostic) -> Void) {
        read(path == "-" ? .standardInput : .file(path), diagnostic: diagnostic)
    }

    /// Adds the results in one input, read line by line in bounded memory.
    /// Blank lines are skipped; an input that cannot be read (or is not a
    /// regular file), each line that is not a result, and a line longer than
    /// `maximumLineLength` (where reading stops) go to `diagnostic` as an error.
    /// Each result counted is also handed to `result`, with its line's bytes.
    public mutating func read(
        _ input: TranscriptInput, maximumLineLength: Int = TranscriptLoader.defaultMaximumInputSize,
        result: ((ScoreRecord, [UInt8]) -> Void)? = nil, diagnostic: (Diagnostic) -> Void
    ) {
        let decoder = JSONDecoder()
        let path = input.description
        let tooLong = { (number: Int) in
            diagnostic(
                Diagnostic(
                    .error, source: path, line: number,
                    message: "the line is longer than the limit of \(ByteSize.text(maximumLineLength))"
                        + " (raise it with --max-input-size); the rest of the file was not read"))
        }
        do {
            try LineReader.forEachLine(input, maximumLength: maximumLineLength, overLimit: tooLong) { number, bytes in
                guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
                do {
                    let record = try decoder.decode(ScoreRecord.self, from: Data(bytes))
                    if let first = counted[record.callID] {
                        let place = "\(first.file):\(first.line)"
                        if first.source == record.source && first.rubric == record.rubric {
                            diagnostic(
                                Diagnostic(
                                    .error, source: path, line: number,
                                    message: "call '\(record.callID)' was already counted from \(place);"
                                        + " the same result is not counted twice"))
                            return
                        }
                        if first.source != record.source {
                            diagnostic(
                                Diagnostic(
                                    .warning, source: path, line: number,
                                    message: "call id '\(record.callID)' is also the id of the result at \(place),"
                                        + " a call read elsewhere (\(first.source?.description ?? "unknown"));"
                                        + " both are counted"))
                        }
                    } else {
                        counted[record.callID] = (path, number, record.source, record.rubric)
                    }
                    // Only a result the filter counts reaches `result` (the page's calls).
                    let included = filter.includes(record)
                    add(record, source: path)
                    if included { result?(record, Array(bytes)) }
                } catch {
                    diagnostic(
                        Diagnostic(
                            .error, source: path, line: number,
                            message: "not a result of 'callqa score --format jsonl': \(Self.reason(error))"))
                }
            }
        } catch {
            diagnostic(Diagnostic(error: error, source: path))
        }
    }

    /// Adds one result read from `source`, if ``filter`` counts it.
    public mutating func add(_ record: ScoreRecord, source: String) {
        guard filter.includes(record) else {
            filteredOut += 1
            return
        }
        summary.add(record)
        trends?.add(record)
        guard let index = versions.firstIndex(where: { $0.id == record.rubric.id }) else {
            versions.append((record.rubric.id, [RubricVersion(rubric: record.rubric, firstSource: source)]))
            return
        }
        if !versions[index].versions.contains(where: { $0.rubric == record.rubric }) {
            versions[index].versions.append(RubricVersion(rubric: record.rubric, firstSource: source))
        }
    }

    /// Why a line is not a result, in a few words.
    private static func reason(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _)?: "no '\(key.stringValue)' field"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
            "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type"
        case .dataCorrupted(let context)?:
            context.codingPath.isEmpty ? "not valid JSON" : context.debugDescription
        default: "\(error)"
        }
    }
}
