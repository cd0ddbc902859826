import CLibXML2
import Foundation
import Testing

@testable import CallQA

/// Oversized parts of XML files, built in the tests (they are megabytes):
/// each rejects its own call, and the calls after it are read.
@Suite("XML limits hold per call")
struct XMLLimitsTests {
    /// Three calls; the second holds `middle` in place of its turn.
    static func calls(middle: String, prolog: String = "") -> String {
        prolog + "<calls>\n<call id=\"a\"><turn speaker=\"agent\">Good morning.</turn></call>\n"
            + "<call id=\"b\">\(middle)</call>\n"
            + "<call id=\"c\"><turn speaker=\"agent\">Thank you for calling.</turn>"
            + "<turn speaker=\"customer\">Bye.</turn></call>\n</calls>\n"
    }

    /// Every event of `text`, read from memory and from a file, which must agree.
    static func read(_ text: String) throws -> Fixtures.Outcome {
        try read(bytes: Array(text.utf8))
    }

    static func read(bytes: [UInt8]) throws -> Fixtures.Outcome {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("callqa-limits-\(UUID()).xml")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let fromFile = Fixtures.Outcome(
            events: Array(XMLTranscriptReader(path: file.path, source: "in.xml", defaultID: "in")))
        let fromMemory = Fixtures.Outcome(
            events: Array(XMLTranscriptReader(bytes: bytes, source: "in.xml", defaultID: "in")))
        #expect(fromFile.events == fromMemory.events)
        return fromMemory
    }

