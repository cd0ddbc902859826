import Testing

@testable import CallQA

@Suite("White space and UTF-8 decoding")
struct TextSupportTests {
    /// Every scalar of the Basic Multilingual Plane but surrogates, and a few beyond it.
    static let scalars: [Unicode.Scalar] =
        (UInt32(0)...0xFFFF).compactMap(Unicode.Scalar.init)
        + [0x1F600, 0x20000, 0x2A6D6, 0x10FFFF].compactMap(Unicode.Scalar.init)

    @Test("White space is Unicode's White_Space and the byte-order mark")
    func whitespaceSet() {
        let differing = Self.scalars.filter {
            $0.isTranscriptWhitespace != ($0.properties.isWhitespace || $0 == "\u{FEFF}")
        }
        #expect(differing.isEmpty)
    }

    @Test("White space in bytes is the same set, at the start and at the end")
    func bytesSameSet() {
        var differing: [Unicode.Scalar] = []
        var bytes: [UInt8] = []
        for scalar in Self.scalars {
            bytes.removeAll(keepingCapacity: true)
            UTF8.encode(scalar) { bytes.append($0) }
            let width = scalar.isTranscriptWhitespace ? bytes.count : nil
            if WhitespaceBytes.width(at: 0, in: bytes) != width
                || WhitespaceBytes.width(endingAt: bytes.count, in: bytes) != width
            {
                differing.append(scalar)
            }
        }
        #expect(differing.isEmpty)
    }

