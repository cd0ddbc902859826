#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What libxml2 reads of an XML input: its bytes, changed only where one
/// oversized part would otherwise stop the whole file.
///
/// libxml2 keeps its own limits (CallQA never lifts them with
/// `XML_PARSE_HUGE`): a text node, a comment, a CDATA section or a tag of
/// more than 10,000,000 bytes stops the parser, and so every call after it
/// would be lost; and it compares each attribute of an element with every
/// other, so an element with hundreds of thousands of attributes takes
/// minutes. The filter sees every byte once, as libxml2 asks for them, and
/// keeps each from happening:
///
/// - **Character data** (text and CDATA) is cut into pieces of about
///   ``pieceBytes`` by an empty comment (`<!---->`; in CDATA
///   `]]><!----><![CDATA[`) placed between two characters and outside a
///   reference. libxml2 then holds no text node longer than a piece; the
///   reader joins the pieces, and holds an element's text to a limit of its
///   own (``XMLTranscriptReader/maximumTextBytes``), which rejects one call.
/// - **Comments and processing instructions** are cut the same way
///   (`--><!--`, `?><?target `): they say nothing CallQA reads.
/// - **A start tag** with more than ``XMLTranscriptReader/maximumAttributes``
///   attributes, or longer than ``XMLTranscriptReader/maximumTagBytes``,
///   reaches libxml2 as its bare name (`<turn>`), and the reader is told
///   (``refusal(ofElement:)``), which rejects the element's call.
///
/// Line breaks are never added or removed, so libxml2's lines are the
/// file's. Only encodings whose bytes below 0x80 are ASCII are filtered:
/// UTF-8 (cut between characters), single-byte encodings such as ISO-8859-1
/// (cut anywhere), and the East Asian multi-byte ones (cut before an ASCII
/// space or punctuation mark, which is never the second byte of a
/// character). UTF-16, UTF-32 and any other encoding pass unchanged, with
/// libxml2's limits as they are.
final class XMLInputFilter {
    /// Character data, comments and instructions are cut after this many bytes.
    static let pieceBytes = 1 << 20

    /// Where the bytes come from.
    enum Source {
        /// An open file, read in chunks and closed with the filter.
        case file(Int32)
        /// Bytes already in memory.
        case memory([UInt8])
    }

    /// Why a start tag was refused: the line it starts on and what it broke.
    struct Refusal: Equatable {
        var line: Int
        var detail: String
    }

    private let source: Source
    private var offset = 0
    private var exhausted = false
    private var readFailed = false
    private var output: [UInt8] = []
    private var outputHead = 0
    private var refusals: [Int: Refusal] = [:]
    private var scanner = Scanner()
    /// The buffer a file is read into, kept between reads.
    private var readBuffer: [UInt8] = []

    /// Filters `source`.
    init(_ source: Source) {
        self.source = source
    }

    deinit {
        if case .file(let descriptor) = source { close(descriptor) }
    }

    /// Why the start tag of the element `ordinal` (0-based, in document
    /// order, empty elements included) was refused; `nil` when it was not.
    func refusal(ofElement ordinal: Int) -> Refusal? {
        refusals[ordinal]
    }

    /// Fills `buffer` with up to `count` filtered bytes, as libxml2's read
    /// callback does: the number written, 0 at the end, -1 when the file
    /// cannot be read.
    func read(into buffer: UnsafeMutablePointer<CChar>, count: Int) -> Int {
        while output.count - outputHead < count && !exhausted {
            pull()
        }
        if readFailed && output.count == outputHead { return -1 }
        let length = min(count, output.count - outputHead)
        output.withUnsafeBufferPointer { bytes in
            UnsafeMutableRawPointer(buffer).copyMemory(from: bytes.baseAddress! + outputHead, byteCount: length)
        }
        outputHead += length
        if outputHead > 1 << 16 && outputHead * 2 > output.count {
            output.removeSubrange(0..<outputHead)
            outputHead = 0
        }
        return length
    }

