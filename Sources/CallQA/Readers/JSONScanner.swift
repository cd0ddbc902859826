/// A pull scanner over JSON text (RFC 8259) in UTF-8: it hands out one event
/// at a time — an object or array beginning or ending, a key, a string, a
/// number, `true`, `false`, `null` — and builds no tree, so a reader keeps
/// only the values it asks for.
///
/// The scanner is strict: whatever the reader asks for or skips, every byte
/// of the input is checked against the grammar (no trailing commas, no
/// comments, no single quotes, no leading zeros or `+`, no bare control
/// characters or invalid UTF-8 in strings, no unpaired surrogates in
/// `\uXXXX` escapes, nothing after the value), and arrays and objects may
/// nest ``maximumDepth`` levels at most. A fault is a ``JSONSyntaxError``
/// with its line and column.
///
/// A string's or number's text is only checked as it is passed; it becomes a
/// Swift value only when asked for (``string()``, ``number()``), so skipped
/// values cost no allocation. Keys are compared in place (``keyIs(_:)``).
///
/// ```swift
/// var scanner = JSONScanner(Array(#"{"items": [1, 2]}"#.utf8))
/// guard try scanner.beginObject() else { return }
/// while try scanner.nextMember() {
///     if scanner.keyIs("items"), try scanner.beginArray() {
///         while try scanner.nextElement() { print(try scanner.scalar()) }
///     } else {
///         try scanner.skipValue()
///     }
/// }
/// try scanner.finish()
/// ```
struct JSONScanner {
    /// What the scanner met.
    enum Event: Equatable, Sendable {
        /// `{`
        case objectStart
        /// `}`
        case objectEnd
        /// `[`
        case arrayStart
        /// `]`
        case arrayEnd
        /// A member's name (with its colon); see ``keyIs(_:)`` and ``string()``.
        case key
        /// A string value; see ``string()``.
        case string
        /// A number; see ``number()`` and ``numberText``.
        case number
        /// `true` or `false`.
        case bool(Bool)
        /// `null`
        case null
        /// The end of the input, after the one top-level value.
        case end
    }

    /// A value read whole: a string, a number, a literal, or the note that
    /// it was an array or object (skipped, not kept).
    enum Value: Equatable, Sendable {
        /// A string, unescaped.
        case string(String)
        /// A number, as ``Double`` reads its text (`1e400` is infinite).
        case number(Double)
        /// `true` or `false`.
        case bool(Bool)
        /// `null`
        case null
        /// An array or an object, skipped.
        case container

        /// The string, when the value is one.
        var text: String? {
            if case .string(let text) = self { return text }
            return nil
        }
    }

    /// How deeply arrays and objects nest when no limit is given.
    static let defaultMaximumDepth = 64

    /// The most arrays and objects open at once.
    let maximumDepth: Int

    private let bytes: ArraySlice<UInt8>
    private var position: Int
    private var state = State.topValue
    /// Where each open container begins: the offset of its `{` or `[`.
    private var containers: [Int] = []
    /// The last key's, string's or number's text, between its quotes for a string.
    private var token: Range<Int>
    /// Whether ``token`` holds escapes, so that it must be decoded.
    private var tokenHasEscapes = false
    /// Decoded bytes of an escaped key, reused.
    private var scratch: [UInt8] = []

    private enum State {
        /// The document's value.
        case topValue
        /// A value: after a colon, or after a comma in an array.
        case value
        /// After `[`: a value or `]`.
        case firstElement
        /// After a comma in an object: a key.
        case key
        /// After `{`: a key or `}`.
        case firstKey
        /// After a value: a comma, or the end of its container.
        case separator
        /// After the top-level value: nothing but white space.
        case finished
    }

