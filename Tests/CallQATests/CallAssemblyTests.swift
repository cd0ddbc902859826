import Foundation
import Testing

@testable import CallQA

@Suite("One way to assemble a call")
struct CallAssemblyTests {
    /// One call whose first turn ends before it starts, in every form that has times.
    static let reversedTimes: [(form: TranscriptFormat, text: String)] = [
        (
            .text,
            """
            [00:00:05 - 00:00:03] Agent: thank you for calling
            [00:00:06] Customer: hello
            """
        ),
        (
            .xml,
            """
            <call id="reversed">
              <turn speaker="agent" start="5" end="3">thank you for calling</turn>
              <turn speaker="customer" start="6">hello</turn>
            </call>
            """
        ),
        (
            .vtt,
            """
            WEBVTT

            00:05.000 --> 00:03.000
            <v Agent>thank you for calling

            00:06.000 --> 00:07.000
            <v Customer>hello
            """
        ),
        (
            .srt,
            """
            1
            00:00:05,000 --> 00:00:03,000
            Agent: thank you for calling

            2
            00:00:06,000 --> 00:00:07,000
            Customer: hello
            """
        ),
        (
            .json,
            """
            {"Transcript": [
              {"ParticipantId": "AGENT", "BeginOffsetMillis": 5000, "EndOffsetMillis": 3000, \
            "Content": "thank you for calling"},
              {"ParticipantId": "CUSTOMER", "BeginOffsetMillis": 6000, "EndOffsetMillis": 7000, "Content": "hello"}]}
            """
        ),
    ]

    @Test("A turn that ends before it starts loses its end, with the same warning, in every form")
    func reversedTimes() throws {
        for (form, text) in Self.reversedTimes {
            let events = form.reader(speakers: SpeakerMapping()).events(
                reading: Array(text.utf8), source: "in", defaultID: "in")
            let read = Fixtures.Outcome(events: events)
            let call = try #require(read.call, "\(form)")
            #expect(call.turns.map(\.start) == [5, 6], "\(form)")
            #expect(call.turns[0].end == nil, "\(form)")
            #expect(read.warnings.map(\.message) == ["turn ends before it starts; end time ignored"], "\(form)")
        }
    }

    @Test("In XML, a turn without a speaker has its times checked, then rejects its call")
    func turnWithoutSpeaker() {
        let text =
            #"<calls><call id="a"><turn start="5" end="3">words</turn></call>"#
            + #"<call id="b"><turn speaker="agent">hi</turn></call></calls>"#
        let read = Fixtures.Outcome(
            events: Array(XMLTranscriptReader(bytes: Array(text.utf8), source: "in", defaultID: "in")))
        #expect(read.warnings.map(\.message) == ["turn ends before it starts; end time ignored"])
        #expect(read.errors.map(\.message) == ["call a rejected: <turn> has no 'speaker' attribute"])
        #expect(read.calls.map(\.id) == ["b"])
    }

    @Test(
        """
        What differs between forms: a caption names the agent from its label, text and XML do not; \
        XML keeps empty turns silently
        """
    )
    func conventions() throws {
        let vtt = "WEBVTT\n\n00:00.000 --> 00:02.000\n<v Agent Maria>hello\n\n00:02.000 --> 00:03.000\n<v Customer>hi\n"
        #expect(
            SubtitleReader(.webVTT).read(Array(vtt.utf8), source: "in", defaultID: "in").last.flatMap(Self.call)?.agent
                == "Maria")
        let text = "Agent Maria: hello\nCustomer:\n"
        let fromText = Fixtures.Outcome(events: PlainTextReader().read(Array(text.utf8), source: "in", defaultID: "in"))
        #expect(try #require(fromText.call).agent == nil)
        #expect(fromText.warnings.map(\.message) == ["turn by \"Customer\" has no text"])
        let xml = #"<call><turn speaker="agent" label="Agent Maria">hello</turn><turn speaker="customer"/></call>"#
        let fromXML = Fixtures.Outcome(
            events: Array(XMLTranscriptReader(bytes: Array(xml.utf8), source: "in", defaultID: "in")))
        #expect(try #require(fromXML.call).agent == nil)
        #expect(fromXML.warnings.isEmpty)
    }

    @Test("Every form read from bytes in memory, as standard input is, gives what the file gives")
    func bytesAsTheFile() throws {
        for form in TranscriptFormatsTests.forms {
            let path = Fixtures.path("formats/same-call/zh-hold.\(form)")
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            let reader = TranscriptFormat.detect(prefix: bytes, path: path).reader(speakers: SpeakerMapping())
            let events = reader.events(
                reading: bytes, source: path, defaultID: TranscriptInput.file(path).defaultCallID)
            #expect(events == TranscriptLoader().events(from: .file(path)), "\(form)")
        }
    }

    private static func call(_ event: ReadEvent) -> Call? {
        if case .call(let call) = event { call } else { nil }
    }
}
