import CallQATestSupport
import Foundation
import Testing

@testable import CallQA

/// The optimised engine against straightforward reference implementations,
/// on generated calls (many seeds): the results must be the same.
@Suite("Optimised engine against the reference")
struct ReferenceEngineTests {
    let rubrics: [Rubric]

    init() throws {
        rubrics = [try Fixtures.shipped("zh-standard"), try Fixtures.shipped("en-standard")]
    }

    /// A few shorter calls per seed: every turn kind, phrase and decoy still occurs.
    private func calls(seed: UInt64, count: Int = 10) -> [Call] {
        var generator = CorpusGenerator(seed: seed)
        generator.callSize = 1_500...5_000
        return (0..<count).map { generator.call(number: $0) }
    }

    private func rubric(for call: Call) -> Rubric {
        call.language == .english ? rubrics[1] : rubrics[0]
    }

    @Test("Scorecards equal those scored with the brute-force reference matcher", arguments: UInt64(1)...6)
    func scorecards(seed: UInt64) {
        let fast = rubrics.map { Scorer($0) }
        let reference = rubrics.map { Scorer($0, matcher: ReferenceMatcher(rubric: $0)) }
        for call in calls(seed: seed) {
            let index = call.language == .english ? 1 : 0
            let expected = reference[index].score(call)
            #expect(fast[index].score(call) == expected, "seed \(seed), call \(call.id)")
            #expect(expected.items.contains { !$0.evidence.isEmpty }, "the reference found nothing in \(call.id)")
        }
    }

    @Test(
        """
        In one long agent turn (a call's agent turns joined, six times over) the engine finds what the reference \
        finds, and every quote's offsets point at its words
        """,
        arguments: UInt64(1)...2)
    func longTurn(seed: UInt64) throws {
        for call in calls(seed: seed, count: 2) {
            let agent = call.turns.filter { $0.role == .agent }
            let text = Array(repeating: agent.map(\.text).joined(separator: "\n"), count: 6).joined(separator: "\n")
            #expect(text.utf8.count > ScalarOffsets.unindexedBytes)
            var long = call
            let joined = Turn(
                role: .agent, label: agent[0].label, start: agent[0].start, end: agent.last?.end, text: text)
            long.turns = call.turns.filter { $0.role != .agent } + [joined]
            let rubric = rubric(for: long)
            let card = Scorer(rubric).score(long)
            #expect(card == Scorer(rubric, matcher: ReferenceMatcher(rubric: rubric)).score(long), "\(call.id)")
            var quotes = 0
            for evidence in card.items.flatMap(\.evidence) {
                let offsets = try #require(evidence.offsets)
                let scalars = Array(long.turns[evidence.turn].text.unicodeScalars)
                #expect(String(String.UnicodeScalarView(scalars[offsets])) == evidence.text, "\(call.id)")
                if evidence.turn == long.turns.count - 1 { quotes += 1 }
            }
            #expect(quotes > 3, "\(call.id): too few quotes in the long turn to test")
        }
    }

    @Test("The matcher finds what the brute-force reference finds, turn by turn", arguments: UInt64(7)...9)
    func matches(seed: UInt64) {
        for call in calls(seed: seed, count: 4) {
            let rubric = rubric(for: call)
            let fast = Scorer(rubric).matcher
            let reference = ReferenceMatcher(rubric: rubric)
            for turn in call.turns {
                let text = TextNormalizer.shared.normalize(turn.text)
                #expect(fast.matches(in: text) == reference.matches(in: text), "\(call.id): \(turn.text)")
            }
        }
    }

