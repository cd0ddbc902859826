import CallQA
import Foundation
import Testing

@Suite("Transcript model")
struct TranscriptModelTests {
    @Test("Calls round-trip through Codable unchanged")
    func codableRoundTrip() throws {
        let calls = Fixtures.read("xml/multi-call.xml").calls + Fixtures.read("text/timestamps.txt").calls
        #expect(calls.count == 4)
        let data = try JSONEncoder().encode(calls)
        #expect(try JSONDecoder().decode([Call].self, from: data) == calls)
    }

    @Test("The inspect JSON of a call decodes back to the same call")
    func inspectJSONDecodes() throws {
        for call in Fixtures.read("xml/multi-call.xml").calls {
            var json = JSONWriter()
            call.write(to: &json)
            #expect(try JSONDecoder().decode(Call.self, from: Data(json.text.utf8)) == call)
        }
    }

    @Test("Role queries and timing facts")
    func queries() throws {
        let call = try #require(Fixtures.read("xml/single-call.xml").call)
        #expect(call.turns(by: .agent).map(\.index) == [0])
        #expect(call.turns(by: .other).map(\.turn.label) == ["IVR"])
        #expect(call.isTimed)
        #expect(call.turns[0].duration == 2.5)
        #expect(Fixtures.read("text/fullwidth-t-c.txt").call?.isTimed == false)
    }
}