    /// Reads the next chunk of the source through the scanner.
    private func pull() {
        let chunk = 1 << 16
        switch source {
        case .memory(let bytes):
            let end = min(bytes.count, offset + chunk)
            bytes.withUnsafeBufferPointer { scan(UnsafeBufferPointer(rebasing: $0[offset..<end])) }
            offset = end
            if offset == bytes.count { finish() }
        case .file(let descriptor):
            if readBuffer.isEmpty { readBuffer = [UInt8](repeating: 0, count: chunk) }
            var buffer = readBuffer
            readBuffer = []
            defer { readBuffer = buffer }
            var count = 0
            repeat {
                count = buffer.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress, chunk) }
            } while count < 0 && errno == EINTR
            if count < 0 {
                readFailed = true
                finish()
            } else if count == 0 {
                finish()
            } else {
                buffer.withUnsafeBufferPointer { scan(UnsafeBufferPointer(rebasing: $0[0..<count])) }
            }
        }
    }

    /// Scans into a local buffer, taken from the filter and given back: the
    /// scanner appends to an array no one else holds, with no check or
    /// reference count per byte.
    private func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
        var filtered = output
        output = []
        scanner.scan(bytes, into: &filtered)
        output = filtered
        for (ordinal, refusal) in scanner.takeRefusals() { refusals[ordinal] = refusal }
    }

    private func finish() {
        exhausted = true
        var filtered = output
        output = []
        scanner.finish(into: &filtered)
        output = filtered
    }
}

extension XMLInputFilter {
    /// The byte-at-a-time state machine behind the filter: just enough of
    /// XML's syntax to know where character data, comments, instructions,
    /// declarations and tags begin and end.
    struct Scanner {
        /// Where character data may be cut, by the document's encoding.
        enum Cutting {
            /// Not decided yet: the document's first bytes and declaration tell.
            case undecided
            /// Between any two characters of UTF-8 (no declared encoding, UTF-8, ASCII).
            case utf8
            /// Anywhere: one byte, one character.
            case singleByte
            /// Before an ASCII byte below `0`: never the second byte of a character.
            case multiByte
            /// Never: the bytes are not ASCII-compatible, or not known to be.
            case passThrough
        }

        private enum State {
            case text, open, bang, comment, cdata, declaration, instruction, startTag, endTag
        }

        private var cutting = Cutting.undecided
        private var state = State.text
        /// Bytes of a construct not yet known (`<`, `<!`, `<![CDA`): held back until it is.
        private var held: [UInt8] = []
        /// Bytes of character data, a comment or an instruction since the last cut.
        private var run = 0
        private var inReference = false
        private var previous: UInt8 = 0
        private var dashes = 0
        private var brackets = 0
        private var line = 1
        private var lastWasCarriageReturn = false
        private var sawFirstByte = false
        /// The start tag being read, up to the limit, and what is known of it.
        private var tag: [UInt8] = []
        private var tagLine = 1
        private var tagBytes = 0
        private var tagEquals = 0
        private var tagNewlines = 0
        private var tagNameEnd: Int?
        private var tagLastSignificant: UInt8 = 0
        private var quote: UInt8 = 0
        private var elementCount = 0
        /// A declaration's internal subset (`[ … ]`) and a comment inside it.
        private var inSubset = false
        private var inSubsetComment = false
        /// The instruction being read, while short enough to be the XML declaration.
        private var instruction: [UInt8] = []
        private var instructionTarget: [UInt8] = []
        /// Start tags refused and not yet taken (``takeRefusals()``), by element ordinal.
        private var refused: [(ordinal: Int, refusal: Refusal)] = []

        /// The start tags refused since the last call, by element ordinal.
        mutating func takeRefusals() -> [(ordinal: Int, refusal: Refusal)] {
            guard !refused.isEmpty else { return [] }
            defer { refused.removeAll() }
            return refused
        }

