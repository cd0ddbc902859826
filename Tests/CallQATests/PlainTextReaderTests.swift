import CallQA
import Foundation
import Testing

@Suite("Plain-text reader")
struct PlainTextReaderTests {
    @Test("T :/C : labels with full-width colons and punctuation")
    func fullWidthLabels() throws {
        let read = Fixtures.read("text/fullwidth-t-c.txt")
        let call = try #require(read.call)
        #expect(read.errors.isEmpty && read.warnings.isEmpty)
        #expect(call.id == "fw-001")
        #expect(call.agent == "张丽")
        #expect(call.language == .simplifiedChinese)
        #expect(call.turns.map(\.role) == [.agent, .customer, .agent, .customer])
        #expect(call.turns.map(\.label) == ["T", "C", "T", "C"])
        #expect(call.turns[0].text == "您好，欢迎致电中国人寿，我是张丽，请问有什么可以帮您？")
        #expect(call.turns[3].text == "是 P-1234。")
        #expect(call.turns.map(\.line) == [4, 5, 6, 7])
    }

    @Test("Timestamps in every form, ranges, and a bracket that is not a time")
    func timestamps() throws {
        let call = try #require(Fixtures.read("text/timestamps.txt").call)
        let times = call.turns.map { [$0.start, $0.end] }
        #expect(
            times == [
                [1.25, nil], [3723, nil], [125, nil], [12.5, nil], [62, 65], [4530.5, 4540], [9.5, nil],
            ])
        // "[inaudible] …" is no timestamp and has no label: it continues the previous turn.
        #expect(call.turns.last?.text == "a decimal comma\n[inaudible] the customer's reply could not be heard")
    }

    @Test(".NET TimeSpan timestamps (seven fractional digits, up to nine) start turns like any other")
    func dotNetTimestamps() throws {
        let read = Fixtures.read("text/dotnet-timestamps.txt")
        let call = try #require(read.call)
        #expect(read.errors.isEmpty && read.warnings.isEmpty)
        #expect(call.turns.map(\.role) == [.agent, .customer, .agent])
        #expect(call.turns.map(\.start) == [1, 5.1234567, 9.25])
        // The customer's words stay the customer's: no forbidden phrase of the agent's, no critical failure.
        let card = Scorer(try Fixtures.shipped("en-standard")).score(call)
        #expect(card.criticalFailures.isEmpty)
        #expect(card.items.first { $0.id == "forbidden" }?.status == .pass)
    }

    @Test(
        "A timestamp that cannot be read is an error naming its line, never text of the turn before",
        arguments: [
            ("text/timestamp-61-seconds.txt", 3, "[00:61]"), ("text/timestamp-99.txt", 4, "[99:99:99]"),
            ("text/timestamp-negative.txt", 1, "[-00:00:05 - 00:00:02]"),
            ("text/timestamp-ten-digits.txt", 2, "[00:00:03.1234567891]"),
        ])
    func unreadableTimestamp(file: String, line: Int, written: String) {
        let read = Fixtures.read(file)
        #expect(read.calls.isEmpty)
        #expect(read.errors.map(\.line) == [line])
        #expect(
            read.errors.map(\.message) == [
                "invalid time: cannot read the timestamp \"\(written)\" (write [hh:mm:ss.fff], [mm:ss] or [seconds],"
                    + " minutes and seconds below 60, or a range of two)"
            ])
    }

    @Test("Continuation lines, blank lines, colons inside sentences")
    func continuation() throws {
        let read = Fixtures.read("text/continuation.txt")
        let call = try #require(read.call)
        #expect(read.warnings.isEmpty)
        #expect(call.turns.count == 3)
        #expect(
            call.turns[0].text
                == "first line of the agent's turn\nsecond line of the same turn\nthird line after a blank line")
        #expect(
            call.turns[1].text
                == "the customer says: \"it is 10:30 now\"\nand continues here: with a colon in a sentence.")
        // A timestamped line without a label starts a new turn by the same speaker.
        #expect(call.turns[2].role == .customer)
        #expect(call.turns[2].start == 20)
        #expect(call.turns[2].line == 8)
    }

    @Test("UTF-8 with a byte-order mark and CRLF line ends")
    func crlfAndBOM() throws {
        let call = try #require(Fixtures.read("text/crlf-bom.txt").call)
        #expect(call.id == "crlf-001")
        #expect(call.agent == "Maria")
        #expect(call.turns.map(\.text) == ["hello", "hi there\nstill the customer"])
        #expect(!call.turns.contains { $0.text.contains("\r") })
        #expect(call.turns.map(\.line) == [4, 5])
    }

    @Test("UTF-16 with a byte-order mark is read")
    func utf16() throws {
        let call = try #require(Fixtures.read("text/utf16le.txt").call)
        #expect(call.id == "u16-001")
        #expect(call.turns.map(\.text) == ["您好", "hello"])
    }

    @Test(
        "Invalid UTF-8 is an error naming line and column",
        arguments: [
            ("text/invalid-utf8.txt", 2, 14, UInt8(0xE9)),
            ("text/gbk-encoded.txt", 3, 11, UInt8(0xC4)),
        ])
    func invalidUTF8(fixture: String, line: Int, column: Int, byte: UInt8) throws {
        let read = Fixtures.read(fixture)
        #expect(read.calls.isEmpty)
        let error = try #require(read.errors.first)
        #expect(error.line == line)
        #expect(error.message == TranscriptError.invalidUTF8(line: line, column: column, byte: byte).message)
        #expect(error.description.hasPrefix(Fixtures.path(fixture) + ":\(line): error: invalid UTF-8"))
    }

    @Test("Text before the first turn is an error with its line")
    func textBeforeFirstTurn() throws {
        let read = Fixtures.read("text/text-before-turn.txt")
        #expect(read.calls.isEmpty)
        #expect(
            read.errors == [
                Diagnostic(error: .textBeforeFirstTurn(line: 2), source: Fixtures.path("text/text-before-turn.txt"))
            ])
    }

    @Test("Without a call header the ID is the file name")
    func idFromFileName() throws {
        let call = try #require(Fixtures.read("text/no-header.txt").call)
        #expect(call.id == "no-header")
        #expect(call.agent == nil)
        #expect(call.language == .english)
        #expect(call.source == Call.Source(path: Fixtures.path("text/no-header.txt"), line: 1, index: 0))
    }

    @Test("Headers: known keys fill the call, others become metadata, comments are skipped")
    func headers() throws {
        let read = Fixtures.read("text/headers.txt")
        let call = try #require(read.call)
        #expect(call.id == "hdr-001")
        #expect(call.agent == "A-1027")
        #expect(call.customer == "Mr. Chen")
        #expect(call.language == .english)
        #expect(call.metadata == ["date": "2024-05-01", "queue": "billing"])
        #expect(read.warnings.isEmpty)
    }

    @Test("An unknown language tag is a warning; the language is recognised from the text")
    func unknownLanguage() throws {
        let read = Fixtures.read("text/unknown-language.txt")
        #expect(read.call?.language == .simplifiedChinese)
        #expect(read.warnings.map(\.line) == [2])
    }

    @Test("Every known label maps to its role; unknown speakers are other, with one warning each")
    func labels() throws {
        let read = Fixtures.read("text/labels.txt")
        let call = try #require(read.call)
        let roles = Dictionary(uniqueKeysWithValues: call.turns.map { (Int($0.text)!, $0.role) })
        for number in 1...9 { #expect(roles[number] == .agent, "turn \(number)") }
        for number in 10...20 { #expect(roles[number] == .customer, "turn \(number)") }
        #expect(roles[21] == .agent) // the # agent: header's name
        #expect(roles[22] == .customer) // the # customer: header's name
        #expect(roles[23] == .agent) // Agent Maria
        #expect(roles[24] == .customer) // Customer (Mr. Liu)
        #expect(roles[25] == .agent) // 客服-小王
        #expect(roles[26] == .other) // Supervisor
        #expect(roles[27] == .other) // 客户经理: an account manager, not the customer
        #expect(read.warnings.map(\.line) == [29, 30])
    }

    @Test(
        "Empty, blank and header-only files are errors",
        arguments: [
            ("empty.txt", TranscriptError.empty),
            ("blank.txt", TranscriptError.empty),
            ("text/headers-only.txt", TranscriptError.noTurns(line: 1)),
        ])
    func nothingToRead(fixture: String, expected: TranscriptError) {
        let read = Fixtures.read(fixture)
        #expect(read.calls.isEmpty)
        #expect(read.errors == [Diagnostic(error: expected, source: Fixtures.path(fixture))])
    }

    @Test("Binary garbage is refused, never read as text")
    func binary() throws {
        let read = Fixtures.read("binary/garbage.txt")
        #expect(read.calls.isEmpty)
        let error = try #require(read.errors.first)
        #expect(error.message.hasPrefix("binary data"))
    }

    @Test("Bytes in memory read the same as the file")
    func fromMemory() throws {
        let path = Fixtures.path("text/fullwidth-t-c.txt")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let events = PlainTextReader().read(bytes, source: path, defaultID: "fullwidth-t-c")
        #expect(events == Fixtures.read("text/fullwidth-t-c.txt").events)
    }
}
