import Foundation
import Testing

@testable import CallQA

@Suite("Transcribe JSON reader on the scanner: any key order, escapes, strict errors with positions")
struct TranscribeJSONReaderTests {
    /// Every event of reading `bytes` as Transcribe JSON.
    static func read(_ bytes: [UInt8]) -> Fixtures.Outcome {
        Fixtures.Outcome(events: TranscribeJSONReader().read(bytes, source: "job.json", defaultID: "job"))
    }

    @Test("A job with its keys in any order, escapes and fields the reader does not use reads whole")
    func reorderedJob() throws {
        let read = Fixtures.read("formats/more/escaped-reordered.transcribe.json")
        let call = try #require(read.call)
        #expect(call.language == .simplifiedChinese)
        #expect(call.metadata == ["job": "escaped-1"])
        #expect(call.turns.map(\.text) == ["您好，这里是客服中心。", "我要挂失 😊"])
        #expect(call.turns.map(\.label) == ["spk_0", "spk_1"])
        #expect(call.turns.map(\.start) == [0, 3])
        #expect(call.turns.map(\.end) == [2.2, 4])
        #expect(read.errors.isEmpty)
    }

    @Test("A Contact Lens file with participants, language and metadata after the transcript reads whole")
    func reorderedContactLens() throws {
        let read = Fixtures.read("formats/more/reordered.contact-lens.json")
        let call = try #require(read.call)
        #expect(call.language == .english)
        #expect(call.metadata == ["job": "reordered", "contact": "contact-42"])
        #expect(call.turns.map(\.label) == ["AGENT", "CUSTOMER"])
        #expect(call.turns.map(\.role) == [.agent, .customer])
        #expect(call.turns.map(\.start) == [0, 3.6])
        #expect(read.warnings.isEmpty)
    }

    @Test(
        "Broken JSON is an error naming the line, the column and what is wrong",
        arguments: [
            ("malformed/trailing-comma.json", 4, "invalid JSON at column 1: expected a value, found ']'"),
            (
                "malformed/truncated.json", 3,
                "invalid JSON at column 1: the input ends inside the object begun on line 2, column 3"
            ),
        ])
    func brokenJSON(file: String, line: Int, detail: String) {
        let read = Fixtures.read("formats/" + file)
        #expect(read.calls.isEmpty)
        #expect(read.errors.map(\.message) == ["not a readable Amazon Transcribe JSON transcript: " + detail])
        #expect(read.errors.first?.line == line)
    }

    @Test("Nesting deeper than the reader allows is an error at its line, whatever field it is in")
    func nesting() {
        let depth = TranscribeJSONReader.maximumDepth
        let job =
            #"{"results": {"items": [], "#
            + "\n" + #""extra": "# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}}"
        let read = Self.read(Array(job.utf8))
        #expect(read.errors.first?.line == 2)
        #expect(
            read.errors.first?.message
                == "not a readable Amazon Transcribe JSON transcript: invalid JSON at column \(9 + depth - 1):"
                + " arrays and objects nested deeper than \(depth) levels")
        // A file of nothing but brackets stops at the limit.
        let bomb = Self.read(Array(repeating: UInt8(ascii: "["), count: 1 << 20))
        #expect(bomb.errors.first?.message.hasSuffix("nested deeper than \(depth) levels") == true)
    }

    @Test("A byte-order mark and UTF-16 are read as UTF-8 is; invalid UTF-8 is named with its line")
    func encodings() throws {
        let utf8 = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path("formats/more/channels.json"))))
        let expected = try #require(Self.read(utf8).call)
        #expect(Self.read(TextDecoding.utf8Mark + utf8).call == expected)
        let text = String(decoding: utf8, as: UTF8.self)
        let utf16 = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(Self.read(TextDecoding.utf16LittleEndianMark + utf16).call == expected)

        var broken = utf8
        let thanks = Array("Thanks".utf8)
        let offset = try #require(broken.indices.first { broken[$0...].starts(with: thanks) })
        broken[offset] = 0xFF
        let read = Self.read(broken)
        #expect(read.calls.isEmpty)
        #expect(read.errors.first?.line == 3)
        #expect(read.errors.first?.message.hasPrefix("invalid UTF-8 (byte 0xFF at column") == true)
    }

    @Test("Duplicate keys: the last one counts, as a JSON object's would")
    func duplicateKeys() throws {
        let job = #"""
            {"results": {"language_code": "zh-CN", "items": [{"alternatives": [{"content": "first"}]}],
             "items": [{"start_time": "0.5", "start_time": "1.0", "end_time": "1.5", "speaker_label": "spk_0",
                        "alternatives": [{"content": "second"}]}],
             "language_code": "en-US"}}
            """#
        let call = try #require(Self.read(Array(job.utf8)).call)
        #expect(call.turns.map(\.text) == ["second"])
        #expect(call.turns.first?.start == 1)
        #expect(call.language == .english)
    }

    @Test("A time that is true, an array or an object is not a number")
    func timesOfOtherKinds() {
        for value in ["true", "[1]", #"{"s": 1}"#] {
            let job =
                #"{"results": {"items": [{"start_time": "# + value
                + #", "alternatives": [{"content": "hi"}], "speaker_label": "spk_0"}]}}"#
            #expect(
                Self.read(Array(job.utf8)).errors.map(\.message)
                    == [#"invalid time: results.items[0] ("hi"): start_time is not a number"#])
        }
    }
}