        /// Scans `bytes`, appending what libxml2 is to read to `output`;
        /// every refused start tag is kept for ``takeRefusals()``.
        mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
            if cutting == .undecided && !sawFirstByte, let first = bytes.first {
                sawFirstByte = true
                // A byte-order mark of UTF-16 or UTF-32, a NUL of their ASCII, or no '<' at all.
                if first != 0x3C && first != 0xEF && first != 0x20 && first != 0x09 && first != 0x0A && first != 0x0D
                    || bytes.count > 1 && bytes[1] == 0
                {
                    cutting = .passThrough
                }
            }
            if cutting == .passThrough {
                output.append(contentsOf: bytes)
                return
            }
            var index = bytes.startIndex
            while index < bytes.endIndex {
                if state == .text && !inReference {
                    // Most of a file is text with nothing to look at: copied a run at a time.
                    let limit = min(bytes.endIndex, index + max(0, XMLInputFilter.pieceBytes - run))
                    var end = index
                    while end < limit {
                        let byte = bytes[end]
                        if byte == 0x3C || byte == 0x26 || byte == 0x0A || byte == 0x0D { break }
                        end += 1
                    }
                    if end > index {
                        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                        run += end - index
                        previous = bytes[end - 1]
                        lastWasCarriageReturn = false
                        index = end
                        continue
                    }
                }
                if state == .startTag && (quote != 0 || tagNameEnd != nil) {
                    // Attributes and their values: held a run at a time, up to a
                    // byte that tells something (a quote, `=`, a line break, `>`).
                    var end = index
                    if quote != 0 {
                        while end < bytes.endIndex {
                            let byte = bytes[end]
                            if byte == quote || byte == 0x0A || byte == 0x0D { break }
                            end += 1
                        }
                    } else {
                        while end < bytes.endIndex {
                            let byte = bytes[end]
                            if byte == 0x3E || byte == 0x22 || byte == 0x27 || byte == 0x3D || byte == 0x0A
                                || byte == 0x0D
                            {
                                break
                            }
                            if byte > 0x20 { tagLastSignificant = byte }
                            end += 1
                        }
                    }
                    if end > index {
                        let kept = min(end - index, max(0, XMLTranscriptReader.maximumTagBytes - tagBytes))
                        tag.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + kept)]))
                        tagBytes += end - index
                        previous = bytes[end - 1]
                        lastWasCarriageReturn = false
                        index = end
                        continue
                    }
                }
                let byte = bytes[index]
                countLine(byte)
                step(byte, into: &output)
                previous = byte
                index += 1
                if cutting == .passThrough {
                    // The declaration names an encoding whose bytes may not be ASCII: from here on, as they are.
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index...]))
                    return
                }
            }
        }

        /// The input has ended: whatever is held back goes out as it was.
        mutating func finish(into output: inout [UInt8]) {
            output.append(contentsOf: held)
            held.removeAll()
            if state == .startTag { output.append(contentsOf: tag) }
        }

        private mutating func countLine(_ byte: UInt8) {
            if byte == 0x0A {
                if !lastWasCarriageReturn { line += 1 }
            } else if byte == 0x0D {
                line += 1
            }
            lastWasCarriageReturn = byte == 0x0D
        }

        // MARK: - States

        private mutating func step(_ byte: UInt8, into output: inout [UInt8]) {
            switch state {
            case .text:
                if byte == 0x3C { // <
                    state = .open
                    held.removeAll(keepingCapacity: true)
                    held.append(byte)
                    tagLine = line
                    inReference = false
                    return
                }
                if run >= XMLInputFilter.pieceBytes && !inReference && mayCut(before: byte) {
                    output.append(contentsOf: Self.emptyComment)
                    run = 0
                }
                if byte == 0x26 { // &
                    inReference = true
                } else if byte == 0x3B || byte <= 0x20 { // ; or white space
                    inReference = false
                }
                output.append(byte)
                run += 1
            case .open:
                held.append(byte)
                switch byte {
                case 0x21: state = .bang // <!
                case 0x3F: // <?
                    state = .instruction
                    instruction = held
                    instructionTarget = []
                    output.append(contentsOf: held)
                    held.removeAll(keepingCapacity: true)
                    run = 0
                case 0x2F: // </
                    state = .endTag
                    output.append(contentsOf: held)
                    held.removeAll(keepingCapacity: true)
                default:
                    state = .startTag
                    tag.removeAll(keepingCapacity: true)
                    tag.append(contentsOf: held)
                    held.removeAll(keepingCapacity: true)
                    tagBytes = tag.count
                    tagEquals = 0
                    tagNewlines = 0
                    tagNameEnd = nil
                    tagLastSignificant = byte
                    quote = 0
                    noteTagByte(byte)
                }
            case .bang:
                held.append(byte)
                stepBang(into: &output)
            case .comment:
                if run >= XMLInputFilter.pieceBytes && byte != 0x2D && previous != 0x2D { // -
                    output.append(contentsOf: Self.commentCut)
                    run = 0
                }
                output.append(byte)
                run += 1
                if byte == 0x3E && dashes >= 2 { // -->
                    state = .text
                    run = 0
                }
                dashes = byte == 0x2D ? dashes + 1 : 0
            case .cdata:
                if run >= XMLInputFilter.pieceBytes && brackets == 0 && mayCut(before: byte) {
                    output.append(contentsOf: Self.cdataCut)
                    run = 0
                }
                output.append(byte)
                run += 1
                if byte == 0x3E && brackets >= 2 { // ]]>
                    state = .text
                }
                brackets = byte == 0x5D ? brackets + 1 : 0
            case .instruction:
                stepInstruction(byte, into: &output)
            case .declaration:
                output.append(byte)
                stepDeclaration(byte)
            case .startTag:
                stepStartTag(byte, into: &output)
            case .endTag:
                output.append(byte)
                if byte == 0x3E {
                    state = .text
                    run = 0
                }
            }
        }

        /// After `<!`: a comment, a CDATA section, or a declaration (`<!DOCTYPE`).
        private mutating func stepBang(into output: inout [UInt8]) {
            let comment: [UInt8] = Array("<!--".utf8)
            let cdata: [UInt8] = Array("<![CDATA[".utf8)
            if held == comment {
                state = .comment
                dashes = 0
                run = 0
            } else if held == cdata {
                state = .cdata
                brackets = 0
            } else if comment.starts(with: held) || cdata.starts(with: held) {
                return
            } else {
                state = .declaration
                quote = 0
                inSubset = false
                inSubsetComment = false
                dashes = 0
                output.append(contentsOf: held.dropLast())
                let last = held.last!
                held.removeAll()
                output.append(last)
                stepDeclaration(last)
                return
            }
            output.append(contentsOf: held)
            held.removeAll()
        }

        /// `<!DOCTYPE …>` and other declarations pass as they are; only their end is looked for.
        private mutating func stepDeclaration(_ byte: UInt8) {
            if inSubsetComment {
                if byte == 0x3E && dashes >= 2 { inSubsetComment = false }
                dashes = byte == 0x2D ? dashes + 1 : 0
            } else if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == 0x5B {
                inSubset = true
            } else if byte == 0x5D {
                inSubset = false
            } else if byte == 0x2D && inSubset && previous == 0x2D {
                inSubsetComment = true
                dashes = 0
            } else if byte == 0x3E && !inSubset {
                state = .text
                run = 0
            }
        }

        /// `<?target …?>`: the XML declaration names the encoding; a long
        /// instruction is cut into instructions of the same target.
        private mutating func stepInstruction(_ byte: UInt8, into output: inout [UInt8]) {
            if instruction.count < 1024 { instruction.append(byte) }
            let isTargetByte = byte > 0x20 && byte != 0x3F
            if instructionTarget.count == run && isTargetByte && instructionTarget.count < 256 {
                instructionTarget.append(byte)
            }
            if byte == 0x3E && previous == 0x3F { // ?>
                output.append(byte)
                state = .text
                run = 0
                if cutting == .undecided { decideCutting() }
                return
            }
            if run >= XMLInputFilter.pieceBytes && byte != 0x3F && byte != 0x3E && previous != 0x3F
                && !instructionTarget.isEmpty && instructionTarget != Array("xml".utf8)
            {
                output.append(contentsOf: Array("?><?".utf8) + instructionTarget + [0x20])
                run = instructionTarget.count + 1
            }
            output.append(byte)
            run += 1
        }

        /// Reads the encoding from the XML declaration just ended (or its absence).
        private mutating func decideCutting() {
            guard instruction.starts(with: Array("<?xml".utf8)), instruction.count > 5,
                instruction[5] <= 0x20
            else {
                cutting = .utf8
                return
            }
            let text = String(decoding: instruction, as: UTF8.self).lowercased()
            guard let range = text.range(of: "encoding") else {
                cutting = .utf8
                return
            }
            let rest = text[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\n" }
            guard let mark = rest.first, mark == "\"" || mark == "'" else {
                cutting = .passThrough
                return
            }
            let name = String(rest.dropFirst().prefix { $0 != mark })
            cutting = Self.cutting(forEncoding: name)
        }

        /// How character data of an encoding may be cut, by its name as XML declares it.
        static func cutting(forEncoding name: String) -> Cutting {
            let name = name.lowercased()
            if ["utf-8", "utf8", "us-ascii", "ascii"].contains(name) { return .utf8 }
            let singleByte = ["iso-8859-", "iso8859-", "iso_8859-", "latin", "windows-125", "cp125", "koi8"]
            if singleByte.contains(where: name.hasPrefix) { return .singleByte }
            let multiByte = [
                "gb2312", "gbk", "gb18030", "cp936", "big5", "cp950", "shift_jis", "shift-jis", "sjis", "cp932",
                "windows-31j", "euc-jp", "euc-kr", "euc-cn", "euc-tw", "cp949", "ks_c_5601",
            ]
            if multiByte.contains(where: name.hasPrefix) { return .multiByte }
            return .passThrough
        }

        /// A start tag: held until its end, then let through or refused.
        private mutating func stepStartTag(_ byte: UInt8, into output: inout [UInt8]) {
            tagBytes += 1
            if tagBytes <= XMLTranscriptReader.maximumTagBytes { tag.append(byte) }
            if quote != 0 {
                if byte == quote { quote = 0 }
                if byte == 0x0A || byte == 0x0D { tagNewlines += 1 }
                return
            }
            if byte == 0x3E { // >
                endStartTag(into: &output)
                return
            }
            noteTagByte(byte)
        }

        /// What a byte of a start tag outside quotes tells: the name's end,
        /// an attribute (its `=`), a quote, a line break.
        private mutating func noteTagByte(_ byte: UInt8) {
            switch byte {
            case 0x22, 0x27: quote = byte
            case 0x3D: tagEquals += 1
            case 0x0A, 0x0D: tagNewlines += 1
            default: break
            }
            if tagNameEnd == nil && (byte <= 0x20 || byte == 0x2F || byte == 0x3D || byte == 0x22 || byte == 0x27) {
                tagNameEnd = tagBytes - 1
            }
            if byte > 0x20 { tagLastSignificant = byte }
        }

        private mutating func endStartTag(into output: inout [UInt8]) {
            let ordinal = elementCount
            elementCount += 1
            state = .text
            run = 0
            let nameEnd = min(tagNameEnd ?? tag.count - 1, tag.count)
            guard tagEquals > XMLTranscriptReader.maximumAttributes || tagBytes > XMLTranscriptReader.maximumTagBytes
            else {
                output.append(contentsOf: tag)
                return
            }
            let name = String(decoding: tag[1..<max(1, min(nameEnd, 1 + 1024))], as: UTF8.self)
            var detail: String?
            if tagEquals > XMLTranscriptReader.maximumAttributes {
                detail =
                    "<\(name)> has \(tagEquals) attributes; at most \(XMLTranscriptReader.maximumAttributes)"
                    + " are read"
            } else if tagBytes > XMLTranscriptReader.maximumTagBytes {
                detail =
                    "the start tag of <\(name)> is \(tagBytes) bytes long; at most"
                    + " \(XMLTranscriptReader.maximumTagBytes) are read"
            }
            guard let detail else {
                output.append(contentsOf: tag)
                return
            }
            refused.append((ordinal, Refusal(line: tagLine, detail: detail)))
            output.append(0x3C)
            output.append(contentsOf: tag[1..<max(1, min(nameEnd, 1 + 1024))])
            output.append(contentsOf: repeatElement(0x0A, count: tagNewlines))
            output.append(contentsOf: tagLastSignificant == 0x2F ? [0x2F, 0x3E] : [0x3E])
        }

        /// Whether character data may be cut just before `byte`.
        private func mayCut(before byte: UInt8) -> Bool {
            switch cutting {
            case .utf8, .undecided: byte & 0xC0 != 0x80
            case .singleByte: true
            case .multiByte: byte < 0x30
            case .passThrough: false
            }
        }

        private static let emptyComment: [UInt8] = Array("<!---->".utf8)
        private static let commentCut: [UInt8] = Array("--><!--".utf8)
        private static let cdataCut: [UInt8] = Array("]]><!----><![CDATA[".utf8)
    }
}

/// `read(2)`, by a name the filter's own `read` does not hide.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
