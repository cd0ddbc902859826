import CallQA
import Foundation
import Testing

@Suite("XML reader")
struct XMLTranscriptReaderTests {
    @Test("A file of many calls: attributes, metadata, labels, times, entities and CDATA")
    func multiCall() throws {
        let read = Fixtures.read("xml/multi-call.xml")
        #expect(read.errors.isEmpty && read.warnings.isEmpty)
        #expect(read.calls.map(\.id) == ["m-1", "multi-call#2", "m-3"])
        #expect(read.calls.map(\.source.index) == [0, 1, 2])
        #expect(read.calls.map(\.source.line) == [3, 8, 12])

        let first = read.calls[0]
        #expect(first.agent == "李伟")
        #expect(first.customer == "陈女士")
        #expect(first.language == .simplifiedChinese)
        #expect(first.metadata == ["queue": "信用卡", "date": "2024-05-07", "site": "成都"])
        #expect(
            first.turns[0] == Turn(role: .agent, label: "agent", start: 0, end: 3.1, text: "您好，欢迎致电，我是李伟。", line: 5))
        #expect(first.turns[1].label == "陈女士")
        #expect(first.turns[1].text == "我的卡被锁了 & 刷不了 了。")

        let second = read.calls[1]
        #expect(second.turns.map(\.role) == [.agent, .customer]) // speaker="Agent", speaker="caller"
        #expect(second.turns[1].start == 2.5)
        #expect(read.calls[2].language == .traditionalChinese) // language="zh-TW"
        #expect(read.calls[2].turns[1].text == "我想查詢 <帳單>。")
    }

    @Test("A single call: text trimmed, empty turns kept, other speakers")
    func singleCall() throws {
        let call = try #require(Fixtures.read("xml/single-call.xml").call)
        #expect(call.id == "s-1")
        #expect(call.turns.map(\.text) == ["Hello, this is Priya.", "", "Please hold."])
        #expect(call.turns.map(\.role) == [.agent, .customer, .other])
        #expect(call.turns[2].label == "IVR")
    }

    @Test("Calls are streamed: each is returned as soon as it is read")
    func streaming() throws {
        let reader = XMLTranscriptReader(path: Fixtures.path("xml/multi-call.xml"), source: "multi", defaultID: "multi")
        guard case .call(let first)? = reader.next() else {
            Issue.record("expected the first call first")
            return
        }
        #expect(first.id == "m-1")
        let rest = Array(reader)
        #expect(rest.count == 2)
        #expect(reader.next() == nil)
    }

    @Test("A truncated file: the calls before the fault are returned, then an error with the line")
    func truncated() throws {
        let read = Fixtures.read("xml/truncated.xml")
        #expect(read.calls.map(\.id) == ["t-1"])
        let error = try #require(read.errors.first)
        #expect(read.errors.count == 1)
        #expect(error.line != nil)
        #expect(error.message.hasPrefix("malformed XML"))
        #expect(error.message.contains("call t-2"))
        // The error comes after the call that was read.
        #expect(read.events.last == .diagnostic(error))
    }

    @Test("Malformed XML names the line")
    func mismatched() throws {
        let read = Fixtures.read("xml/mismatched-tags.xml")
        #expect(read.calls.isEmpty)
        #expect(read.errors.map(\.line) == [4])
        #expect(read.errors.first?.message.contains("mismatch") == true)
    }

    @Test("XXE: an entity naming a local file is refused, and the file's content never appears")
    func xxe() throws {
        let read = Fixtures.read("xml/xxe.xml")
        #expect(read.calls.isEmpty)
        let error = try #require(read.errors.first)
        #expect(error.message.contains("DOCTYPE declares entities"))
        let everything = read.events.map { "\($0)" }.joined()
        #expect(!everything.contains("root:"))
    }

    @Test("Billion laughs: refused, nothing expanded")
    func billionLaughs() throws {
        let read = Fixtures.read("xml/billion-laughs.xml")
        #expect(read.calls.isEmpty)
        #expect(read.errors.count == 1)
        #expect(read.errors.first?.message.hasPrefix("refused: the DOCTYPE declares entities") == true)
        #expect(!read.events.map { "\($0)" }.joined().contains("lollollol"))
    }

    @Test("An external DTD is refused; a DOCTYPE that declares nothing is harmless")
    func doctypes() throws {
        #expect(Fixtures.read("xml/external-dtd.xml").errors.first?.message.contains("external DTD") == true)
        let harmless = Fixtures.read("xml/harmless-doctype.xml")
        #expect(harmless.errors.isEmpty)
        #expect(harmless.calls.map(\.id) == ["doc-1"])
    }

    @Test("An undeclared entity is an error, not an empty string")
    func undeclaredEntity() throws {
        let read = Fixtures.read("xml/undeclared-entity.xml")
        #expect(read.calls.isEmpty)
        #expect(read.errors.first?.message.contains("nbsp") == true)
    }

    @Test("Deep nesting is refused at the depth limit")
    func deepNesting() throws {
        let read = Fixtures.read("xml/deep-nesting.xml")
        #expect(read.calls.isEmpty)
        #expect(
            read.errors == [
                Diagnostic(
                    error: .nestingTooDeep(line: 3, limit: XMLTranscriptReader.maximumDepth),
                    source: Fixtures.path("xml/deep-nesting.xml"))
            ])
    }

    @Test("Unknown markup: text inside turns kept, one warning per kind, other elements skipped with a warning")
    func unknownMarkup() throws {
        let read = Fixtures.read("xml/unknown-markup.xml")
        let call = try #require(read.call)
        #expect(call.turns.map(\.text) == ["Hello, welcome to Contoso.", "I'm upset."])
        #expect(read.errors.isEmpty)
        let messages = read.warnings.map(\.message)
        #expect(messages.filter { $0.contains("'emotion'") }.count == 1)
        #expect(messages.filter { $0.contains("<em>") }.count == 1)
        #expect(messages.contains { $0.contains("<b>") })
        #expect(messages.contains { $0.contains("'confidence'") })
        #expect(messages.contains { $0.contains("<notes>") })
        #expect(messages.contains { $0.contains("text outside <turn>") })
        #expect(messages.contains { $0.contains("<summary>") })
    }

    @Test("A bad call is rejected with its line; the calls after it are still read")
    func callErrors() throws {
        let read = Fixtures.read("xml/call-errors.xml")
        #expect(read.calls.map(\.id) == ["e-3"])
        #expect(read.errors.map(\.line) == [3, 4])
        #expect(read.errors[0].message == "call e-1 rejected: <turn> has no 'speaker' attribute")
        #expect(read.errors[1].message == "call e-2 rejected: the call has no turns")
        let turns = read.calls[0].turns
        #expect(turns[0].role == .other && turns[0].start == nil && turns[0].end == 2)
        #expect(turns[1].start == 5 && turns[1].end == nil)
        #expect(read.warnings.count == 3)
    }

    @Test("A root other than <call> or <calls> is not a transcript")
    func notATranscript() {
        let read = Fixtures.read("xml/not-a-transcript.xml")
        #expect(read.errors.first?.message == TranscriptError.notATranscript(root: "html", line: nil).message)
    }

    @Test("Binary garbage named .xml is refused before parsing")
    func binary() {
        #expect(Fixtures.read("binary/garbage.xml").errors.first?.message.hasPrefix("binary data") == true)
    }

    @Test("Bytes in memory read the same as the file")
    func fromMemory() throws {
        let path = Fixtures.path("xml/multi-call.xml")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let events = Array(XMLTranscriptReader(bytes: bytes, source: path, defaultID: "multi-call"))
        #expect(events == Fixtures.read("xml/multi-call.xml").events)
    }
}
