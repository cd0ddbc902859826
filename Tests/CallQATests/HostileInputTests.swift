import CallQA
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Inputs that are not transcript files — named pipes, devices, huge or
/// binary files, names that are not UTF-8 — each fail alone with an error
/// saying what they are, and never block, crash or go unread.
@Suite("Hostile inputs")
struct HostileInputTests {
    /// A scratch folder holding one good transcript, removed by `body`'s end.
    private func withFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "callqa-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.transcript.write(to: folder.appendingPathComponent("good.txt"), atomically: true, encoding: .utf8)
        try body(folder.path)
    }

    private static let transcript = "# call: good-1\nAgent: Hello, this is Dana, how can I help?\nCustomer: Hi.\n"

    /// What the loader reports reading `input`.
    private func read(_ input: TranscriptInput, limit: Int = TranscriptLoader.defaultMaximumInputSize)
        -> Fixtures
        .Outcome
    {
        Fixtures.Outcome(events: TranscriptLoader(maximumInputSize: limit).events(from: input))
    }

    @Test("A named pipe, on the command line or in a folder, is an error at once, not a hang; the rest is read")
    func namedPipe() throws {
        try withFolder { folder in
            let pipe = folder + "/waiting.txt"
            try #require(mkfifo(pipe, 0o600) == 0)
            let loader = TranscriptLoader()
            let (inputs, problems) = loader.inputs(for: [folder, pipe])
            #expect(problems.isEmpty)
            #expect(inputs == [.file(folder + "/good.txt"), .file(pipe)])
            let outcome = read(.file(pipe))
            #expect(outcome.calls.isEmpty)
            #expect(
                outcome.errors.map(\.message) == [
                    "cannot read: a named pipe (FIFO), not a regular file"
                        + " (to read it, give '-' and redirect it to standard input)"
                ])
            #expect(read(inputs[0]).call?.id == "good-1")
        }
    }

    @Test("Devices are refused before they are read", arguments: ["/dev/zero", "/dev/urandom", "/dev/null"])
    func device(path: String) throws {
        try #require(FileManager.default.fileExists(atPath: path))
        let outcome = read(.file(path))
        #expect(outcome.calls.isEmpty)
        #expect(outcome.errors.count == 1)
        #expect(outcome.errors.first?.message.hasPrefix("cannot read: a character device, not a regular file") == true)
    }

    @Test("A file of many GiB that starts with binary data is refused from its first bytes")
    func hugeBinary() throws {
        try withFolder { folder in
            // Sparse: 8 GiB of zeros that take no room on disk, and would not fit in memory.
            let path = folder + "/huge.txt"
            let descriptor = open(path, O_WRONLY | O_CREAT, 0o600)
            try #require(descriptor >= 0)
            defer { close(descriptor) }
            try #require(ftruncate(descriptor, 8 << 30) == 0)
            let outcome = read(.file(path), limit: .max)
            #expect(outcome.errors.map(\.message) == ["binary data at byte 0: this is not a text or XML transcript"])
        }
    }

    @Test("A text file over the limit is refused from its size; XML, streamed, is not held and is read")
    func sizeLimit() throws {
        try withFolder { folder in
            let large = folder + "/large.txt"
            let turns = (0..<400).map { "Agent: Turn number \($0) of a long call.\n" }.joined()
            try ("# call: long-1\n" + turns).write(toFile: large, atomically: true, encoding: .utf8)
            let size = try #require(try FileManager.default.attributesOfItem(atPath: large)[.size] as? Int)
            let limit = 8 << 10
            try #require(size > limit)
            #expect(
                read(.file(large), limit: limit).errors.map(\.message) == [
                    "cannot read: \(ByteSize.text(size)), over the limit of 8 KiB for one input read whole"
                        + " (raise it with --max-input-size)"
                ])
            #expect(read(.file(large), limit: size).call?.turns.count == 400)
            #expect(read(.file(folder + "/good.txt"), limit: limit).call != nil)

            let xml = Fixtures.path("xml/multi-call.xml")
            let xmlSize = try #require(try FileManager.default.attributesOfItem(atPath: xml)[.size] as? Int)
            #expect(read(.file(xml), limit: xmlSize / 4).errors.isEmpty)
        }
    }

    @Test("A file name that is not UTF-8 is read, in a folder and named alone")
    func nonUTF8Name() throws {
        try withFolder { folder in
            let name = Array("caf".utf8) + [0xE9] + Array(".txt".utf8)
            let path = Array(folder.utf8) + [UInt8(ascii: "/")] + name
            let descriptor = open(path.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT | O_EXCL, 0o600)
            // A file system that takes only UTF-8 names (APFS) cannot hold one: nothing to test.
            guard descriptor >= 0 else { return }
            _ = Array(Self.transcript.utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)

            let loader = TranscriptLoader()
            let (inputs, problems) = loader.inputs(for: [folder])
            #expect(problems.isEmpty)
            #expect(inputs == [.nonUTF8File(path), .file(folder + "/good.txt")])
            #expect(inputs.first?.description == folder + "/caf\\xE9.txt")
            #expect(inputs.first?.defaultCallID == "caf\\xE9")
            let call = try #require(read(.nonUTF8File(path)).call)
            #expect(call.id == "good-1")
            #expect(call.source.path == folder + "/caf\\xE9.txt")
            #expect(loader.inputs(forPathBytes: [path]).inputs == [.nonUTF8File(path)])
        }
    }

    @Test("A path's bytes are shown as UTF-8, every other byte as \\xHH")
    func shownPaths() {
        #expect(TranscriptInput(pathBytes: Array("通话/a.txt".utf8)) == .file("通话/a.txt"))
        #expect(TranscriptInput.shown([0x61, 0xFF, 0x2F, 0xC3]) == "a\\xFF/\\xC3")
        #expect(TranscriptInput.shown(Array("é".utf8) + [0xC3, 0x28]) == "é\\xC3(")
        #expect(TranscriptInput.nonUTF8File([0xB2, 0xE2, 0x2E, 0x74, 0x78, 0x74]).defaultCallID == "\\xB2\\xE2")
    }

    @Test("Sizes: parsed with K, M, G, T as powers of 1024, written in the largest unit")
    func sizes() {
        #expect(ByteSize.parse("512") == 512)
        #expect(ByteSize.parse("256M") == 256 << 20)
        #expect(ByteSize.parse("1g") == 1 << 30)
        #expect(ByteSize.parse("2KiB") == 2048)
        #expect(ByteSize.parse("1.5G") == nil)
        #expect(ByteSize.parse("0") == nil)
        #expect(ByteSize.parse("-1M") == nil)
        #expect(ByteSize.parse("M") == nil)
        #expect(ByteSize.parse("9999999999T") == nil)
        #expect(ByteSize.text(TranscriptLoader.defaultMaximumInputSize) == "256 MiB")
        #expect(ByteSize.text(3_500_000_000) == "3.3 GiB")
        #expect(ByteSize.text(900) == "900 bytes")
    }

    @Test("A results line over the limit is reported with its number, and the lines before it count")
    func resultsLineLimit() throws {
        try withFolder { folder in
            let scorer = Scorer(try Fixtures.shipped("en-standard"))
            let line = ScoreJSONStream.line(scorer.score(Fixtures.call("Agent: Hello.\nCustomer: Hi.\n")))
            let path = folder + "/results.jsonl"
            let limit = (line.utf8.count / 1024 + 1) * 1024
            try (line + String(repeating: "x", count: limit + 1) + "\n" + line).write(
                toFile: path, atomically: true, encoding: .utf8)
            var results = ScoreResults()
            var problems: [Diagnostic] = []
            results.read(.file(path), maximumLineLength: limit) { problems.append($0) }
            #expect(results.summary.calls == 1)
            #expect(problems.map(\.line) == [2])
            #expect(
                problems.map(\.message) == [
                    "the line is longer than the limit of \(limit / 1024) KiB (raise it with --max-input-size);"
                        + " the rest of the file was not read"
                ])

            let pipe = folder + "/results-pipe.jsonl"
            try #require(mkfifo(pipe, 0o600) == 0)
            problems = []
            results.read(.file(pipe)) { problems.append($0) }
            #expect(problems.first?.message.hasPrefix("cannot read: a named pipe (FIFO)") == true)
        }
    }
}