    /// Creates a scanner over `bytes`, which should hold UTF-8 without a
    /// byte-order mark (a mark is an unexpected character).
    ///
    /// - Parameter maximumDepth: the most arrays and objects open at once;
    ///   deeper nesting is an error.
    init(_ bytes: ArraySlice<UInt8>, maximumDepth: Int = defaultMaximumDepth) {
        self.bytes = bytes
        self.maximumDepth = max(1, maximumDepth)
        position = bytes.startIndex
        token = bytes.startIndex..<bytes.startIndex
    }

    /// Creates a scanner over the whole of `bytes`.
    init(_ bytes: [UInt8], maximumDepth: Int = defaultMaximumDepth) {
        self.init(bytes[...], maximumDepth: maximumDepth)
    }

    /// How many arrays and objects are open.
    var depth: Int { containers.count }

    // MARK: - Events

    /// The next event; ``Event/end`` at the end of the input, and again
    /// after it.
    mutating func next() throws(JSONSyntaxError) -> Event {
        while true {
            skipWhiteSpace()
            switch state {
            case .finished:
                if position < bytes.endIndex {
                    throw fault(at: position, "\(found(at: position)) after the end of the JSON value")
                }
                return .end
            case .separator:
                guard let opening = containers.last else {
                    state = .finished
                    continue
                }
                let isObject = bytes[opening] == UInt8(ascii: "{")
                guard position < bytes.endIndex else {
                    let (line, column) = TextDecoding.position(of: opening, in: bytes)
                    throw fault(
                        at: position,
                        "the input ends inside the \(isObject ? "object" : "array") begun on line \(line), column \(column)"
                    )
                }
                switch bytes[position] {
                case UInt8(ascii: ","):
                    position += 1
                    state = isObject ? .key : .value
                case UInt8(ascii: "}") where isObject:
                    return close()
                case UInt8(ascii: "]") where !isObject:
                    return close()
                default:
                    let expected = isObject ? "',' or '}' after an object member" : "',' or ']' after an array element"
                    throw fault(at: position, "expected \(expected), found \(found(at: position))")
                }
            case .firstKey, .key:
                if state == .firstKey, position < bytes.endIndex, bytes[position] == UInt8(ascii: "}") {
                    return close()
                }
                return try scanKey()
            case .firstElement:
                if position < bytes.endIndex, bytes[position] == UInt8(ascii: "]") { return close() }
                return try scanValue()
            case .value, .topValue:
                return try scanValue()
            }
        }
    }

