import CallQA
import Foundation
import Testing

@Suite("Speech-engine and annotation formats")
struct TranscriptFormatsTests {
    static let forms = ["txt", "xml", "vtt", "srt", "trs", "eaf", "transcribe.json", "contact-lens.json"]

    /// What a scorecard says about the call's content: not its id, source or agent name.
    struct Verdicts: Equatable {
        var score: Double
        var passed: Bool
        var items: [ItemResult]
        var metrics: ScorecardMetrics?

        init(_ card: Scorecard) {
            score = card.score
            passed = card.passed
            items = card.items
            metrics = card.metrics
        }
    }

    @Test(
        "The same call in every format scores the same, evidence and metrics included",
        arguments: ["en-hold", "zh-hold"])
    func sameCallEveryFormat(call name: String) throws {
        let rubric = try Fixtures.shipped(name.hasPrefix("zh") ? "zh-standard" : "en-standard")
        let scorer = Scorer(rubric)
        let reference = try #require(Fixtures.read("formats/same-call/\(name).txt").call)
        let expected = Verdicts(scorer.score(reference))
        #expect(expected.metrics != nil)
        #expect(expected.items.first { $0.id == "hold" }?.status == .pass)
        for form in Self.forms {
            let read = Fixtures.read("formats/same-call/\(name).\(form)")
            #expect(read.errors.isEmpty, "\(form): \(read.errors)")
            let call = try #require(read.call, "\(form)")
            #expect(call.turns.map(\.text) == reference.turns.map(\.text), "\(form)")
            #expect(call.turns.map(\.role) == reference.turns.map(\.role), "\(form)")
            #expect(call.language == reference.language, "\(form)")
            #expect(Verdicts(scorer.score(call)) == expected, "\(form)")
        }
    }

