import Foundation
import Testing

@testable import CallQA

@Suite("Turn times: every reader checks them, every output is total")
struct TurnTimeTests {
    /// A fixture whose times break the rule, and the one error it must give.
    struct Broken: CustomStringConvertible, Sendable {
        var file: String
        var line: Int?
        var message: String
        var description: String { file }
    }

    static let broken: [Broken] = [
        Broken(
            file: "times/nan-start.transcribe.json", line: nil,
            message: "invalid time: results.items[1] (\"there\"): start_time nan is not a number"),
        Broken(
            file: "times/unreadable-time.transcribe.json", line: nil,
            message: "invalid time: results.items[0] (\"Hello\"): end_time \"soon\" is not a number"),
        Broken(
            file: "times/huge-offset.contact-lens.json", line: nil,
            message: "invalid time: Transcript[1] (CUSTOMER): start time 1e+305 is more than 7 days (604800 s)"
                + " into the call"),
        Broken(
            file: "times/negative-offset.contact-lens.json", line: nil,
            message: "invalid time: Transcript[0] (AGENT): start time -4 is before the call's start"
                + " (times are 0 or more)"),
        Broken(
            file: "times/infinite-slot.eaf", line: 6,
            message: "invalid time: time slot ts2: TIME_VALUE inf ms is infinite"),
        Broken(
            file: "times/huge-sync.trs", line: 12,
            message: "invalid time: <Sync>: time 1e+300 is more than 7 days (604800 s) into the call"),
        Broken(
            file: "times/eight-days.txt", line: 3,
            message: "invalid time: turn by \"Customer\": start time 720000 is more than 7 days (604800 s)"
                + " into the call"),
        Broken(
            file: "times/beyond-a-week.vtt", line: 6,
            message: "invalid time: turn by \"Customer\": start time 3599996400 is more than 7 days (604800 s)"
                + " into the call"),
    ]

    @Test("A time that is not a number, infinite, negative or beyond seven days rejects its call", arguments: broken)
    func rejected(broken: Broken) {
        let read = Fixtures.read(broken.file)
        #expect(read.calls.isEmpty)
        #expect(read.errors.map(\.message) == [broken.message])
        #expect(read.errors.first?.line == broken.line)
        #expect(read.errors.first?.source == Fixtures.path(broken.file))
    }

    @Test("In a file of calls only the call with the bad time is rejected; the next is read")
    func oneCallOfMany() {
        let read = Fixtures.read("times/beyond-a-week.xml")
        #expect(read.calls.map(\.id) == ["second"])
        #expect(
            read.errors.map(\.message) == [
                "call first rejected: invalid time: turn by \"customer\": start time 3599996400 is more than 7 days (604800 s)"
                    + " into the call"
            ])
        #expect(read.errors.first?.line == 2)
    }

    @Test("The rule: finite, 0 or more, at most seven days")
    func rule() {
        for valid in [0, 0.001, 59.5, 3600, TurnTime.maximum] { #expect(TurnTime.isValid(valid), "\(valid)") }
        for invalid in [-0.001, -.infinity, .infinity, .nan, TurnTime.maximum.nextUp, 1e308] {
            #expect(!TurnTime.isValid(invalid), "\(invalid)")
        }
        #expect(TurnTime.maximum == 604_800)
    }

    /// A call built in code, with every kind of time no reader would give.
    static let hostile = Call(
        id: "hostile", language: .english,
        turns: [
            Turn(role: .agent, start: .nan, end: 2, text: "Thank you for calling, this is Dana, how can I help?"),
            Turn(role: .customer, start: 3, end: .infinity, text: "Where is my parcel? It is not my job to chase it."),
            Turn(role: .agent, start: -46, end: -40, text: "I'm sorry, let me check that for you."),
            Turn(role: .customer, start: 1e300, end: 1e308, text: "Thanks."),
            Turn(role: .agent, start: 9, end: 12, text: "Is there anything else? Thank you for calling."),
        ])

    @Test("A call built in code with NaN, infinite, negative and huge times: every output is total and shows none")
    func everyOutputIsTotal() throws {
        let rubric = try Fixtures.shipped("en-standard")
        let call = Self.hostile
        let card = Scorer(rubric).score(call)
        let explanation = CallExplanation(call: call, scorecard: card, rubric: rubric)
        var scoreJSON = JSONWriter()
        card.write(to: &scoreJSON)
        var callJSON = JSONWriter()
        call.write(to: &callJSON)
        let csv = ScoreCSV(rubrics: [rubric])
        let outputs = [
            ("explain", explanation.plainText()), ("explain markdown", explanation.markdown()),
            ("inspect table", InspectTable().render(call)), ("inspect json", callJSON.text),
            ("score json", scoreJSON.text), ("score csv", csv.row(for: card)),
            ("score table", ScoreTable().row(card)),
            ("convert text", TranscriptWriter.plainText(call)), ("convert xml", TranscriptWriter.xmlDocument([call])),
        ]
        let shown = try Regex(#"(?i)\b(nan|inf|infinity|null)\b|-46|1e\+|--:--"#)
        for (name, output) in outputs {
            #expect(output.firstMatch(of: shown) == nil, "\(name) shows a time that is none:\n\(output)")
        }
        // Only the valid times are left; the rest are unknown, so the call has no metrics.
        #expect(card.metrics == nil)
        #expect(TranscriptWriter.plainText(call).contains("[00:00:09 - 00:00:12] agent:"))
    }

    @Test("Written calls read back: the plain-text and XML forms of a call built in code")
    func writtenCallsReadBack() throws {
        let text = TranscriptWriter.plainText(Self.hostile)
        let fromText = Fixtures.Outcome(events: PlainTextReader().read(Array(text.utf8), source: "in", defaultID: "in"))
        #expect(fromText.errors.isEmpty)
        #expect(try #require(fromText.call).turns.map(\.start) == [nil, 3, nil, nil, 9])
        let xml = TranscriptWriter.xmlDocument([Self.hostile])
        let fromXML = Fixtures.Outcome(
            events: Array(XMLTranscriptReader(bytes: Array(xml.utf8), source: "in", defaultID: "in")))
        #expect(fromXML.errors.isEmpty && fromXML.warnings.isEmpty)
        #expect(try #require(fromXML.call).turns.map(\.end) == [2, nil, nil, nil, 12])
    }

    @Test(
        "Clocks, fixed numbers and percentages have a text for every Double",
        arguments: [Double.nan, .infinity, -.infinity, 1e300, -1e300, 9.3e18, Double.greatestFiniteMagnitude])
    func totalFormatters(value: Double) {
        #expect(ClockText.text(value) == ClockText.unknown)
        #expect(ClockText.text(value, hours: .always, fraction: .milliseconds) == ClockText.unknown)
        #expect(!NumberText.fixed(value, places: 1).isEmpty)
        #expect(!NumberText.percent(value).isEmpty)
    }

    @Test("Clocks below a million hours are unchanged")
    func clocks() {
        #expect(ClockText.text(4.25, fraction: .tenths) == "00:04.3")
        #expect(ClockText.text(-1.5, fraction: .tenths) == "-00:01.5")
        #expect(ClockText.text(TurnTime.maximum, hours: .always) == "168:00:00")
        #expect(ClockText.text(3_599_999_999) == "999999:59:59")
        #expect(NumberText.fixed(1e300, places: 1) == "1e+300")
        #expect(NumberText.fixed(.nan, places: 1) == "—")
        #expect(NumberText.percent(.nan) == "—")
    }
}