    /// The current key or string, unescaped.
    func string() -> String {
        guard tokenHasEscapes else { return String(decoding: bytes[token], as: UTF8.self) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(token.count)
        Self.unescape(bytes[token], into: &decoded)
        return String(decoding: decoded, as: UTF8.self)
    }

    /// Whether the current key is `name`, compared without allocating.
    mutating func keyIs(_ name: StaticString) -> Bool {
        let expected = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        guard tokenHasEscapes else {
            // Keys of another length, the most a reader meets, are told apart at once.
            guard token.count == expected.count else { return false }
            var offset = 0
            while offset < expected.count, bytes[token.lowerBound + offset] == expected[offset] { offset += 1 }
            return offset == expected.count
        }
        scratch.removeAll(keepingCapacity: true)
        Self.unescape(bytes[token], into: &scratch)
        return scratch.elementsEqual(expected)
    }

    /// The current number's text, as written.
    var numberText: Substring {
        Substring(decoding: bytes[token], as: UTF8.self)
    }

    /// The current number as ``Double`` reads its text: the nearest value,
    /// infinite beyond the range of a ``Double``.
    func number() -> Double {
        Double(numberText) ?? .nan
    }

    // MARK: - A cursor over values

    /// At a value: enters it when it is an object (`true`), or skips it.
    mutating func beginObject() throws(JSONSyntaxError) -> Bool {
        try begin(UInt8(ascii: "{"))
    }

    /// At a value: enters it when it is an array (`true`), or skips it.
    mutating func beginArray() throws(JSONSyntaxError) -> Bool {
        try begin(UInt8(ascii: "["))
    }

    /// Inside an object: moves to the next member's value (`true`; its key is
    /// the current one), or past the object's end (`false`). The value must
    /// be read or skipped before the next call.
    mutating func nextMember() throws(JSONSyntaxError) -> Bool {
        switch try next() {
        case .key: return true
        case .objectEnd: return false
        default: throw fault(at: position, "expected a key")
        }
    }

    /// Inside an array: moves to the next element (`true`), or past the
    /// array's end (`false`). The element must be read or skipped before
    /// the next call.
    mutating func nextElement() throws(JSONSyntaxError) -> Bool {
        skipWhiteSpace()
        if state == .separator, let opening = containers.last, bytes[opening] == UInt8(ascii: "["),
            position < bytes.endIndex,
            bytes[position] == UInt8(ascii: ",")
        {
            position += 1
            state = .value
            return true
        }
        if state == .firstElement, position < bytes.endIndex, bytes[position] != UInt8(ascii: "]") {
            return true
        }
        // The array's end, or the error that stands in its place.
        switch try next() {
        case .arrayEnd: return false
        default: throw fault(at: position, "expected an array element")
        }
    }

    /// At a value: reads it whole when it is a string, number or literal;
    /// an array or object is skipped.
    mutating func scalar() throws(JSONSyntaxError) -> Value {
        switch try next() {
        case .string: return .string(string())
        case .number: return .number(number())
        case .bool(let value): return .bool(value)
        case .null: return .null
        case .objectStart, .arrayStart:
            try skipContainer()
            return .container
        case .key, .objectEnd, .arrayEnd, .end:
            throw fault(at: position, "expected a value")
        }
    }

    /// At a value: the elements of an array, each read by `element` (which
    /// must read or skip the element whole); `nil` when the value is not an
    /// array, which is then skipped.
    mutating func array<Element>(
        _ element: (inout JSONScanner) throws(JSONSyntaxError) -> Element
    ) throws(JSONSyntaxError) -> [Element]? {
        guard try beginArray() else { return nil }
        var elements: [Element] = []
        while try nextElement() { elements.append(try element(&self)) }
        return elements
    }

    /// At a value: passes over it, checking it all the same.
    mutating func skipValue() throws(JSONSyntaxError) {
        _ = try scalar()
    }

    /// After the top-level value: checks that nothing but white space follows.
    mutating func finish() throws(JSONSyntaxError) {
        while try next() != .end {}
    }

    private mutating func begin(_ bracket: UInt8) throws(JSONSyntaxError) -> Bool {
        skipWhiteSpace()
        if position < bytes.endIndex, bytes[position] == bracket {
            _ = try next()
            return true
        }
        try skipValue()
        return false
    }

    /// Passes over the rest of the container just entered.
    private mutating func skipContainer() throws(JSONSyntaxError) {
        let outer = containers.count - 1
        while containers.count > outer {
            _ = try next()
        }
    }

    // MARK: - Scanning

    private mutating func skipWhiteSpace() {
        while position < bytes.endIndex {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func close() -> Event {
        let isObject = bytes[containers.removeLast()] == UInt8(ascii: "{")
        position += 1
        state = containers.isEmpty ? .finished : .separator
        return isObject ? .objectEnd : .arrayEnd
    }

    private mutating func open(object: Bool) throws(JSONSyntaxError) -> Event {
        guard containers.count < maximumDepth else {
            throw fault(at: position, "arrays and objects nested deeper than \(maximumDepth) levels")
        }
        containers.append(position)
        position += 1
        state = object ? .firstKey : .firstElement
        return object ? .objectStart : .arrayStart
    }

    private mutating func scanKey() throws(JSONSyntaxError) -> Event {
        guard position < bytes.endIndex, bytes[position] == UInt8(ascii: "\"") else {
            throw fault(at: position, "expected a key in double quotes, found \(found(at: position))")
        }
        try scanString()
        skipWhiteSpace()
        guard position < bytes.endIndex, bytes[position] == UInt8(ascii: ":") else {
            throw fault(at: position, "expected ':' after a key, found \(found(at: position))")
        }
        position += 1
        state = .value
        return .key
    }

    private mutating func scanValue() throws(JSONSyntaxError) -> Event {
        guard position < bytes.endIndex else {
            throw fault(at: position, state == .topValue ? "no JSON value: the input is empty" : "expected a value")
        }
        let event: Event
        switch bytes[position] {
        case UInt8(ascii: "{"): return try open(object: true)
        case UInt8(ascii: "["): return try open(object: false)
        case UInt8(ascii: "\""):
            try scanString()
            event = .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try scanNumber()
            event = .number
        case UInt8(ascii: "t"):
            try scanLiteral("true")
            event = .bool(true)
        case UInt8(ascii: "f"):
            try scanLiteral("false")
            event = .bool(false)
        case UInt8(ascii: "n"):
            try scanLiteral("null")
            event = .null
        default:
            throw fault(at: position, "expected a value, found \(found(at: position))")
        }
        state = containers.isEmpty ? .finished : .separator
        return event
    }

    private mutating func scanLiteral(_ word: StaticString) throws(JSONSyntaxError) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for (offset, byte) in expected.enumerated() {
            guard position + offset < bytes.endIndex, bytes[position + offset] == byte else {
                throw fault(at: position, "expected a value, found \(found(at: position))")
            }
        }
        position += expected.count
    }

    /// A number: `-`, then `0` or digits without a leading zero, then an
    /// optional fraction and exponent, each with at least one digit.
    private mutating func scanNumber() throws(JSONSyntaxError) {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard let first = byte(at: position), Self.isDigit(first) else {
            throw fault(at: position, "expected a digit, found \(found(at: position))")
        }
        position += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if byte(at: position) == UInt8(ascii: ".") {
            position += 1
            try requireDigits(after: "'.'")
        }
        if let mark = byte(at: position), mark == UInt8(ascii: "e") || mark == UInt8(ascii: "E") {
            position += 1
            if let sign = byte(at: position), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { position += 1 }
            try requireDigits(after: "an exponent")
        }
        token = start..<position
        tokenHasEscapes = false
    }

    private mutating func requireDigits(after what: String) throws(JSONSyntaxError) {
        guard let digit = byte(at: position), Self.isDigit(digit) else {
            throw fault(at: position, "expected a digit after \(what), found \(found(at: position))")
        }
        skipDigits()
    }

    private mutating func skipDigits() {
        while let digit = byte(at: position), Self.isDigit(digit) { position += 1 }
    }

    /// A string from its opening quote: escapes and UTF-8 are checked, the
    /// text between the quotes becomes the token.
    private mutating func scanString() throws(JSONSyntaxError) {
        let opening = position
        position += 1
        let start = position
        var escapes = false
        var nonASCII: UInt8 = 0
        while true {
            guard position < bytes.endIndex else {
                throw fault(at: opening, "a string is not closed: its closing '\"' is missing")
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                escapes = true
                try scanEscape()
                continue
            }
            if byte < 0x20 {
                throw fault(at: position, "a control character (\(Self.hex(byte))) in a string must be escaped")
            }
            nonASCII |= byte
            position += 1
        }
        // Bytes of UTF-8 sequences are never a quote or a backslash, so the
        // string's end is found before its UTF-8 is checked.
        if nonASCII >= 0x80, let bad = TextDecoding.firstInvalidOffset(in: bytes[start..<position]) {
            throw fault(at: bad, "invalid UTF-8 in a string (byte \(Self.hex(bytes[bad])))")
        }
        token = start..<position
        tokenHasEscapes = escapes
        position += 1
    }

    /// An escape from its backslash; a `\u` escape of a UTF-16 surrogate
    /// must be one of a pair.
    private mutating func scanEscape() throws(JSONSyntaxError) {
        let backslash = position
        guard let kind = byte(at: position + 1) else {
            throw fault(at: backslash, "a string is not closed: the input ends in an escape")
        }
        switch kind {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 2
        case UInt8(ascii: "u"):
            let unit = try hexUnit(at: backslash)
            position += 6
            if (0xDC00...0xDFFF).contains(unit) {
                throw fault(
                    at: backslash, "\\u\(Self.hex4(unit)) is the second half of a surrogate pair without a first")
            }
            if (0xD800...0xDBFF).contains(unit) {
                var low: UInt16?
                if byte(at: position) == UInt8(ascii: "\\"), byte(at: position + 1) == UInt8(ascii: "u") {
                    low = try hexUnit(at: position)
                }
                guard let low, (0xDC00...0xDFFF).contains(low) else {
                    throw fault(
                        at: backslash,
                        "\\u\(Self.hex4(unit)) is the first half of a surrogate pair without its second (\\uDC00–\\uDFFF)"
                    )
                }
                position += 6
            }
        default:
            throw fault(at: backslash, "invalid escape '\\\(Self.show(kind))' in a string")
        }
    }

    /// The four hex digits of the `\u` escape whose backslash is at `index`.
    private func hexUnit(at index: Int) throws(JSONSyntaxError) -> UInt16 {
        var unit: UInt16 = 0
        for offset in 2..<6 {
            guard let digit = byte(at: index + offset).flatMap(Self.hexValue) else {
                throw fault(at: index, "\\u must be followed by four hex digits")
            }
            unit = unit << 4 | UInt16(digit)
        }
        return unit
    }

    // MARK: - Decoding

    /// Appends the UTF-8 of checked string text with its escapes resolved.
    private static func unescape(_ text: ArraySlice<UInt8>, into output: inout [UInt8]) {
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                index += 1
                continue
            }
            let kind = text[index + 1]
            index += 2
            switch kind {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = UInt32(unit(in: text, at: index))
                index += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    let low = UInt32(unit(in: text, at: index + 2))
                    index += 6
                    scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00)
                }
                appendUTF8(scalar, to: &output)
            default: output.append(kind) // " \ /
            }
        }
    }

    private static func unit(in text: ArraySlice<UInt8>, at index: Int) -> UInt16 {
        var unit: UInt16 = 0
        for offset in 0..<4 { unit = unit << 4 | UInt16(hexValue(text[index + offset]) ?? 0) }
        return unit
    }

    private static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            output.append(UInt8(scalar))
        case ..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    // MARK: - Bytes and faults

    private func byte(at index: Int) -> UInt8? {
        index < bytes.endIndex ? bytes[index] : nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        "0x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
    }

    private static func hex4(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// A byte as a message shows it: printable ASCII in quotes, else in hex.
    private static func show(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? String(UnicodeScalar(byte)) : hex(byte)
    }

    /// What stands at `index`, for a message.
    private func found(at index: Int) -> String {
        guard let byte = byte(at: index) else { return "the end of the input" }
        if (0x21...0x7E).contains(byte) { return "'\(Self.show(byte))'" }
        if byte == 0xEF, bytes[index...].starts(with: TextDecoding.utf8Mark) { return "a byte-order mark" }
        return "byte \(Self.hex(byte))"
    }

    private func fault(at index: Int, _ reason: String) -> JSONSyntaxError {
        let (line, column) = TextDecoding.position(of: index, in: bytes)
        return JSONSyntaxError(offset: index - bytes.startIndex, line: line, column: column, reason: reason)
    }
}

/// JSON text that breaks RFC 8259, or nests deeper than a reader allows.
struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The offset of the fault in the input, in bytes.
    var offset: Int
    /// The 1-based line of the fault.
    var line: Int
    /// The 1-based column of the fault, in Unicode scalars.
    var column: Int
    /// What is wrong.
    var reason: String

    /// `line L, column C: reason`.
    var description: String { "line \(line), column \(column): \(reason)" }
}
