import Testing

@testable import CallQA

@Suite("JSON scanner: events, escapes, numbers, strict errors with positions, nesting limit")
struct JSONScannerTests {
    /// Every event of `text`, with the value of each key, string and number.
    static func events(_ text: String, maximumDepth: Int = JSONScanner.defaultMaximumDepth) throws(JSONSyntaxError)
        -> [String]
    {
        var scanner = JSONScanner(Array(text.utf8), maximumDepth: maximumDepth)
        var events: [String] = []
        while true {
            let event = try scanner.next()
            switch event {
            case .objectStart: events.append("{")
            case .objectEnd: events.append("}")
            case .arrayStart: events.append("[")
            case .arrayEnd: events.append("]")
            case .key: events.append("key \(scanner.string())")
            case .string: events.append("string \(scanner.string())")
            case .number: events.append("number \(scanner.numberText)")
            case .bool(let value): events.append("\(value)")
            case .null: events.append("null")
            case .end: return events
            }
        }
    }

    /// The error `text` gives.
    static func error(_ text: String, maximumDepth: Int = JSONScanner.defaultMaximumDepth) -> JSONSyntaxError? {
        do {
            _ = try events(text, maximumDepth: maximumDepth)
            return nil
        } catch {
            return error
        }
    }

    @Test("Every kind of value, in order, with white space anywhere between tokens")
    func allEvents() throws {
        let text = " {\"a\" :[1, -2.5e3 ,\"x\",true,false,null,{},[]],\r\n\t\"b\":{\"c\":\"\"}} \n"
        #expect(
            try Self.events(text) == [
                "{", "key a", "[", "number 1", "number -2.5e3", "string x", "true", "false", "null", "{", "}",
                "[", "]", "]", "key b", "{", "key c", "string ", "}", "}",
            ])
        #expect(try Self.events("\"alone\"") == ["string alone"])
        #expect(try Self.events(" 42 ") == ["number 42"])
        #expect(try Self.events("null") == ["null"])
    }

    @Test(
        "Escapes are resolved: the short ones, \\u in either case, surrogate pairs; raw UTF-8 passes unchanged",
        arguments: [
            (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{8}\u{C}\n\r\t"),
            (#""\u0041\u00e9\u00E9\u4E2D\u6587""#, "Aéé中文"),
            (#""\uD83D\uDE00 and \ud83d\ude00""#, "😀 and 😀"),
            (#""\u0000""#, "\u{0}"),
            (#""您好，a\u0062c😀""#, "您好，abc😀"),
            (#""tab\tin \"quotes\"""#, "tab\tin \"quotes\""),
        ])
    func escapes(json: String, expected: String) throws {
        #expect(try Self.events(json) == ["string \(expected)"])
    }

    @Test("A key is compared in place, escaped or not")
    func keys() throws {
        var scanner = JSONScanner(Array(#"{"items": 1, "it\u0065ms": 2, "item": 3, "itemsx": 4}"#.utf8))
        #expect(try scanner.beginObject())
        var matches: [Bool] = []
        while try scanner.nextMember() {
            matches.append(scanner.keyIs("items"))
            try scanner.skipValue()
        }
        #expect(matches == [true, true, false, false])
        try scanner.finish()
    }

    @Test(
        "Numbers: the grammar's every form, read as Double reads them",
        arguments: [
            ("0", 0.0), ("-0", -0.0), ("12", 12), ("1.5", 1.5), ("-0.25", -0.25), ("1e3", 1000), ("1E+3", 1000),
            ("2e-2", 0.02), ("123456789012345678901234567890", 1.2345678901234568e29), ("1e308", 1e308),
            ("1e400", .infinity), ("-1e400", -.infinity), ("0.0000", 0),
        ])
    func numbers(text: String, value: Double) throws {
        var scanner = JSONScanner(Array("[\(text)]".utf8))
        #expect(try scanner.beginArray())
        #expect(try scanner.nextElement())
        #expect(try scanner.scalar() == .number(value))
        #expect(try !scanner.nextElement())
        try scanner.finish()
    }

    /// A text that breaks the grammar, where, and why.
    struct Broken: CustomStringConvertible, Sendable {
        var text: String
        var line: Int
        var column: Int
        var reason: String
        var description: String { text }
    }

    static let broken: [Broken] = [
        // Numbers.
        Broken(text: "[01]", line: 1, column: 3, reason: "expected ',' or ']' after an array element, found '1'"),
        Broken(text: "[+1]", line: 1, column: 2, reason: "expected a value, found '+'"),
        Broken(text: "[.5]", line: 1, column: 2, reason: "expected a value, found '.'"),
        Broken(text: "[1.]", line: 1, column: 4, reason: "expected a digit after '.', found ']'"),
        Broken(text: "[1e]", line: 1, column: 4, reason: "expected a digit after an exponent, found ']'"),
        Broken(text: "[-]", line: 1, column: 3, reason: "expected a digit, found ']'"),
        Broken(text: "[0x10]", line: 1, column: 3, reason: "expected ',' or ']' after an array element, found 'x'"),
        Broken(text: "[NaN]", line: 1, column: 2, reason: "expected a value, found 'N'"),
        Broken(text: "[Infinity]", line: 1, column: 2, reason: "expected a value, found 'I'"),
        // Literals, commas, colons, quotes, comments.
        Broken(text: "[tru]", line: 1, column: 2, reason: "expected a value, found 't'"),
        Broken(text: "[True]", line: 1, column: 2, reason: "expected a value, found 'T'"),
        Broken(text: "[1,]", line: 1, column: 4, reason: "expected a value, found ']'"),
        Broken(text: "[1 2]", line: 1, column: 4, reason: "expected ',' or ']' after an array element, found '2'"),
        Broken(text: "{\"a\":1,}", line: 1, column: 8, reason: "expected a key in double quotes, found '}'"),
        Broken(text: "{\"a\" 1}", line: 1, column: 6, reason: "expected ':' after a key, found '1'"),
        Broken(text: "{'a':1}", line: 1, column: 2, reason: "expected a key in double quotes, found '''"),
        Broken(text: "{a:1}", line: 1, column: 2, reason: "expected a key in double quotes, found 'a'"),
        Broken(
            text: "{\"a\":1 \"b\":2}", line: 1, column: 8,
            reason: "expected ',' or '}' after an object member, found '\"'"),
        Broken(text: "[1] // note", line: 1, column: 5, reason: "'/' after the end of the JSON value"),
        Broken(text: "{} {}", line: 1, column: 4, reason: "'{' after the end of the JSON value"),
        Broken(text: "[1}", line: 1, column: 3, reason: "expected ',' or ']' after an array element, found '}'"),
        // Strings.
        Broken(text: "[\"open]", line: 1, column: 2, reason: "a string is not closed: its closing '\"' is missing"),
        Broken(
            text: "[\"a\tb\"]", line: 1, column: 4, reason: "a control character (0x09) in a string must be escaped"),
        Broken(
            text: "[\"line\nbreak\"]", line: 1, column: 7,
            reason: "a control character (0x0A) in a string must be escaped"),
        Broken(text: #"["\x"]"#, line: 1, column: 3, reason: "invalid escape '\\x' in a string"),
        Broken(text: #"["\u12"]"#, line: 1, column: 3, reason: "\\u must be followed by four hex digits"),
        Broken(text: #"["\uGHIJ"]"#, line: 1, column: 3, reason: "\\u must be followed by four hex digits"),
        Broken(
            text: #"["a\uD83D"]"#, line: 1, column: 4,
            reason: "\\uD83D is the first half of a surrogate pair without its second (\\uDC00–\\uDFFF)"),
        Broken(
            text: #"["\uD83D\u0041"]"#, line: 1, column: 3,
            reason: "\\uD83D is the first half of a surrogate pair without its second (\\uDC00–\\uDFFF)"),
        Broken(
            text: #"["\uDE00"]"#, line: 1, column: 3,
            reason: "\\uDE00 is the second half of a surrogate pair without a first"),
        Broken(text: "[\"\\", line: 1, column: 3, reason: "a string is not closed: the input ends in an escape"),
        // The end of the input.
        Broken(text: "", line: 1, column: 1, reason: "no JSON value: the input is empty"),
        Broken(text: "  \n ", line: 2, column: 2, reason: "no JSON value: the input is empty"),
        Broken(
            text: "{\"a\": [1,\n 2", line: 2, column: 3,
            reason: "the input ends inside the array begun on line 1, column 7"),
        Broken(text: "{\"a\":", line: 1, column: 6, reason: "expected a value"),
        Broken(text: "{\"a\"", line: 1, column: 5, reason: "expected ':' after a key, found the end of the input"),
        // Positions: lines count line feeds, columns count characters (Unicode scalars), not bytes.
        Broken(
            text: "{\n  \"说话人\": \"坐席\",\n  \"内容\": 您好\n}", line: 3, column: 9,
            reason: "expected a value, found byte 0xE6"),
        Broken(text: "\u{FEFF}{}", line: 1, column: 1, reason: "expected a value, found a byte-order mark"),
    ]

    @Test("Text that breaks RFC 8259 is an error naming the line, the column and the cause", arguments: broken)
    func errors(broken: Broken) {
        let error = Self.error(broken.text)
        #expect(error?.reason == broken.reason)
        #expect(error?.line == broken.line)
        #expect(error?.column == broken.column)
    }

    @Test("Invalid UTF-8 inside a string is an error at its byte")
    func invalidUTF8() {
        for bytes: [UInt8] in [[0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF8], [0xE4, 0xB8], [0xC0, 0xAF]] {
            var scanner = JSONScanner(Array("[\"ab".utf8) + bytes + Array("\"]".utf8))
            do {
                try scanner.finish()
                Issue.record("no error for \(bytes)")
            } catch {
                #expect(error.column == 5)
                #expect(error.offset == 4)
                #expect(
                    error.reason == "invalid UTF-8 in a string (byte 0x\(String(bytes[0], radix: 16, uppercase: true)))"
                )
            }
        }
    }

    @Test("Nesting is limited: the limit is allowed, one level more is an error at the bracket")
    func depth() throws {
        #expect(try Self.events("[[{\"a\":[]}]]", maximumDepth: 4).count == 9)
        let deeper = Self.error("[[{\"a\":[[]]}]]", maximumDepth: 4)
        #expect(deeper?.reason == "arrays and objects nested deeper than 4 levels")
        #expect(deeper?.column == 9)
        // A million brackets: an error at the limit, not a crash or a million levels held.
        let bomb = Self.error(String(repeating: "[", count: 1_000_000))
        #expect(bomb?.reason == "arrays and objects nested deeper than \(JSONScanner.defaultMaximumDepth) levels")
        #expect(bomb?.column == JSONScanner.defaultMaximumDepth + 1)
    }

    @Test("Skipped values are checked all the same: an error inside one is reported")
    func strictWhenSkipping() {
        var scanner = JSONScanner(Array(#"{"skip": {"deep": [1, 2,]}, "keep": 1}"#.utf8))
        #expect(throws: JSONSyntaxError(offset: 24, line: 1, column: 25, reason: "expected a value, found ']'")) {
            #expect(try scanner.beginObject())
            while try scanner.nextMember() { try scanner.skipValue() }
        }
    }

    @Test("The cursor: objects and arrays entered or skipped, scalars read whole, containers passed over")
    func cursor() throws {
        var scanner = JSONScanner(
            Array(#"{"n": 1.5, "s": "x", "o": {"a": [1, {"b": 2}]}, "a": [[], "y", null, true], "l": "last"}"#.utf8))
        #expect(try scanner.beginObject())
        var seen: [String: JSONScanner.Value] = [:]
        var array: [JSONScanner.Value]?
        while try scanner.nextMember() {
            let key = scanner.string()
            if key == "a" {
                array = try scanner.array { scanner throws(JSONSyntaxError) in try scanner.scalar() }
            } else {
                seen[key] = try scanner.scalar()
            }
        }
        try scanner.finish()
        #expect(seen == ["n": .number(1.5), "s": .string("x"), "o": .container, "l": .string("last")])
        #expect(array == [.container, .string("y"), .null, .bool(true)])

        var notAnObject = JSONScanner(Array(#"[1, [2]] "#.utf8))
        #expect(try !notAnObject.beginObject())
        #expect(try notAnObject.next() == .end)
        var notAnArray = JSONScanner(Array(#"{"a": [1]}"#.utf8))
        #expect(try notAnArray.array { scanner throws(JSONSyntaxError) in try scanner.scalar() } == nil)
        #expect(notAnArray.depth == 0)
        #expect(try notAnArray.next() == .end)
    }
}
