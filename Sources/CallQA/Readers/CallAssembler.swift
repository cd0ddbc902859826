/// Where a transcript is read from, and how its speakers map.
struct ReadContext {
    /// The path to name in diagnostics and in ``Call/source``.
    var source: String
    /// The call ID when the transcript gives none.
    var defaultID: String
    /// Labels the user mapped to roles.
    var speakers: SpeakerMapping
}

/// Builds a call the one way every reader ends: turns are checked as they
/// are added, speaker labels resolve through the user's mapping and the
/// names the transcript declares, and when the call is finished its
/// speakers' roles are settled (guessed, or reported as other; see
/// ``SpeakerRoles``). Warnings come out before the call, in the order they
/// arose; an error comes after the warnings before it.
///
/// A reader feeds one assembler per call: the text form and each form of a
/// speech engine or annotation tool one per file, the XML form one per
/// `<call>`.
struct CallAssembler {
    /// What some transcript forms have always done and others not.
    struct Conventions {
        /// When the transcript names no agent, the agent's name is taken
        /// from the first agent turn's label (`Agent Maria` → `Maria`).
        var namesAgentFromLabel: Bool
        /// A turn without text is reported.
        var reportsTurnsWithoutText: Bool
        /// An error that rejects the call names it (`call 42 rejected: …`),
        /// as in a file of several calls.
        var namesRejectedCall: Bool

        /// WebVTT, SRT, Transcriber, ELAN and Amazon Transcribe: a file is one
        /// call, and has no field for the agent's name.
        static let document = Conventions(
            namesAgentFromLabel: true, reportsTurnsWithoutText: true,
            namesRejectedCall: false)
        /// The plain-text form: a file is one call, named by its header.
        static let plainText = Conventions(
            namesAgentFromLabel: false, reportsTurnsWithoutText: true,
            namesRejectedCall: false)
        /// One `<call>` of the XML form, among others in its file.
        static let xmlCall = Conventions(
            namesAgentFromLabel: false, reportsTurnsWithoutText: false,
            namesRejectedCall: true)
    }

    let context: ReadContext
    let conventions: Conventions
    /// What the transcript says about the call (ID, names, language, metadata).
    var header: CallHeader
    /// The turns so far, in the order they were added.
    private(set) var turns: [Turn] = []
    /// The speaker labels resolved so far; a reader of several calls hands
    /// them to the next call's assembler, so that each label is resolved once.
    private(set) var labels: ResolvedLabels
    private var diagnostics: [Diagnostic] = []
    private var warned: Set<String> = []
    private var rejection: TranscriptError?

    /// Starts a call.
    ///
    /// - Parameters:
    ///   - header: what the transcript has said about the call before its
    ///     turns; the agent and customer names it declares resolve labels.
    ///   - labels: labels resolved for an earlier call of the same input.
    init(
        _ context: ReadContext, conventions: Conventions, header: CallHeader = CallHeader(),
        labels: ResolvedLabels = ResolvedLabels()
    ) {
        self.context = context
        self.conventions = conventions
        self.header = header
        self.labels = labels
        self.labels.use(SpeakerLabels(agent: header.agent, customer: header.customer, mapping: context.speakers))
    }

    // MARK: - Warnings

    /// Records a warning.
    mutating func warn(_ line: Int?, _ message: String) {
        diagnostics.append(Diagnostic(.warning, source: context.source, line: line, message: message))
    }

    /// Records a warning the first time `key` is met.
    mutating func warnOnce(_ key: String, _ line: Int?, _ message: String) {
        if warned.insert(key).inserted { warn(line, message) }
    }

    // MARK: - Header and speakers

    /// Records a header field (`# agent: 张丽`); the names it declares
    /// resolve labels from now on.
    mutating func declare(key: String, value: String, line: Int) {
        var problems: [(line: Int, message: String)] = []
        header.set(key: key, value: value, line: line) { problems.append(($0, $1)) }
        for problem in problems { warn(problem.line, problem.message) }
        labels.use(SpeakerLabels(agent: header.agent, customer: header.customer, mapping: context.speakers))
    }

    /// What a speaker label stands for.
    mutating func resolve(_ label: String) -> ResolvedLabels.Resolution {
        labels.resolve(label)
    }

    /// The role of the first of `labels` that names one (a speaker may be
    /// named by an ID and a name); `nil` when none does.
    mutating func role(of labels: [String]) -> SpeakerRole? {
        for label in labels where !label.isEmpty {
            if let role = self.labels.resolve(label).role { return role }
        }
        return nil
    }

    // MARK: - Turns

    /// Adds a turn; a speaker without a role is read as other.
    ///
    /// - Parameter origin: what names the turn in a message when the form
    ///   has no lines (`Transcript[3]`); by default its speaker label.
    mutating func add(
        label: String, role: SpeakerRole?, start: Double?, end: Double?, text: String, line: Int?,
        origin: String? = nil
    ) {
        // The subject is spelt out only for a message.
        let (start, end) = checkedTimes(start: start, end: end, line: line, subject: origin ?? "turn by \"\(label)\"")
        turns.append(Turn(role: role ?? .other, label: label, start: start, end: end, text: text, line: line ?? 0))
    }