    @Test("The table-driven normaliser agrees with NFKC, lower case and ICU's Hant-Hans", arguments: UInt64(1)...4)
    func normalisation(seed: UInt64) {
        let reference = ReferenceNormalizer()
        for call in calls(seed: seed, count: 6) {
            for turn in call.turns {
                #expect(
                    TextNormalizer.shared.normalize(turn.text).string == reference.normalize(turn.text), "\(turn.text)")
            }
        }
    }

    @Test(
        "Compatibility forms, ligatures, cases and scripts normalise as NFKC says",
        arguments: [
            "Ｃａｌｌ　ＣＥＮＴＥＲ，“您們好”　ﬁne ＡＢＣ１２３ ＭＡＹＢＥ：謝謝您的來電！",
            "Ω Ǆ ﬃ ㈱ ① ｶﾞ ㎏ ½ Ⅻ ᴬ ﹙括號﹚ ﻷ ㄱ",
        ])
    func compatibilityForms(text: String) {
        #expect(TextNormalizer.shared.normalize(text).string == ReferenceNormalizer().normalize(text))
    }

    @Test("The committed compatibility table is what Foundation's NFKC and lower case make of its blocks")
    func compatibilityTable() {
        var expected: [String] = []
        for block in CompatibilityMapping.blocks {
            for value in block {
                guard let scalar = Unicode.Scalar(value), !scalar.properties.isNoncharacterCodePoint else { continue }
                var result = Array(String(scalar).precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars)
                switch value {
                case 0x2018, 0x2019, 0x201B, 0x2032, 0x02BC, 0xFF07: result = ["'"]
                case 0x201C, 0x201D, 0x201F, 0x2033, 0xFF02: result = ["\""]
                default: break
                }
                if scalar.properties.isWhitespace { result = [" "] }
                guard result != [scalar] else { continue }
                expected.append(
                    String(value, radix: 16, uppercase: true) + ":"
                        + result.map { String($0.value, radix: 16, uppercase: true) }.joined(separator: " "))
            }
        }
        let committed = CompatibilityMapping.table.split(separator: ";").map(String.init)
        #expect(committed.count == expected.count)
        let differences = zip(committed, expected).filter { $0 != $1 }
        #expect(
            differences.isEmpty, "regenerate with Scripts/generate-compatibility-table.swift: \(differences.prefix(10))"
        )
    }

    @Test("Content-unit fingerprints count and share what the units as strings do", arguments: UInt64(1)...3)
    func contentUnits(seed: UInt64) {
        for call in calls(seed: seed, count: 6) {
            let turns = call.turns.map { TextNormalizer.shared.normalize($0.text) }
            for (first, second) in zip(turns, turns.dropFirst()) {
                let units = (ContentUnits.of(first), ContentUnits.of(second))
                let prints = (ContentUnits.fingerprints(of: first), ContentUnits.fingerprints(of: second))
                #expect(prints.0.count == units.0.count, "\(first.string)")
                #expect(ContentUnits.sharedCount(prints.0, prints.1) == units.0.intersection(units.1).count)
            }
        }
    }

    @Test("Generated transcripts read back as generated, as text and as XML", arguments: UInt64(1)...2)
    func readersRoundTrip(seed: UInt64) {
        let generated = calls(seed: seed, count: 5)
        let xml = CorpusGenerator.xmlDocument(generated)
        let fromXML = XMLTranscriptReader(bytes: Array(xml.utf8), source: "generated.xml", defaultID: "x")
            .compactMap { if case .call(let call) = $0 { call } else { nil } }
        #expect(fromXML.count == generated.count)
        for (read, call) in zip(fromXML, generated) {
            #expect(read.id == call.id && read.agent == call.agent && read.language == call.language)
            #expect(read.turns.map(\.text) == call.turns.map(\.text))
            #expect(read.turns.map(\.role) == call.turns.map(\.role))
            for (readTurn, turn) in zip(read.turns, call.turns) {
                #expect(abs((readTurn.start ?? -1) - (turn.start ?? 0)) < 1e-9)
            }
        }
        for call in generated {
            let text = CorpusGenerator.plainText(call)
            let read = PlainTextReader().read(Array(text.utf8), source: "generated.txt", defaultID: "x")
            guard case .call(let fromText)? = read.last else {
                Issue.record("\(call.id) not read: \(read)")
                continue
            }
            #expect(read.count == 1, "warnings: \(read.dropLast())")
            #expect(fromText.turns.map(\.text) == call.turns.map(\.text))
            #expect(fromText.turns.map(\.role) == call.turns.map(\.role))
            #expect(fromText.turns.map { $0.start.map { Int($0) } } == call.turns.map { $0.start.map { Int($0) } })
        }
    }

    @Test("Decoys match nothing", arguments: [Language.simplifiedChinese, .traditionalChinese, .english])
    func decoys(language: Language) {
        let matcher = Scorer(language == .english ? rubrics[1] : rubrics[0]).matcher
        for decoy in CorpusGenerator.decoys(language) {
            #expect(matcher.matches(in: TextNormalizer.shared.normalize(decoy)).isEmpty, "\(decoy)")
        }
    }

    @Test("The same seed generates the same calls")
    func deterministic() {
        #expect(calls(seed: 42, count: 3) == calls(seed: 42, count: 3))
        #expect(calls(seed: 42, count: 3) != calls(seed: 43, count: 3))
    }
}