    @Test("Each format is recognised by its content, whatever the file is called")
    func detection() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("callqa-detect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for form in Self.forms where form != "txt" {
            let source = URL(fileURLWithPath: Fixtures.path("formats/same-call/en-hold.\(form)"))
            let renamed = folder.appendingPathComponent("call-\(form.replacingOccurrences(of: ".", with: "-")).dat")
            try FileManager.default.copyItem(at: source, to: renamed)
            let read = Fixtures.Outcome(events: TranscriptLoader().events(from: .file(renamed.path)))
            #expect(read.call?.turns.count == 8, "\(form)")
        }
    }

    @Test("WebVTT: voices split a cue, overlapping speech keeps its times, markup and references are undone")
    func webVTTVoices() throws {
        let read = Fixtures.read("formats/more/overlapping-voices.vtt")
        let call = try #require(read.call)
        #expect(call.agent == "Maria")
        #expect(call.turns.map(\.role) == [.agent, .customer, .agent, .other, .other])
        #expect(call.turns[1].start == 3.5 && call.turns[2].start == 3.5 && call.turns[2].end == 6)
        #expect(call.turns[3].label == "Supervisor" && call.turns[3].text == "This call may be recorded.")
        #expect(call.turns[4].text == "Plain caption text & no voice")
        #expect(read.warnings.contains { $0.line == 15 && $0.message.contains("without a speaker") })
        #expect(read.warnings.contains { $0.message.contains("\"Supervisor\" is neither agent nor customer") })
    }

    @Test("SRT: continuation lines join; dialogue dashes give one turn per speaker")
    func srtDialogue() throws {
        let call = try #require(Fixtures.read("formats/more/dialogue.srt").call)
        #expect(
            call.turns.map(\.text) == [
                "Thank you for calling Acme, this is Maria.", "I was charged twice.", "I'm sorry to hear that.",
            ])
        #expect(call.turns.map(\.role) == [.agent, .customer, .agent])
        #expect(call.turns[1].start == 3.2 && call.turns[2].end == 5)
    }

    @Test("Transcriber: Sync splits turns, Who splits overlapping speakers, events are not speech, Latin-1 is read")
    func transcriber() throws {
        let read = Fixtures.read("formats/more/multi-sync.trs")
        let call = try #require(read.call)
        #expect(
            call.turns.map(\.text) == [
                "Thank you for calling Acme.", "How can I help you?", "one moment", "sure",
                "Thanks for waiting, café fixed.", "Goodbye.",
            ])
        #expect(call.turns.map(\.start) == [0, 2.5, 6, 6, 30, 38])
        #expect(call.turns.map(\.end) == [2.5, 6, 8, 8, 35, 40])
        #expect(call.turns[3].role == .customer && call.turns[3].label == "Caller")
        #expect(call.agent == "Maria")
    }

    @Test("ELAN: participants name roles, dependent tiers are skipped with a warning, tiers merge in time order")
    func elan() throws {
        let read = Fixtures.read("formats/more/dependent-tier.eaf")
        let call = try #require(read.call)
        #expect(call.turns.map(\.label) == ["Maria", "Client"])
        #expect(call.turns.map(\.role) == [.agent, .customer])
        #expect(call.turns[1].start == 2 && call.turns[1].end == 5)
        #expect(read.warnings.contains { $0.line == 25 && $0.message.contains("dependent tier \"spk_B-zh\"") })
        #expect(read.warnings.contains { $0.message.contains("\"Maria\" read as the agent") })
    }

    @Test("Transcribe: channel lists merge by time; older jobs' speaker segments give words their speaker")
    func transcribeChannelsAndSegments() throws {
        let channels = try #require(Fixtures.read("formats/more/channels.json").call)
        #expect(channels.turns.map(\.text) == ["Thanks for calling, how can I help?", "Hi. My card is blocked."])
        #expect(channels.turns.map(\.label) == ["ch_0", "ch_1"])
        #expect(channels.turns[0].end == 2.1)
        let segments = try #require(Fixtures.read("formats/more/speaker-segments.json").call)
        #expect(segments.language == .simplifiedChinese)
        #expect(segments.turns.map(\.text) == ["您好，欢迎致电", "我要挂失。"])
        #expect(segments.turns.map(\.role) == [.agent, .customer])
    }

    @Test(
        "The speaker who gives the company opening is guessed to be the agent, with a warning; a mapping overrides it")
    func speakerMapping() throws {
        let guessed = Fixtures.read("formats/same-call/en-hold.transcribe.json")
        #expect(guessed.warnings.count == 1)
        #expect(
            guessed.warnings[0].message.contains(
                "\"spk_0\" read as the agent (gives the company opening \"thank you for calling\""))
        #expect(guessed.warnings[0].message.contains("--agent-label spk_0"))

        let flag = Fixtures.read(
            "formats/same-call/en-hold.transcribe.json", speakers: SpeakerMapping(agentLabels: ["SPK_1"]))
        #expect(flag.warnings.isEmpty == false) // spk_0 is then guessed to be the customer
        #expect(flag.call?.turns.first?.role == .customer)

        let file = try SpeakerMapping(contentsOf: URL(fileURLWithPath: Fixtures.path("formats/more/speakers.yaml")))
        let mapped = Fixtures.read("formats/same-call/en-hold.transcribe.json", speakers: file)
        #expect(mapped.warnings.isEmpty)
        #expect(mapped.call?.turns.first?.role == .customer)

        let off = Fixtures.read(
            "formats/same-call/en-hold.transcribe.json", speakers: SpeakerMapping(guessesRoles: false))
        #expect(off.call?.turns.allSatisfy { $0.role == .other } == true)
        #expect(off.warnings.count == 2)

        #expect(throws: SpeakerMappingError.self) {
            try SpeakerMapping(contentsOf: URL(fileURLWithPath: Fixtures.path("formats/malformed/bad-speakers.yaml")))
        }
    }

    @Test(
        "Malformed files are rejected with the format, the line and the cause",
        arguments: [
            ("malformed/no-header.vtt", 1, "the first line must be WEBVTT"),
            ("malformed/bad-timing.vtt", 6, "expected a cue timing line"),
            ("malformed/missing-timing.srt", 5, "expected a cue timing line"),
            ("malformed/no-episode.trs", 2, "holds no <Episode>"),
            ("malformed/unclosed.trs", 3, "malformed XML"),
            ("malformed/no-tiers.eaf", 2, "has no <TIER>"),
            (
                "malformed/duplicate-slot.eaf", 7,
                "TIME_SLOT_ID \"ts2\" is defined twice (first on line 6): which time its annotations have is ambiguous"
            ),
        ])
    func malformed(file: String, line: Int, message: String) {
        let read = Fixtures.read("formats/" + file)
        #expect(read.calls.isEmpty)
        #expect(read.errors.count == 1)
        #expect(read.errors.first?.line == line)
        #expect(read.errors.first?.message.contains(message) == true, "\(read.errors)")
    }

    @Test(
        "Broken JSON and JSON that is not a transcription job are errors",
        arguments: [
            ("malformed/truncated.json", "Amazon Transcribe JSON"), ("malformed/no-results.json", "neither 'results'"),
        ])
    func malformedJSON(file: String, message: String) {
        let read = Fixtures.read("formats/" + file)
        #expect(read.calls.isEmpty)
        #expect(read.errors.first?.message.contains(message) == true, "\(read.errors)")
    }
}