    /// Continues the last turn's text on a new line.
    mutating func continueLastTurn(_ text: String) {
        let index = turns.count - 1
        turns[index].text = turns[index].text.isEmpty ? text : turns[index].text + "\n" + text
    }

    /// Records a turn that cannot be used: its times are checked like every
    /// turn's, and the call is rejected for `error` when it is finished (the
    /// first such error is the one reported).
    mutating func reject(turnAt line: Int?, start: Double?, end: Double?, because error: TranscriptError) {
        _ = checkedTimes(start: start, end: end, line: line, subject: "turn")
        reject(because: error)
    }

    /// Rejects the call for `error` when it is finished, unless an earlier
    /// error already does.
    mutating func reject(because error: TranscriptError) {
        if rejection == nil { rejection = error }
    }

    /// The one check of every time a transcript gives: `seconds` when it is
    /// a time a turn may carry (see ``TurnTime``); otherwise `nil`, and the
    /// call is rejected with an error naming `subject`, the field and the
    /// value.
    ///
    /// - Parameters:
    ///   - what: the field, as the message names it (`start time`, `TIME_VALUE`).
    ///   - subject: the turn, word or element the time belongs to.
    ///   - written: the value as the transcript wrote it, when not in seconds.
    mutating func time(
        _ seconds: Double, _ what: String, line: Int?, of subject: @autoclosure () -> String, written: String? = nil
    ) -> Double? {
        guard let problem = TurnTime.problem(seconds) else { return seconds }
        let value = written ?? TurnTime.text(seconds)
        reject(because: .invalidTime(line: line, detail: "\(subject()): \(what) \(value) \(problem)"))
        return nil
    }

    /// A turn's times, each checked (``time(_:_:line:of:)``); an end before
    /// the start is ignored, with a warning.
    private mutating func checkedTimes(
        start: Double?, end: Double?, line: Int?, subject: @autoclosure () -> String
    ) -> (Double?, Double?) {
        let start = start.flatMap { time($0, "start time", line: line, of: subject()) }
        var end = end.flatMap { time($0, "end time", line: line, of: subject()) }
        if let start, let checked = end, checked < start {
            warn(line, "turn ends before it starts; end time ignored")
            end = nil
        }
        return (start, end)
    }

    /// Orders the turns by start time (stable: turns starting together keep
    /// the order they were added in); turns without a time keep their place
    /// after the turn before them.
    mutating func sortByStart() {
        turns = turns.sortedByStart(\.start)
    }

    // MARK: - Ending

    /// Ends the call: its warnings, then the call; or its warnings and the
    /// error that rejects it.
    ///
    /// - Parameters:
    ///   - line: the line where the call begins, when the form has lines.
    ///   - index: the call's position in its input.
    mutating func finish(line: Int?, index: Int = 0, emit: (ReadEvent) throws -> Void) rethrows {
        if let rejection { return try fail(rejection, emit: emit) }
        guard !turns.isEmpty else { return try fail(.noTurns(line: line), emit: emit) }
        if conventions.reportsTurnsWithoutText {
            for turn in turns where turn.text.isEmpty {
                warn(turn.line, "turn by \"\(turn.label)\" has no text")
            }
        }
        var agent = header.agent
        if conventions.namesAgentFromLabel, agent == nil, let label = turns.first(where: { $0.role == .agent })?.label {
            agent = SpeakerLabels.personName(in: label)
        }
        var call = Call(
            id: header.id ?? context.defaultID, agent: agent, customer: header.customer,
            language: header.language(for: turns), metadata: header.metadata,
            source: Call.Source(path: context.source, line: line, index: index), turns: turns)
        SpeakerRoles.settle(&call, labels: labels.labels) { line, message in
            warn(line > 0 ? line : nil, message)
        }
        for diagnostic in diagnostics { try emit(.diagnostic(diagnostic)) }
        try emit(.call(call))
    }

    /// Ends the call with `error`: the warnings so far, then the error.
    func fail(_ error: TranscriptError, emit: (ReadEvent) throws -> Void) rethrows {
        try abandon(emit: emit)
        if conventions.namesRejectedCall {
            let message = "call \(header.id ?? context.defaultID) rejected: \(error.message)"
            try emit(.diagnostic(Diagnostic(.error, source: context.source, line: error.line, message: message)))
        } else {
            try emit(.diagnostic(Diagnostic(error: error, source: context.source)))
        }
    }

    /// Gives the call up, the input having broken off: the warnings so far,
    /// and no call (the reader says why).
    func abandon(emit: (ReadEvent) throws -> Void) rethrows {
        for diagnostic in diagnostics { try emit(.diagnostic(diagnostic)) }
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
