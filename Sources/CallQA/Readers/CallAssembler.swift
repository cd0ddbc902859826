/// Where a whole-file transcript is read from, and how its speakers map.
struct DocumentContext {
    /// The path to name in diagnostics and in ``Call/source``.
    var source: String
    /// The call ID when the file gives none.
    var defaultID: String
    /// Labels the user mapped to roles.
    var speakers: SpeakerMapping
}

/// Builds one call from a file in a speech engine's or annotation tool's
/// form (WebVTT, SRT, Transcriber, ELAN, Amazon Transcribe): resolves
/// speaker labels, checks times, gathers warnings, and settles roles.
struct CallAssembler {
    let context: DocumentContext
    /// What the file says about the call (language, metadata).
    var header = CallHeader()
    private(set) var turns: [Turn] = []
    private var labels = ResolvedLabels()
    private var diagnostics: [Diagnostic] = []
    private var warned: Set<String> = []

    init(_ context: DocumentContext) {
        self.context = context
        labels.use(SpeakerLabels(mapping: context.speakers))
    }

    /// Records a warning.
    mutating func warn(_ line: Int?, _ message: String) {
        diagnostics.append(Diagnostic(.warning, source: context.source, line: line, message: message))
    }

    /// Records a warning the first time `key` is met.
    mutating func warnOnce(_ key: String, _ line: Int?, _ message: String) {
        if warned.insert(key).inserted { warn(line, message) }
    }

    /// The role of the first of `labels` that names one (a speaker may be
    /// named by an ID and a name); `nil` when none does.
    mutating func role(of labels: [String]) -> SpeakerRole? {
        for label in labels where !label.isEmpty {
            if let role = self.labels.resolve(label).role { return role }
        }
        return nil
    }

    /// Adds a turn, ignoring an end time before its start (with a warning).
    mutating func add(label: String, role: SpeakerRole?, start: Double?, end: Double?, text: String, line: Int?) {
        var end = end
        if let start, let finish = end, finish < start {
            warn(line, "turn ends before it starts; end time ignored")
            end = nil
        }
        turns.append(Turn(role: role ?? .other, label: label, start: start, end: end, text: text, line: line ?? 0))
    }

    /// Orders the turns by start time (stable: turns starting together keep
    /// the order they were added in); turns without a time keep their place
    /// after the turn before them.
    mutating func sortByStart() {
        turns = turns.sortedByStart(\.start)
    }

    /// The call as events: warnings, then the call; or warnings and an error.
    ///
    /// - Parameter line: the line where the call begins, when the form has lines.
    mutating func finish(line: Int?) -> [ReadEvent] {
        guard !turns.isEmpty else { return fail(.noTurns(line: line)) }
        for turn in turns where turn.text.isEmpty {
            warn(turn.line, "turn by \"\(turn.label)\" has no text")
        }
        var agent = header.agent
        if agent == nil, let label = turns.first(where: { $0.role == .agent })?.label {
            agent = SpeakerLabels.personName(in: label)
        }
        var call = Call(id: header.id ?? context.defaultID, agent: agent, customer: header.customer,
                        language: header.language(for: turns), metadata: header.metadata,
                        source: Call.Source(path: context.source, line: line, index: 0), turns: turns)
        var settled: [Diagnostic] = []
        SpeakerRoles.settle(&call, labels: labels.labels) { line, message in
            settled.append(Diagnostic(.warning, source: context.source, line: line > 0 ? line : nil, message: message))
        }
        return (diagnostics + settled).map(ReadEvent.diagnostic) + [.call(call)]
    }

    /// Warnings so far, then `error`.
    func fail(_ error: TranscriptError) -> [ReadEvent] {
        (diagnostics + [Diagnostic(error: error, source: context.source)]).map(ReadEvent.diagnostic)
    }
}

extension Array {
    /// The elements in order of their start time, stably; an element without
    /// a time (a turn left unaligned, a punctuation mark) sorts with the
    /// element before it.
    func sortedByStart(_ start: (Element) -> Double?) -> [Element] {
        var key = 0.0
        let keyed = enumerated().map { offset, element -> (key: Double, offset: Int, element: Element) in
            if let time = start(element) { key = time }
            return (key, offset, element)
        }
        return keyed.sorted { ($0.key, $0.offset) < ($1.key, $1.offset) }.map(\.element)
    }
}
