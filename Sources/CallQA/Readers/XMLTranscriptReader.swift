#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the XML transcript form, one call at a time.
///
/// ```xml
/// <calls>
///   <call id="2024-05-01-0042" agent="张丽" customer="刘先生" language="zh-Hans" date="2024-05-01">
///     <meta name="queue">billing</meta>
///     <turn speaker="agent" start="0.0" end="3.1">中国人寿客户服务部,我是张丽,您需要什么帮助?</turn>
///     <turn speaker="customer" label="刘先生">我想查一下保单。</turn>
///   </call>
/// </calls>
/// ```
///
/// The root is `<call>` or `<calls>`. `<call>` attributes `id`, `agent`,
/// `customer` and `language` fill the call; any other attribute (`date`, …)
/// and every `<meta name="…">` become metadata. A `<turn>` has `speaker`
/// (`agent`, `customer`, `other`, or any label ``SpeakerLabels`` knows), and
/// optionally `label`, `start` and `end` (seconds, or `hh:mm:ss.fff`).
///
/// The reader streams with libxml2's `xmlTextReader`: memory holds one call,
/// however many calls the file has. It is hardened against hostile input: no
/// network, no external DTD, no entity expansion (a DOCTYPE that declares
/// entities is refused before any content is read), and a depth limit. On
/// malformed XML it reports the line; the calls read before the fault have
/// already been returned.
///
/// Unknown elements or attributes inside a `<turn>` keep their text and are
/// warned about once per file; unknown elements elsewhere are skipped with a
/// warning. A call that cannot be read (a turn without a speaker, no turns,
/// a part beyond the limits below) is rejected with an error and reading
/// goes on with the next call.
///
/// The limits are the reader's own, and hold per call: libxml2 reads the
/// file through an ``XMLInputFilter``, so its own limits (10,000,000 bytes
/// for a text or a tag) are never met and never stop the rest of the file.
public final class XMLTranscriptReader: IteratorProtocol, Sequence {
    /// How deep elements may nest: `<calls>`, `<call>`, `<turn>` and some
    /// inline markup need far fewer levels.
    public static let maximumDepth = 32

    /// The most text an element may hold, in bytes of UTF-8: a turn of 10 MB
    /// is some 3 million Chinese characters or 1.7 million English words,
    /// days of speech. A turn (or `<meta>`, or an element of a Transcriber
    /// or ELAN document) with more rejects its call.
    public static let maximumTextBytes = 10_000_000

    /// The most attributes a start tag may have: transcripts use a handful.
    /// libxml2 compares each attribute with every other, so a tag with a
    /// million would take minutes; one with more than this rejects its call.
    public static let maximumAttributes = 256

    /// The longest start tag, attributes included, in bytes; a longer one
    /// rejects its call (long values belong in `<meta>`).
    public static let maximumTagBytes = 1_000_000

    private let xml: LibXMLReader
    private let source: String
    private let defaultID: String
    private let speakers: SpeakerMapping
    private var queue: [ReadEvent] = []
    private var queueHead = 0
    private var phase = Phase.prolog
    private var callCount = 0
    private var warnedOnce: Set<String> = []
    /// The labels seen, resolved for the names the last call declared.
    private var labels = ResolvedLabels()
    /// The call being read: its warnings are kept with it until it ends.
    private var call: CallAssembler?
    /// The text of the element being read, as UTF-8 (reused).
    private var textBytes: [UInt8] = []
    /// The call being read, to name in an error that cuts it short.
    private var openCall: String?

    private enum Phase { case prolog, container, epilog, finished }

    /// Opens an XML transcript file for streaming.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - source: the path to name in diagnostics and in ``Call/source``.
    ///   - defaultID: the base of call IDs for calls without an `id` attribute.
    ///   - speakers: labels the user mapped to roles.
    public init(path: String, source: String, defaultID: String, speakers: SpeakerMapping = SpeakerMapping()) {
        xml = LibXMLReader(path: path)
        self.source = source
        self.defaultID = defaultID
        self.speakers = speakers
    }

    /// Reads an XML transcript held in memory.
    public init(bytes: [UInt8], source: String, defaultID: String, speakers: SpeakerMapping = SpeakerMapping()) {
        xml = LibXMLReader(bytes: bytes, url: source)
        self.source = source
        self.defaultID = defaultID
        self.speakers = speakers
    }

    /// The next call or diagnostic, or `nil` when the input is exhausted.
    public func next() -> ReadEvent? {
        while queueHead == queue.count {
            queue.removeAll(keepingCapacity: true)
            queueHead = 0
            guard phase != .finished else { return nil }
            step()
        }
        defer { queueHead += 1 }
        return queue[queueHead]
    }