    @Test("A turn of over 10 MB in one text node rejects its call; the next call is read")
    func hugeTextNode() throws {
        let words = String(repeating: "word ", count: 2_100_000)
        let read = try Self.read(Self.calls(middle: "<turn speaker=\"agent\">\(words)</turn>"))
        #expect(read.calls.map(\.id) == ["a", "c"])
        #expect(
            read.errors.map(\.message) == [
                "call b rejected: beyond the XML reader's limits: the text of <turn> is over 10000000 bytes"
                    + " (10 MB), the most an element may hold"
            ])
        #expect(read.errors.map(\.line) == [3])
    }

    @Test("A turn of over 10 MB in CDATA, or in many text nodes, is rejected the same way")
    func hugeTextInPieces() throws {
        let cdata = "<turn speaker=\"agent\"><![CDATA[" + String(repeating: "x", count: 10_500_000) + "]]></turn>"
        let pieces =
            "<turn speaker=\"agent\">"
            + Array(repeating: String(repeating: "y", count: 2_000_000), count: 6).joined(separator: "<b/>")
            + "</turn>"
        for middle in [cdata, pieces] {
            let read = try Self.read(Self.calls(middle: middle))
            #expect(read.calls.map(\.id) == ["a", "c"])
            #expect(
                read.errors.map(\.message) == [
                    "call b rejected: beyond the XML reader's limits: the text of <turn> is over 10000000 bytes"
                        + " (10 MB), the most an element may hold"
                ])
        }
    }

    @Test(
        "An element with too many attributes, or a start tag too long, rejects its call at once",
        arguments: [1_000_000, 20_000, 257])
    func manyAttributes(count: Int) throws {
        let attributes = (0..<count).map { "a\($0)=\"x\"" }.joined(separator: " ")
        let read = try Self.read(Self.calls(middle: "<turn speaker=\"agent\"\n \(attributes)>hello</turn>"))
        #expect(read.calls.map(\.id) == ["a", "c"])
        #expect(
            read.errors.map(\.message) == [
                "call b rejected: beyond the XML reader's limits: <turn> has \(count + 1) attributes;"
                    + " at most 256 are read"
            ])
        #expect(read.errors.map(\.line) == [3])
        // The line breaks of the refused tag are kept: later lines are right.
        #expect(read.calls.last?.source.line == 5)
    }

    @Test("A start tag of over 1 MB, and a call tag with too many attributes, reject their call")
    func longTags() throws {
        let value = String(repeating: "v", count: 1_100_000)
        let long = try Self.read(Self.calls(middle: "<turn speaker=\"agent\" note=\"\(value)\">hi</turn>"))
        #expect(long.calls.map(\.id) == ["a", "c"])
        #expect(
            long.errors.map(\.message) == [
                "call b rejected: beyond the XML reader's limits: the start tag of <turn> is 1100030 bytes long;"
                    + " at most 1000000 are read"
            ])

        let attributes = (0..<300).map { "m\($0)=\"x\"" }.joined(separator: " ")
        let text = Self.calls(middle: "<turn speaker=\"agent\">hi</turn>")
            .replacingOccurrences(of: "<call id=\"b\">", with: "<call id=\"b\" \(attributes)>")
        let call = try Self.read(text)
        #expect(call.calls.map(\.id) == ["a", "c"])
        #expect(
            call.errors.first?.message.hasPrefix("call in#2 rejected: beyond the XML reader's limits: <call>") == true)
    }

    @Test("Long comments and instructions between calls are no longer fatal")
    func longCommentsAndInstructions() throws {
        let filler = String(repeating: "z", count: 11_000_000)
        for middle in [
            "<turn speaker=\"agent\">hi</turn><!--\(filler)-->", "<?note \(filler)?><turn speaker=\"agent\">hi</turn>",
        ] {
            let read = try Self.read(Self.calls(middle: middle))
            #expect(read.errors.isEmpty)
            #expect(read.calls.map(\.id) == ["a", "b", "c"])
        }
    }

    @Test("Text cut into pieces for libxml2 reads back whole: UTF-8, references, CDATA, Latin-1")
    func piecesReadBackWhole() throws {
        let unit = "退款四十元 &amp; a refund of forty dollars &#x4E2D;, résumé. "
        let expected = "退款四十元 & a refund of forty dollars 中, résumé. "
        let count = 2 * XMLInputFilter.pieceBytes / unit.utf8.count
        let text = String(repeating: unit, count: count)
        let cdata = "<![CDATA[" + String(repeating: "]] ]>中文", count: 120_000) + "]]>"
        let read = try Self.read(
            Self.calls(middle: "<turn speaker=\"agent\">\(text)</turn><turn speaker=\"customer\">\(cdata)</turn>"))
        #expect(read.errors.isEmpty)
        let turns = try #require(read.calls.first { $0.id == "b" }).turns
        #expect(turns[0].text == String(repeating: expected, count: count).trimmingCharacters(in: .whitespaces))
        #expect(turns[1].text == String(repeating: "]] ]>中文", count: 120_000))

        var latin1 = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n".utf8)
        latin1 += Array(Self.calls(middle: "<turn speaker=\"agent\">@</turn>").utf8)
        let at = latin1.firstIndex(of: UInt8(ascii: "@"))!
        latin1.replaceSubrange(at...at, with: repeatElement(0xE9, count: 1_200_000))
        let fromLatin1 = try Self.read(bytes: latin1)
        #expect(fromLatin1.errors.isEmpty)
        #expect(fromLatin1.calls.first { $0.id == "b" }?.turns[0].text == String(repeating: "é", count: 1_200_000))
    }

    @Test("A Transcriber or ELAN document beyond the limits is rejected with the reason")
    func documents() throws {
        let attributes = (0..<300).map { "x\($0)=\"1\"" }.joined(separator: " ")
        let trs = """
            <Trans><Speakers><Speaker id="s1" name="Agent"/></Speakers><Episode><Section type="report">
            <Turn speaker="s1" startTime="0" endTime="2" \(attributes)><Sync time="0"/>Hello.</Turn>
            </Section></Episode></Trans>
            """
        let read = try Self.read(trs)
        #expect(read.calls.isEmpty)
        #expect(
            read.errors.map(\.message) == [
                "beyond the XML reader's limits: <Turn> has 303 attributes; at most 256 are read"
            ])
        #expect(read.errors.map(\.line) == [2])
    }

    /// What libxml2 reads of `bytes` through the filter.
    static func filtered(_ bytes: [UInt8]) -> [UInt8] {
        let filter = XMLInputFilter(.memory(bytes))
        var output: [UInt8] = []
        var buffer = [CChar](repeating: 0, count: 4000)
        while true {
            let count = buffer.withUnsafeMutableBufferPointer { filter.read(into: $0.baseAddress!, count: $0.count) }
            guard count > 0 else { break }
            output += buffer[0..<count].map { UInt8(bitPattern: $0) }
        }
        return output
    }

    @Test("Input without an oversized part reaches libxml2 as it is: every XML fixture, and byte soup of markup")
    func identity() throws {
        var files: [String] = []
        for folder in ["xml", "formats/same-call", "formats/more", "formats/malformed", "times"] {
            let url = Fixtures.root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path)
            where [".xml", ".trs", ".eaf"].contains(where: name.hasSuffix) {
                files.append(url.appendingPathComponent(name).path)
            }
        }
        #expect(files.count > 10)
        for file in files {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
            #expect(Self.filtered(bytes) == bytes, "\(file)")
        }
        // After a declaration of an encoding not known to be ASCII-compatible, nothing is changed.
        let attributes = (0..<300).map { "a\($0)=\"x\"" }.joined(separator: " ")
        let stateful = Array("<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?>\n<call \(attributes)/>".utf8)
        #expect(Self.filtered(stateful) == stateful)
        let alphabet = Array("<<>>!?--[[]]\"'==//&;#  \n\r\tabcxmlCDATA中é".utf8)
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<2_000 {
            let soup =
                Array("<r>".utf8)
                + (0..<200).map { _ -> UInt8 in
                    state ^= state << 13
                    state ^= state >> 7
                    state ^= state << 17
                    return alphabet[Int(state % UInt64(alphabet.count))]
                }
            #expect(Self.filtered(soup) == soup, "\(String(decoding: soup, as: UTF8.self))")
        }
    }

    @Test("The parser never lifts libxml2's limits, never expands entities or loads DTDs, never uses the network")
    func parserOptions() {
        let options = UInt32(bitPattern: LibXMLReader.options)
        #expect(options & XML_PARSE_NONET.rawValue != 0)
        for forbidden in [XML_PARSE_HUGE, XML_PARSE_NOENT, XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR, XML_PARSE_XINCLUDE] {
            #expect(options & forbidden.rawValue == 0)
        }
    }

    @Test("UTF-16 input passes the filter unchanged and reads as before")
    func utf16() throws {
        let text = "\u{FEFF}" + Self.calls(middle: "<turn speaker=\"agent\">你好</turn>")
        var bytes: [UInt8] = []
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let read = try Self.read(bytes: bytes)
        #expect(read.errors.isEmpty)
        #expect(read.calls.map(\.id) == ["a", "b", "c"])
    }
}