    @Test(
        "Trimming bytes and trimming strings agree",
        arguments: [
            " \t\r\n", "\u{3000}客服：您好\u{A0}", "\u{FEFF}Agent: hi\u{2003}\u{85}", "\u{2028}x y\u{205F}", "é", "",
        ])
    func trimmingAgrees(text: String) {
        #expect(
            String(decoding: WhitespaceBytes.trimmed(Array(text.utf8)), as: UTF8.self)
                == String(text.trimmingWhitespace()))
    }

    @Test("Trimming bytes keeps a slice's own positions")
    func trimmingSlices() {
        let line = Array("ab \u{3000}客服：您好\u{A0}\t cd".utf8)
        let inner = line[2..<(line.count - 2)]
        let trimmed = WhitespaceBytes.trimmed(inner)
        #expect(String(decoding: trimmed, as: UTF8.self) == "客服：您好")
        #expect(trimmed.startIndex == 6)
    }

    @Test("Scalars are read at and before any position, and counted, as String reads them")
    func scalars() {
        let text = "a é 中 😀 \u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}"
        let bytes = Array(text.utf8)
        var index = 0
        var read: [Unicode.Scalar] = []
        while let scalar = UTF8Scalars.scalar(at: index, in: bytes) {
            read.append(scalar)
            #expect(UTF8Scalars.decode(at: index, in: bytes).width == UTF8Scalars.width(lead: bytes[index]))
            index += UTF8Scalars.width(lead: bytes[index])
            #expect(UTF8Scalars.scalar(before: index, in: bytes) == scalar)
        }
        #expect(read == Array(text.unicodeScalars))
        #expect(UTF8Scalars.count(in: bytes) == text.unicodeScalars.count)
        #expect(UTF8Scalars.scalar(before: 0, in: bytes) == nil)
        // A scalar cut off by the end of the bytes is not read.
        #expect(UTF8Scalars.scalar(at: 0, in: Array("中".utf8).prefix(2)) == nil)
    }

    @Test("Byte-order marks: UTF-8's is dropped, UTF-16 is transcoded, UTF-32 is refused")
    func byteOrderMarks() throws {
        #expect(Array(try TextDecoding.utf8([0xEF, 0xBB, 0xBF, 0x61])) == [0x61])
        #expect(Array(try TextDecoding.utf8([0xFF, 0xFE, 0x2D, 0x4E])) == Array("中".utf8))
        #expect(Array(try TextDecoding.utf8([0xFE, 0xFF, 0x4E, 0x2D])) == Array("中".utf8))
        #expect(throws: TranscriptError.unsupportedEncoding(name: "UTF-32")) {
            try TextDecoding.utf8([0xFF, 0xFE, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00])
        }
        // Markup in UTF-16 holds NUL bytes: they are not binary data there.
        #expect(TextDecoding.binaryOffset(inMarkup: [0xFF, 0xFE, 0x3C, 0x00]) == nil)
        #expect(TextDecoding.binaryOffset(inMarkup: Array("<call>\u{0}".utf8)) == 6)
    }

    @Test("Binary data is found at every offset, and text controls are not binary", arguments: [0, 1, 3])
    func binaryAtEveryOffset(sliceStart: Int) {
        let text = Array("客服: 您好，请问\t有什么可以帮您？\r\nAgent: hello\u{1B}[0m there\u{C}\n".utf8)
        let bytes = Array(repeating: UInt8(0x61), count: sliceStart) + text + text
        let body = bytes[sliceStart...]
        #expect(TextDecoding.binaryOffset(in: body) == nil)
        for control: UInt8 in [0x00, 0x01, 0x08, 0x0B, 0x1F] {
            for offset in body.indices {
                var damaged = bytes
                damaged[offset] = control
                #expect(TextDecoding.binaryOffset(in: damaged[sliceStart...]) == offset)
            }
        }
    }

    @Test(
        "A word of eight bytes holds a byte, or a byte of a range, exactly when one of its bytes does", arguments: 0..<8
    )
    func byteWords(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed + 31))
        let interesting: [UInt8] = [
            0x00, 0x20, 0x21, 0x3A, 0x3D, 0x3F, 0x60, 0x61, 0x7A, 0x7B, 0x7F, 0x80, 0xE1, 0xE2, 0xEF, 0xF0, 0xFF,
        ]
        for _ in 0..<2_000 {
            let bytes = (0..<8).map { _ in
                generator.next() % 2 == 0
                    ? interesting[Int(generator.next() % UInt64(interesting.count))]
                    : UInt8(truncatingIfNeeded: generator.next())
            }
            bytes.withUnsafeBufferPointer { buffer in
                let word = ByteWord(buffer, at: 0)
                for byte in interesting { #expect(word.holds(byte) == bytes.contains(byte)) }
                for (low, high) in [(UInt8(0x61), UInt8(0x7A)), (0x30, 0x39), (0x00, 0x1F), (0x20, 0x7F), (0x41, 0x41)]
                {
                    #expect(word.holdsByte(from: low, through: high) == bytes.contains { $0 >= low && $0 <= high })
                }
            }
        }
    }

    @Test("Every sad face is found wherever it stands, after ASCII or Chinese", arguments: CustomerSignalScanner.faces)
    func sadFaces(face: String) {
        for filler in ["ok ", "好的"] {
            for count in 0..<10 {
                var text = String(repeating: filler, count: count) + face + " 谢谢"
                let start = text.utf8.count - face.utf8.count - " 谢谢".utf8.count
                #expect(text.withUTF8 { CustomerSignalScanner.sadFace(in: $0) } == start..<(start + face.utf8.count))
            }
        }
    }

    @Test("Lower-case words are told from capitals and Chinese at every offset")
    func lowerCaseWords() {
        for count in 0..<12 {
            let before = String(repeating: "好", count: count) + "ABC "
            for (word, expected) in [("abc", true), ("ab", false), ("aBc", false), ("a b c", false)] {
                var text = before + word + " 好"
                #expect(text.withUTF8 { CustomerSignalScanner.hasLowerCaseWords($0) } == expected, "\(text)")
            }
        }
    }

    @Test("ASCII word characters are the letters, the digits, `_` and the apostrophe")
    func asciiWordCharacters() {
        for value in UInt32(0)..<0x80 {
            let scalar = Unicode.Scalar(value)!
            let expected =
                (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
                || value == 0x5F || value == 0x27
            #expect(ScalarClass.isWordCharacter(scalar) == expected, "\(value)")
        }
    }
}