    // MARK: - Document structure

    /// Reads until at least one event is queued or the input ends.
    private func step() {
        guard xml.isOpen else {
            fail(.unreadable(reason: "libxml2 could not open the input"))
            return
        }
        guard advance() else { return finish() }
        switch (phase, xml.kind) {
        case (.prolog, .documentType):
            // libxml2 keeps no line for a DOCTYPE, and its parser has read ahead: name no line.
            if let refusal = xml.documentTypeRefusal { fail(.forbiddenDoctype(line: nil, detail: refusal)) }
        case (.prolog, .element):
            if let refusal = xml.refusal {
                return fail(.xmlLimit(line: refusal.line, detail: refusal.detail))
            }
            switch xml.name {
            case "calls": phase = xml.isEmptyElement ? .epilog : .container
            case "call":
                readCall()
                if phase != .finished { phase = .epilog }
            case "Trans":
                readDocument { root, call throws(TranscriptError) in
                    try TranscriberDocument(root: root).read(into: &call)
                }
            case "ANNOTATION_DOCUMENT":
                readDocument { root, call throws(TranscriptError) in
                    try ELANDocument(root: root).read(into: &call)
                }
            default: fail(.notATranscript(root: xml.name, line: xml.line))
            }
        case (.container, .element):
            if xml.nameIs("call") { readCall() } else { skipUnknown(in: "calls") }
        case (.container, .endElement):
            phase = .epilog
        case (.container, .text):
            warnOnce("text outside <call>", line: xml.line, "text outside any <call> is ignored")
        default:
            break
        }
    }

    /// Moves to the next node, turning faults and refused nodes into errors.
    /// Returns `false` when reading must stop.
    private func advance() -> Bool {
        let moved = xml.read()
        for warning in xml.takeWarnings() {
            queueWarning(line: warning.line, warning.text)
        }
        if let failure = xml.failure {
            // The parser may meet an entity before the DOCTYPE node surfaces (its own
            // guard against entity expansion stops it): the DOCTYPE is the cause.
            if let refusal = xml.documentTypeRefusal {
                fail(.forbiddenDoctype(line: nil, detail: "\(refusal) (\(failure.text))"))
            } else if let openCall {
                fail(.malformedXML(line: failure.line, detail: "\(failure.text) (in \(openCall), which was not read)"))
            } else {
                fail(.malformedXML(line: failure.line, detail: failure.text))
            }
            return false
        }
        guard moved else { return false }
        // A refused start tag inside a call rejects the call; elsewhere its reader decides.
        if let refusal = xml.refusal, call != nil {
            call?.reject(because: .xmlLimit(line: refusal.line, detail: refusal.detail))
        }
        switch xml.kind {
        case .entityReference:
            fail(.entityReference(name: xml.name, line: xml.line))
            return false
        case .element where xml.depth >= Self.maximumDepth:
            fail(.nestingTooDeep(line: xml.line, limit: Self.maximumDepth))
            return false
        default:
            return true
        }
    }

    private func finish() {
        guard phase != .finished else { return }
        if phase == .prolog { fail(.empty) } else { phase = .finished }
    }

    /// Stops reading with `error`; the call being read is dropped, its
    /// warnings so far come first.
    private func fail(_ error: TranscriptError) {
        call?.abandon { queue.append($0) }
        call = nil
        queue.append(.diagnostic(Diagnostic(error: error, source: source)))
        phase = .finished
    }

    // MARK: - Calls and turns

    private func readCall() {
        let callLine = xml.line
        let callDepth = xml.depth
        let index = callCount
        callCount += 1

        // The attributes' warnings come after the turns'.
        var header = CallHeader()
        var headerWarnings: [(line: Int, message: String)] = []
        for (name, value) in xml.attributes {
            header.set(key: name, value: value, line: callLine ?? 0) { headerWarnings.append(($0, $1)) }
        }
        let context = ReadContext(
            source: source, defaultID: index == 0 ? defaultID : "\(defaultID)#\(index + 1)",
            speakers: speakers)
        call = CallAssembler(context, conventions: .xmlCall, header: header, labels: labels)
        if let refusal = xml.refusal {
            call?.reject(because: .xmlLimit(line: refusal.line, detail: refusal.detail))
        }
        openCall = "call " + (header.id ?? "#\(index + 1)") + (callLine.map { " starting on line \($0)" } ?? "")
        defer {
            openCall = nil
            call = nil
        }

        if !xml.isEmptyElement {
            while true {
                guard advance() else { return } // a fault: the partial call is dropped, the error says why
                if xml.kind == .endElement && xml.depth == callDepth { break }
                guard xml.kind == .element else {
                    if xml.kind == .text {
                        warnOnce("text in <call>", line: xml.line, "text outside <turn> is ignored")
                    }
                    continue
                }
                if xml.nameIs("turn") {
                    guard readTurn() else { return }
                } else if xml.nameIs("meta") {
                    readMeta()
                } else {
                    skipUnknown(in: "call")
                }
                if phase == .finished { return }
            }
        }

        guard var call else { return }
        self.call = nil
        for warning in headerWarnings { call.warn(warning.line, warning.message) }
        labels = call.labels
        call.finish(line: callLine, index: index) { queue.append($0) }
    }

