import CallQA
import Testing

@Suite("Finding and reading inputs")
struct TranscriptLoaderTests {
    @Test("A directory is searched recursively for .txt and .xml, in path order, hidden entries skipped")
    func directory() {
        let root = Fixtures.path("tree")
        let (inputs, problems) = TranscriptLoader().inputs(for: [root])
        #expect(problems.isEmpty)
        #expect(inputs == [.file(root + "/a/c.xml"), .file(root + "/a/z.txt"), .file(root + "/b.txt")])
    }

    @Test("A file named on the command line is read whatever its extension, once")
    func explicitFiles() {
        let data = Fixtures.path("tree/a/transcript.data")
        let (inputs, _) = TranscriptLoader().inputs(for: [data, "-", data, "-"])
        #expect(inputs == [.file(data), .standardInput])
        #expect(Fixtures.read("tree/a/transcript.data").call?.id == "noext")
    }

    @Test("A missing path and a directory without transcripts are errors")
    func missing() {
        let (inputs, problems) = TranscriptLoader().inputs(for: [
            Fixtures.path("no-such-file.txt"), Fixtures.path("no-transcripts"),
        ])
        #expect(inputs.isEmpty)
        #expect(
            problems.map(\.message) == [
                "cannot read: no such file or directory",
                "no transcripts found (looked for .txt, .xml, .trs, .eaf, .vtt, .srt and .json files)",
            ])
        #expect(problems.allSatisfy { $0.severity == .error })
    }

    @Test("A hidden folder named on the command line is searched")
    func hiddenFolderNamed() {
        let hidden = Fixtures.path("tree/.hidden")
        #expect(TranscriptLoader().inputs(for: [hidden]).inputs == [.file(hidden + "/h.txt")])
    }

    @Test("The shipped corpora read without a single error or warning")
    func corpora() {
        let loader = TranscriptLoader()
        let (inputs, problems) = loader.inputs(for: [Fixtures.corpora.path])
        #expect(problems.isEmpty)
        var calls: [Call] = []
        var diagnostics: [Diagnostic] = []
        for input in inputs {
            loader.read(input) { event in
                switch event {
                case .call(let call): calls.append(call)
                case .diagnostic(let diagnostic): diagnostics.append(diagnostic)
                }
            }
        }
        #expect(diagnostics.isEmpty)
        #expect(calls.count >= 10)
        #expect(Set(calls.map(\.language)) == [.simplifiedChinese, .traditionalChinese, .english])
        #expect(Set(calls.compactMap(\.agent)).count >= 8)
        #expect(Set(calls.map(\.id)).count == calls.count)
        #expect(
            calls.allSatisfy { $0.turns.contains { $0.role == .agent } && $0.turns.contains { $0.role == .customer } })
    }

    @Test("The format can be forced: XML read as text is text before the first turn")
    func forcedFormat() {
        let read = Fixtures.read("xml/single-call.xml", format: .text)
        #expect(read.calls.isEmpty)
        #expect(read.errors.first?.line == 1)
    }
}
