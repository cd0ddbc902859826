import CallQA
import Foundation
import Testing

@Suite("JSON writer")
struct JSONWriterTests {
    @Test(
        "Strings are escaped so any text parses back exactly",
        arguments: [
            "plain", "quote \" and backslash \\", "line\nbreak\r\ttab", "\u{01}\u{1F}", "中文，全角：标点", "emoji 🎧", "",
        ])
    func escaping(text: String) throws {
        let parsed = try JSONSerialization.jsonObject(
            with: Data(JSONWriter.quoted(text).utf8), options: .fragmentsAllowed)
        #expect(parsed as? String == text)
    }

    @Test("Numbers are written shortest, non-finite ones as null")
    func numbers() {
        var json = JSONWriter(pretty: false)
        json.array { json in
            for number in [0.0, 3.0, 3.1, -2.5, .nan, .infinity] { json.value(number) }
        }
        #expect(json.text == "[0,3,3.1,-2.5,null,null]")
    }

    @Test("Fields keep the order they were written in; nil fields are left out")
    func order() {
        var json = JSONWriter(pretty: false)
        json.object { json in
            json.field("z", "last letter")
            json.field("a", 1)
            json.field("missing", nil as String?)
            json.key("list")
            json.array { json in
                json.value(true)
                json.null()
            }
            json.field("empty", [String: String]())
        }
        #expect(json.text == #"{"z":"last letter","a":1,"list":[true,null],"empty":{}}"#)
    }

    @Test("The inspect stream is one valid JSON document, empty or not")
    func inspectStream() throws {
        for calls in [[], Fixtures.read("xml/multi-call.xml").calls] {
            var stream = InspectJSONStream()
            var text = stream.opening()
            for call in calls { text += stream.call(call) }
            text += stream.closing(diagnostics: [
                Diagnostic(.error, source: "x.txt", line: 3, message: "bad"),
                Diagnostic(.warning, source: "y.txt", message: "odd"),
            ])
            let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect((document["calls"] as? [Any])?.count == calls.count)
            #expect((document["errors"] as? [[String: Any]])?.first?["line"] as? Int == 3)
            #expect((document["warnings"] as? [[String: Any]])?.first?["message"] as? String == "odd")
        }
    }
}