    // MARK: - Whole documents (Transcriber, ELAN)

    /// Reads the root element whole and hands it to a form that reads the
    /// call's turns out of it; the call begins on the root's line.
    private func readDocument(_ form: (MarkupElement, inout CallAssembler) throws(TranscriptError) -> Void) {
        var beyondLimits: TranscriptError?
        guard let root = readElement(beyondLimits: &beyondLimits) else { return }
        phase = .epilog
        var call = CallAssembler(
            ReadContext(source: source, defaultID: defaultID, speakers: speakers),
            conventions: .document)
        if let beyondLimits { return call.fail(beyondLimits) { queue.append($0) } }
        do { try form(root, &call) } catch { return call.fail(error) { queue.append($0) } }
        call.finish(line: root.line) { queue.append($0) }
    }

    /// The current element and everything inside it; `nil` when a fault stops
    /// the input first. A part beyond the reader's limits (a refused start
    /// tag, an element's text over ``maximumTextBytes``) is read past and
    /// named in `beyondLimits`, the first only.
    private func readElement(beyondLimits: inout TranscriptError?) -> MarkupElement? {
        func start(beyondLimits: inout TranscriptError?) -> MarkupElement {
            if let refusal = xml.refusal, beyondLimits == nil {
                beyondLimits = .xmlLimit(line: refusal.line, detail: refusal.detail)
            }
            var attributes: [String: String] = [:]
            for (name, value) in xml.attributes { attributes[name] = value }
            return MarkupElement(name: xml.name, attributes: attributes, line: xml.line)
        }
        var stack = [start(beyondLimits: &beyondLimits)]
        var textBytes = [0]
        if xml.isEmptyElement { return stack[0] }
        let depth = xml.depth
        while advance() {
            switch xml.kind {
            case .element:
                let element = start(beyondLimits: &beyondLimits)
                if xml.isEmptyElement {
                    stack[stack.count - 1].content.append(.element(element))
                } else {
                    stack.append(element)
                    textBytes.append(0)
                }
            case .endElement:
                let element = stack.removeLast()
                textBytes.removeLast()
                if xml.depth == depth { return element }
                stack[stack.count - 1].content.append(.element(element))
            case .text, .whitespace:
                let value = xml.value
                textBytes[textBytes.count - 1] += value.utf8.count
                guard textBytes[textBytes.count - 1] <= Self.maximumTextBytes else {
                    let element = stack[stack.count - 1]
                    if beyondLimits == nil {
                        beyondLimits = .xmlLimit(line: element.line, detail: Self.textLimitDetail(element.name))
                    }
                    continue
                }
                stack[stack.count - 1].content.append(.text(value))
            default:
                break
            }
        }
        return nil
    }

    /// Reads a `<turn>` into the call; `false` when a fault stopped the input.
    private func readTurn() -> Bool {
        let line = xml.line ?? 0
        var speaker: String?
        var label: String?
        var start: Double?
        var end: Double?
        xml.forEachAttribute { name, value in
            if strcmp(name, "speaker") == 0 {
                speaker = String(cString: value)
            } else if strcmp(name, "label") == 0 {
                label = String(cString: value)
            } else if strcmp(name, "start") == 0 || strcmp(name, "end") == 0 {
                let length = strlen(value)
                let seconds = UnsafeRawPointer(value).withMemoryRebound(to: UInt8.self, capacity: length) {
                    Timestamp.seconds(utf8: UnsafeBufferPointer(start: $0, count: length)[...])
                }
                guard let seconds else {
                    queueWarning(
                        line: line, "invalid \(String(cString: name)) time \"\(String(cString: value))\" ignored")
                    return
                }
                if strcmp(name, "start") == 0 { start = seconds } else { end = seconds }
            } else {
                let name = String(cString: name)
                warnOnce("turn attribute \(name)", line: line, "unknown attribute '\(name)' on <turn> ignored")
            }
        }

        let nestedWarning: (String, Int?) -> Void = { [self] name, line in
            warnOnce("turn element \(name)", line: line, "unknown element <\(name)> inside <turn>: its text is kept")
        }
        guard let text = readText(nested: nestedWarning) else { return false }

        guard let written = speaker ?? label else {
            call?.reject(turnAt: line, start: start, end: end, because: .missingSpeaker(line: line))
            return true
        }
        var role = call?.resolve(written).role
        if role == nil, speaker != nil, let label { role = call?.resolve(label).role }
        call?.add(label: label ?? written, role: role, start: start, end: end, text: text, line: line)
        return true
    }

