/// Turns the raw bytes of a text input into validated UTF-8.
///
/// Accepts UTF-8 with or without a byte-order mark, and UTF-16 (either byte
/// order) when it starts with a byte-order mark, as Windows tools write it.
/// Rejects binary data and invalid UTF-8 with the line and column of the first
/// bad byte — never silently replaces it.
enum TextDecoding {
    /// How much of an input is examined to tell text from binary data.
    static let sniffLength = 8192

    /// Returns the input as UTF-8 bytes without a byte-order mark.
    static func utf8(_ bytes: [UInt8]) throws(TranscriptError) -> ArraySlice<UInt8> {
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            throw .unsupportedEncoding(name: "UTF-32")
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try transcodeUTF16(bytes.dropFirst(2), bigEndian: false) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try transcodeUTF16(bytes.dropFirst(2), bigEndian: true) }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        if let offset = binaryOffset(in: body.prefix(sniffLength)) {
            throw .binary(offset: offset - bytes.startIndex)
        }
        if let bad = UTF8Validation.firstInvalidOffset(in: body) {
            let (line, column) = position(of: bad, in: body)
            throw .invalidUTF8(line: line, column: column, byte: body[bad])
        }
        return body
    }

    /// The offset of the first byte that marks binary data: NUL, or a control
    /// code no text transcript contains (tab, line feed, carriage return and
    /// form feed are text).
    static func binaryOffset(in bytes: ArraySlice<UInt8>) -> Int? {
        bytes.firstIndex { byte in
            byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B
        }
    }

    /// The 1-based line and column (in Unicode scalars) of a byte offset.
    static func position(of offset: Int, in bytes: ArraySlice<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = bytes.startIndex
        for index in bytes.startIndex..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        // Count scalars: every byte that is not a UTF-8 continuation byte starts one.
        let column = bytes[lineStart..<offset].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return (line, column)
    }

    private static func transcodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) throws(TranscriptError)
        -> ArraySlice<UInt8>
    {
        guard bytes.count % 2 == 0 else { throw .unsupportedEncoding(name: "UTF-16 with an odd number of bytes") }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            throw .unsupportedEncoding(name: "malformed UTF-16 (an unpaired surrogate)")
        }
        let utf8 = Array(text.utf8)
        if let offset = binaryOffset(in: utf8.prefix(sniffLength)) { throw .binary(offset: offset) }
        return utf8[...]
    }
}
