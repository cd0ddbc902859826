import CLibXML2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A thin, hardened wrapper around libxml2's streaming `xmlTextReader`.
///
/// Parser options: `XML_PARSE_NONET` (no network access, ever), and never
/// `XML_PARSE_NOENT` (entity substitution), `XML_PARSE_DTDLOAD` (external DTDs)
/// or `XML_PARSE_HUGE` (which lifts libxml2's own size and depth limits).
/// Parser messages are collected for this reader, never printed.
///
/// libxml2 reads the input through an ``XMLInputFilter``, which keeps one
/// oversized part (a text of megabytes, an element with a million
/// attributes) from meeting libxml2's limits and stopping the whole file;
/// ``refusal`` says when the current element's start tag was refused.
final class LibXMLReader {
    /// The kinds of node the transcript reader cares about.
    enum NodeKind: Equatable {
        case element, endElement, text, whitespace, entityReference, documentType, other
    }

    /// One message from the parser.
    struct Message {
        var isError: Bool
        var line: Int?
        var text: String
    }

    private var reader: xmlTextReaderPtr?
    /// The document handed over by `xmlTextReaderCurrentDoc`, which from then
    /// on is ours to free (the reader no longer frees it).
    private var heldDocument: xmlDocPtr?
    private let log = MessageLog()
    private let filter: XMLInputFilter?

    /// The parser options: never `XML_PARSE_HUGE`, `XML_PARSE_NOENT` or
    /// `XML_PARSE_DTDLOAD`; always `XML_PARSE_NONET`.
    static let options = Int32(
        bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue
            | XML_PARSE_COMPACT.rawValue)

    /// libxml2 wants one initialisation before any thread parses.
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Opens a file for streaming; its contents are never held in memory at once.
    init(path: String) {
        _ = Self.initialised
        let descriptor = open(path, O_RDONLY)
        filter = descriptor < 0 ? nil : XMLInputFilter(.file(descriptor))
        start(url: path)
    }

    /// Reads from bytes already in memory (standard input, tests).
    init(bytes: [UInt8], url: String) {
        _ = Self.initialised
        filter = XMLInputFilter(.memory(bytes))
        start(url: url)
    }

    /// Creates the parser over the filter.
    private func start(url: String) {
        guard let filter else { return }
        reader = xmlReaderForIO(
            { context, buffer, length in
                guard let context, let buffer else { return -1 }
                let filter = Unmanaged<XMLInputFilter>.fromOpaque(context).takeUnretainedValue()
                return Int32(filter.read(into: buffer, count: Int(length)))
            },
            { _ in 0 }, Unmanaged.passUnretained(filter).toOpaque(), url, nil, Self.options)
        install()
    }

    deinit {
        if let reader { xmlFreeTextReader(reader) }
        if let heldDocument { xmlFreeDoc(heldDocument) }
    }

    /// Whether the reader could be created at all.
    var isOpen: Bool { reader != nil }

    /// Moves to the next node: `true` on a node, `false` at the end of input
    /// or on a fault (then ``failure`` says what went wrong).
    func read() -> Bool {
        guard let reader else { return false }
        // Messages not tied to this reader's parser (I/O, encodings) go to the
        // thread's handler: keep them off the terminal (once per thread).
        let thread = pthread_self()
        if thread != silencedThread {
            xmlSetStructuredErrorFunc(nil) { _, _ in }
            silencedThread = thread
        }
        let status = xmlTextReaderRead(reader)
        if status < 0 { failed = true }
        kind = status == 1 ? Self.kind(of: xmlTextReaderNodeType(reader)) : .other
        if kind == .element {
            element = elementCount
            elementCount += 1
        }
        return status == 1
    }

    /// The current element's place among the document's elements, and how many have been met.
    private var element = -1
    private var elementCount = 0

    /// Why the current element's start tag was refused by the filter (too
    /// many attributes, too long), with the line it starts on; `nil` for a
    /// node that is not an element, or an element read as written.
    var refusal: XMLInputFilter.Refusal? {
        kind == .element ? filter?.refusal(ofElement: element) : nil
    }

    private var silencedThread: pthread_t?

    /// The kind of the current node.
    private(set) var kind: NodeKind = .other

    /// Whether the current node's local name is `name`, without making a string.
    func nameIs(_ name: StaticString) -> Bool {
        guard let local = xmlTextReaderConstLocalName(reader) else { return false }
        return name.withUTF8Buffer { literal in
            literal.withMemoryRebound(to: CChar.self) {
                strcmp(UnsafeRawPointer(local).assumingMemoryBound(to: CChar.self), $0.baseAddress!) == 0
            }
        }
    }

    /// Calls `body` with each attribute's name and value as C strings, in
    /// document order, namespace declarations left out.
    func forEachAttribute(_ body: (_ name: UnsafePointer<CChar>, _ value: UnsafePointer<CChar>) -> Void) {
        guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return }
        repeat {
            if xmlTextReaderIsNamespaceDecl(reader) != 1, let name = xmlTextReaderConstLocalName(reader),
                let value = xmlTextReaderConstValue(reader)
            {
                body(
                    UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self),
                    UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
            }
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
        xmlTextReaderMoveToElement(reader)
    }

