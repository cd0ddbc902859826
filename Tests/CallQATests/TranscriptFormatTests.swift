import CallQA
import Testing

@Suite("Format detection")
struct TranscriptFormatTests {
    @Test(
        "Content decides when it is conclusive",
        arguments: [
            ("<?xml version=\"1.0\"?><call/>", "a.txt", TranscriptFormat.xml),
            ("\n  <calls>", "a.txt", .xml),
            ("<!-- note --><call/>", "notes", .xml),
            ("<!DOCTYPE calls><calls/>", "x", .xml),
            ("Agent: hello", "a.xml", .xml),
            ("Agent: hello", "a.txt", .text),
            ("# call: 1\nAgent: hi", "transcript", .text),
            ("<b>Agent</b>: hi", "a.txt", .text),
        ])
    func detect(content: String, path: String, expected: TranscriptFormat) {
        #expect(TranscriptFormat.detect(prefix: Array(content.utf8), path: path) == expected)
    }

    @Test("XML behind a byte-order mark, in UTF-8 and UTF-16")
    func byteOrderMarks() {
        #expect(TranscriptFormat.detect(prefix: [0xEF, 0xBB, 0xBF] + Array("<call>".utf8), path: "x") == .xml)
        let utf16 = [UInt8]([0xFF, 0xFE]) + Array("<call>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(TranscriptFormat.detect(prefix: utf16, path: "x") == .xml)
    }
}