    private func readMeta() {
        let line = xml.line ?? 0
        let name = xml.attributes.first { $0.name == "name" }?.value
        let text = readText(nested: { _, _ in }) ?? ""
        guard let name, !name.isEmpty else {
            queueWarning(line: line, "<meta> without a 'name' attribute ignored")
            return
        }
        call?.header.metadata[name] = text
    }

    /// The text inside the current element, nested elements' text included,
    /// up to its end tag; `nil` when a fault stops the input first.
    ///
    /// - Parameter nested: told of each element nested inside (its name and line).
    /// An element whose text is over ``maximumTextBytes`` rejects the call
    /// being read, and its text is read past.
    private func readText(nested: (String, Int?) -> Void) -> String? {
        guard !xml.isEmptyElement else { return "" }
        let depth = xml.depth
        let name = xml.name
        let line = xml.line
        var tooLong = false
        textBytes.removeAll(keepingCapacity: true)
        while advance() {
            switch xml.kind {
            case .endElement where xml.depth == depth:
                if tooLong {
                    call?.reject(because: .xmlLimit(line: line, detail: Self.textLimitDetail(name)))
                    textBytes = []
                    return ""
                }
                return textBytes.withUnsafeBufferPointer {
                    String(decoding: WhitespaceBytes.trimmed($0), as: UTF8.self)
                }
            case .text, .whitespace:
                guard !tooLong else { continue }
                xml.appendValue(to: &textBytes)
                if textBytes.count > Self.maximumTextBytes {
                    tooLong = true
                    textBytes = []
                }
            case .element: nested(xml.name, xml.line)
            default: break
            }
        }
        return nil
    }

    /// What an element whose text is over ``maximumTextBytes`` is told.
    private static func textLimitDetail(_ element: String) -> String {
        "the text of <\(element)> is over \(maximumTextBytes) bytes (10 MB), the most an element may hold"
    }

    /// Skips an element the schema does not know, with a warning once per name.
    private func skipUnknown(in parent: String) {
        let name = xml.name
        warnOnce("\(parent) element \(name)", line: xml.line, "unknown element <\(name)> in <\(parent)> skipped")
        guard !xml.isEmptyElement else { return }
        let depth = xml.depth
        while advance() {
            if xml.kind == .endElement && xml.depth == depth { return }
        }
    }

    /// Queues a warning, or keeps it with the call being read.
    private func queueWarning(line: Int?, _ message: String) {
        if call != nil {
            call?.warn(line, message)
        } else {
            queue.append(.diagnostic(Diagnostic(.warning, source: source, line: line, message: message)))
        }
    }

    private func warnOnce(_ key: String, line: Int?, _ message: String) {
        if warnedOnce.insert(key).inserted { queueWarning(line: line, message) }
    }
}

extension XMLTranscriptReader {
    /// The XML form as ``TranscriptLoader`` reads it: a file streamed from
    /// its path, or bytes held in memory (standard input).
    struct Form: TranscriptReading {
        /// Labels the user mapped to roles.
        var speakers: SpeakerMapping

        var streamsFiles: Bool { true }

        func read(_ input: ReaderInput, source: String, defaultID: String, emit: (ReadEvent) throws -> Void) rethrows {
            if let offset = TextDecoding.binaryOffset(inMarkup: input.bytes) {
                return try emit(.diagnostic(Diagnostic(error: .binary(offset: offset), source: source)))
            }
            let reader =
                if let file = input.file {
                    XMLTranscriptReader(path: file, source: source, defaultID: defaultID, speakers: speakers)
                } else {
                    XMLTranscriptReader(bytes: input.bytes, source: source, defaultID: defaultID, speakers: speakers)
                }
            for event in reader { try emit(event) }
        }
    }
}