    /// Appends the current text node's UTF-8 to `bytes`.
    func appendValue(to bytes: inout [UInt8]) {
        guard let value = xmlTextReaderConstValue(reader) else { return }
        bytes.append(
            contentsOf: UnsafeBufferPointer(
                start: value, count: strlen(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))))
    }

    /// Whether parsing stopped on a fault.
    private(set) var failed = false

    /// The first error the parser reported, when parsing stopped on a fault.
    var failure: Message? {
        guard failed else { return nil }
        return log.messages.first(where: \.isError)
            ?? Message(isError: true, line: parserLine, text: "the parser stopped")
    }

    /// Warnings the parser reported since the last call, then forgotten.
    func takeWarnings() -> [Message] {
        guard !log.messages.isEmpty else { return [] }
        let warnings = log.messages.filter { !$0.isError }
        log.messages.removeAll { !$0.isError }
        return warnings
    }

    private static func kind(of type: Int32) -> NodeKind {
        switch UInt32(type) {
        case XML_READER_TYPE_ELEMENT.rawValue: .element
        case XML_READER_TYPE_END_ELEMENT.rawValue: .endElement
        case XML_READER_TYPE_TEXT.rawValue, XML_READER_TYPE_CDATA.rawValue: .text
        case XML_READER_TYPE_WHITESPACE.rawValue, XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue: .whitespace
        case XML_READER_TYPE_ENTITY_REFERENCE.rawValue: .entityReference
        case XML_READER_TYPE_DOCUMENT_TYPE.rawValue: .documentType
        default: .other
        }
    }

    /// The local name of the current element (no namespace prefix).
    var name: String {
        xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
    }

    /// The text of the current text node.
    var value: String {
        xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
    }

    var depth: Int { Int(xmlTextReaderDepth(reader)) }

    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// The line of the current node's start tag.
    var line: Int? {
        guard let node = xmlTextReaderCurrentNode(reader) else { return parserLine }
        let line = Int(xmlGetLineNo(node))
        return line > 0 ? line : parserLine
    }

    /// Where the parser is now.
    var parserLine: Int? {
        let line = Int(xmlTextReaderGetParserLineNumber(reader))
        return line > 0 ? line : nil
    }

    /// The current element's attributes, in document order, without namespace declarations.
    var attributes: [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return result }
        repeat {
            if xmlTextReaderIsNamespaceDecl(reader) != 1 { result.append((name, value)) }
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
        xmlTextReaderMoveToElement(reader)
        return result
    }

    /// Why the document type is refused, or `nil` when it declares nothing
    /// that could load or expand: no entities, no external DTD.
    ///
    /// The one external DTD let through is Transcriber's own
    /// (`<!DOCTYPE Trans SYSTEM "trans-14.dtd">`, on every `.trs` file): a
    /// bare local file name that is never loaded, as no DTD ever is.
    ///
    /// On the DOCTYPE node the document is reached through that node, which
    /// leaves the reader streaming (freeing nodes as it goes). Anywhere else
    /// (after a fault, when reading stops) it is taken from the reader, which
    /// then keeps every node and leaves the document for this reader to free.
    var documentTypeRefusal: String? {
        guard let reader else { return nil }
        let document: xmlDocPtr?
        if kind == .documentType, let node = xmlTextReaderCurrentNode(reader) {
            document = node.pointee.doc
        } else {
            document = heldDocument ?? xmlTextReaderCurrentDoc(reader)
            heldDocument = document
        }
        guard let document else { return nil }
        for dtd in [document.pointee.intSubset, document.pointee.extSubset] {
            guard let dtd = dtd?.pointee else { continue }
            if dtd.entities != nil || dtd.pentities != nil { return "the DOCTYPE declares entities" }
            if dtd.ExternalID != nil { return "the DOCTYPE names an external DTD" }
            if let system = dtd.SystemID, !Self.isTranscriberDTD(name: dtd.name, system: system) {
                return "the DOCTYPE names an external DTD"
            }
        }
        return nil
    }

    /// `Trans` with `trans-NN.dtd`: Transcriber's DTD, named on every file it writes.
    private static func isTranscriberDTD(name: UnsafePointer<xmlChar>?, system: UnsafePointer<xmlChar>) -> Bool {
        guard let name, String(cString: name) == "Trans" else { return false }
        let file = String(cString: system)
        guard file.hasPrefix("trans-"), file.hasSuffix(".dtd") else { return false }
        return file.dropFirst(6).dropLast(4).allSatisfy(\.isNumber)
    }

    private func install() {
        guard let reader else { return }
        xmlTextReaderSetStructuredErrorHandler(
            reader,
            { context, error in
                guard let context, let error else { return }
                let log = Unmanaged<MessageLog>.fromOpaque(context).takeUnretainedValue()
                guard log.messages.count < MessageLog.capacity else { return }
                let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
                log.messages.append(
                    Message(
                        isError: error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue,
                        line: error.pointee.line > 0 ? Int(error.pointee.line) : nil,
                        text: message.trimmingWhitespace().description))
            }, Unmanaged.passUnretained(log).toOpaque())
    }

    /// Collects parser messages; the reader's C callback appends to it.
    private final class MessageLog {
        /// A broken file can make the parser repeat itself; the first messages say enough.
        static let capacity = 64
        var messages: [Message] = []
    }
}
