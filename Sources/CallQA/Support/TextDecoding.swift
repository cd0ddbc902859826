/// Turns the raw bytes of a text input into validated UTF-8.
///
/// Accepts UTF-8 with or without a byte-order mark, and UTF-16 (either byte
/// order) when it starts with a byte-order mark, as Windows tools write it.
/// Rejects binary data and invalid UTF-8 with the line and column of the first
/// bad byte — never silently replaces it.
///
/// Every reader that looks at an input's encoding — the readers of text forms,
/// the format detection, the XML reader's check for binary data — goes
/// through the byte-order marks and checks here.
enum TextDecoding {
    /// How much of an input is examined to tell text from binary data.
    static let sniffLength = 8192

    /// The byte-order mark of UTF-8.
    static let utf8Mark: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// The byte-order mark of little-endian UTF-16.
    static let utf16LittleEndianMark: [UInt8] = [0xFF, 0xFE]
    /// The byte-order mark of big-endian UTF-16.
    static let utf16BigEndianMark: [UInt8] = [0xFE, 0xFF]
    /// The byte-order marks of UTF-32, little- and big-endian.
    static let utf32Marks: [[UInt8]] = [[0xFF, 0xFE, 0x00, 0x00], [0x00, 0x00, 0xFE, 0xFF]]

    /// Returns the input as UTF-8 bytes without a byte-order mark.
    static func utf8(_ bytes: [UInt8]) throws(TranscriptError) -> ArraySlice<UInt8> {
        if utf32Marks.contains(where: { bytes.starts(with: $0) }) {
            throw .unsupportedEncoding(name: "UTF-32")
        }
        if bytes.starts(with: utf16LittleEndianMark) { return try transcodeUTF16(bytes.dropFirst(2), bigEndian: false) }
        if bytes.starts(with: utf16BigEndianMark) { return try transcodeUTF16(bytes.dropFirst(2), bigEndian: true) }
        let body = bytes.starts(with: utf8Mark) ? bytes.dropFirst(3) : bytes[...]
        if let offset = binaryOffset(in: body.prefix(sniffLength)) {
            throw .binary(offset: offset - bytes.startIndex)
        }
        if let bad = firstInvalidOffset(in: body) {
            let (line, column) = position(of: bad, in: body)
            throw .invalidUTF8(line: line, column: column, byte: body[bad])
        }
        return body
    }

    /// Whether the input starts with a UTF-16 byte-order mark (either order).
    static func startsWithUTF16Mark(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.starts(with: utf16LittleEndianMark) || bytes.starts(with: utf16BigEndianMark)
    }

    /// The offset of the first byte that marks binary data: NUL, or a control
    /// code no text transcript contains (tab, line feed, carriage return and
    /// form feed are text).
    static func binaryOffset(in bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            let count = buffer.count
            var index = 0
            while index < count {
                // Eight bytes at a time when none is below 0x20.
                if index + 8 <= count {
                    if !ByteWord(buffer, at: index).holdsByte(from: 0x00, through: 0x1F) {
                        index += 8
                        continue
                    }
                    for offset in index..<(index + 8) where isBinary(buffer[offset]) {
                        return bytes.startIndex + offset
                    }
                    index += 8
                    continue
                }
                if isBinary(buffer[index]) { return bytes.startIndex + index }
                index += 1
            }
            return nil
        }
    }

    @inline(__always)
    private static func isBinary(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B
    }

    /// Binary data in the first bytes of markup that libxml2 decodes itself:
    /// UTF-16 (with its byte-order mark) holds NUL bytes legitimately.
    static func binaryOffset(inMarkup prefix: [UInt8]) -> Int? {
        if startsWithUTF16Mark(prefix) { return nil }
        return binaryOffset(in: prefix.prefix(sniffLength))
    }

    /// The 1-based line and column (in Unicode scalars) of a byte offset.
    static func position(of offset: Int, in bytes: ArraySlice<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = bytes.startIndex
        for index in bytes.startIndex..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return (line, 1 + UTF8Scalars.count(in: bytes[lineStart..<offset]))
    }

    /// The offset of the first byte of the first sequence that breaks UTF-8
    /// well-formedness (RFC 3629: no overlong forms, no surrogates, nothing
    /// above U+10FFFF), or `nil`.
    static func firstInvalidOffset(in bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            firstInvalidOffset(in: buffer).map { bytes.startIndex + $0 }
        }
    }

    /// The offset, from the start of the buffer, of the first ill-formed sequence, or `nil`.
    static func firstInvalidOffset(in buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = buffer.count
        var index = 0
        while index < count {
            let lead = buffer[index]
            if lead < 0x80 {
                // Eight ASCII bytes at a time, where ASCII starts.
                if index + 8 <= count && ByteWord(buffer, at: index).isASCII {
                    index += 8
                } else {
                    index += 1
                }
                continue
            }
            // Most of Chinese text: a three-byte sequence whose lead allows any continuation bytes.
            if lead >= 0xE1 && lead <= 0xEC && index + 3 <= count && buffer[index + 1] & 0xC0 == 0x80
                && buffer[index + 2] & 0xC0 == 0x80
            {
                index += 3
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            let second = buffer[index + 1]
            guard second >= lower && second <= upper else { return index }
            for offset in 2..<max(2, length) where !UTF8Scalars.isContinuation(buffer[index + offset]) {
                return index
            }
            index += length
        }
        return nil
    }

    private static func transcodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) throws(TranscriptError)
        -> ArraySlice<UInt8>
    {
        guard bytes.count % 2 == 0 else { throw .unsupportedEncoding(name: "UTF-16 with an odd number of bytes") }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
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
