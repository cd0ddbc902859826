/// Writes JSON text with fields in the order they are written.
///
/// Field order is part of CallQA's output contract (people read the output,
/// and diffs of it), so output is written directly rather than through
/// `JSONEncoder`, whose key order is either unspecified or alphabetical.
///
/// ```swift
/// var json = JSONWriter(pretty: true)
/// json.object {
///     json.field("id", "call-1")
///     json.field("score", 87.5)
/// }
/// print(json.text)
/// ```
package struct JSONWriter: Sendable {
    /// The JSON written so far, as UTF-8.
    package private(set) var bytes: [UInt8] = []
    /// The JSON written so far.
    package var text: String { String(decoding: bytes, as: UTF8.self) }
    /// Whether to indent by two spaces and put each value on its own line.
    package let pretty: Bool
    private var depth = 0
    private var needsComma = false
    private var afterKey = false

    /// Creates a writer.
    ///
    /// - Parameters:
    ///   - pretty: indent nested values; otherwise write everything on one line.
    ///   - depth: the nesting level the text starts at, when it continues a
    ///     document written elsewhere.
    package init(pretty: Bool = true, depth: Int = 0) {
        self.pretty = pretty
        self.depth = depth
        bytes.reserveCapacity(4096)
    }

    /// Writes an object whose fields `body` writes.
    package mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(0x7B)
        body(&self)
        close(0x7D)
    }

    /// Writes an array whose elements `body` writes.
    package mutating func array(_ body: (inout JSONWriter) -> Void) {
        open(0x5B)
        body(&self)
        close(0x5D)
    }

    /// Writes a key; the next value written is its value.
    package mutating func key(_ name: String) {
        separate()
        Self.appendQuoted(name, to: &bytes)
        if pretty { bytes.append(contentsOf: [0x3A, 0x20]) } else { bytes.append(0x3A) }
        afterKey = true
    }

    /// Writes a string value.
    package mutating func value(_ string: String) {
        separate()
        Self.appendQuoted(string, to: &bytes)
    }
    /// Writes a number value.
    package mutating func value(_ number: Int) { scalar(String(number)) }
    /// Writes a number value, shortest (``NumberText/shortest(_:)``); non-finite numbers are written as `null`.
    package mutating func value(_ number: Double) { scalar(NumberText.shortest(number)) }
    /// Writes `true` or `false`.
    package mutating func value(_ flag: Bool) { scalar(flag ? "true" : "false") }
    /// Writes `null`.
    package mutating func null() { scalar("null") }

    /// Writes a field with a string value; a `nil` value writes nothing.
    package mutating func field(_ name: String, _ string: String?) {
        guard let string else { return }
        key(name)
        value(string)
    }

    /// Writes a field with an integer value; a `nil` value writes nothing.
    package mutating func field(_ name: String, _ number: Int?) {
        guard let number else { return }
        key(name)
        value(number)
    }

    /// Writes a field with a number value; a `nil` value writes nothing.
    package mutating func field(_ name: String, _ number: Double?) {
        guard let number else { return }
        key(name)
        value(number)
    }

    /// Writes a field with a Boolean value.
    package mutating func field(_ name: String, _ flag: Bool) {
        key(name)
        value(flag)
    }

    /// Writes a field whose value is an array of strings.
    package mutating func field(_ name: String, _ strings: [String]) {
        key(name)
        array { json in strings.forEach { json.value($0) } }
    }

    /// Writes a field whose value is an object of string values, keys sorted.
    package mutating func field(_ name: String, _ dictionary: [String: String]) {
        key(name)
        object { json in
            for key in dictionary.keys.sorted() { json.field(key, dictionary[key]) }
        }
    }

    // MARK: - Text

    /// A JSON string literal for `string`.
    ///
    /// Works on UTF-8 bytes: runs that need no escaping (all of most text)
    /// are copied whole.
    package static func quoted(_ string: String) -> String {
        var output: [UInt8] = []
        appendQuoted(string, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// The bytes that may need an escape: controls, `"`, `\`, DEL, and 0xC2
    /// (which leads the C1 controls); one look-up per byte of a string.
    private static let mayEscape: [Bool] = (0..<256).map { byte in
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xC2
    }

    /// Appends the JSON string literal for `string` to `output`.
    static func appendQuoted(_ string: String, to output: inout [UInt8]) {
        var string = string
        string.withUTF8 { bytes in
            output.append(0x22)
            var runStart = 0
            let mayEscape = Self.mayEscape
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard mayEscape[Int(byte)] else { continue }
                // DEL and the C1 controls (U+0080–U+009F: 0xC2 0x80–0x9F) are
                // escaped too, so JSON shown on a terminal cannot drive it.
                let control =
                    byte == 0x7F || (byte == 0xC2 && index + 1 < bytes.count && bytes[index + 1] & 0xE0 == 0x80)
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C || control else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                if control && byte == 0xC2 {
                    let hex = Array("0123456789abcdef".utf8)
                    let value = 0x80 | (bytes[index + 1] & 0x1F)
                    output.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(value >> 4)], hex[Int(value & 0xF)]])
                    runStart = index + 2
                    continue
                }
                switch byte {
                case 0x22: output.append(contentsOf: [0x5C, 0x22])
                case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: output.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: output.append(contentsOf: [0x5C, 0x72])
                case 0x09: output.append(contentsOf: [0x5C, 0x74])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    output.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
            output.append(0x22)
        }
    }

    private mutating func scalar(_ literal: String) {
        separate()
        bytes.append(contentsOf: literal.utf8)
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        depth += 1
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if needsComma { newline() }
        bytes.append(bracket)
        needsComma = true
    }

    /// Puts a comma and a line break before a value, unless it follows its key.
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        if needsComma { bytes.append(0x2C) }
        if depth > 0 { newline() }
        needsComma = true
    }

    private mutating func newline() {
        guard pretty else { return }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * depth))
    }
}
