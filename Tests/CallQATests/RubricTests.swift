import Foundation
import Testing

@testable import CallQA

@Suite("Rubrics")
struct RubricTests {
    @Test("The shipped rubrics load and carry the required items", arguments: ["zh-standard", "en-standard"])
    func shipped(name: String) throws {
        let rubric = try Fixtures.shipped(name)
        #expect(rubric.id == name)
        #expect(RubricParser.isSemanticVersion(rubric.version))
        for id in [
            "greeting", "paraphrase", "apology", "empathy", "customer-name", "closing", "forbidden",
            "understand-overuse", "positive-wording", "negative-wording", "hold", "interruptions",
        ] {
            #expect(rubric.item(id) != nil, "\(name) has no item \(id)")
        }
        #expect(rubric.items.reduce(0) { $0 + $1.weight } == rubric.totalWeight)
        #expect(rubric.item("hold")?.check.kind == "hold")
        #expect(rubric.item("interruptions")?.check.kind == "metric")
        #expect(rubric.item("forbidden")?.check.isCritical == true)
    }

    @Test("The Chinese rubric carries the material's wording lists as written")
    func wordingLists() throws {
        let rubric = try Fixtures.shipped("zh-standard")
        let positive = try #require(rubric.list(named: "positive")).phrases
        let negative = try #require(rubric.list(named: "negative")).phrases
        for phrase in ["它是", "我知道", "我向你保证", "当然了", "毫无疑问", "依靠我"] { #expect(positive.contains(phrase)) }
        for phrase in ["也许", "我认为", "可能", "我尽量", "我不是很确认", "我不知道"] { #expect(negative.contains(phrase)) }
        #expect(rubric.languages == [.simplifiedChinese, .traditionalChinese])
    }

    @Test("The catalog picks the shipped rubric for a call's language")
    func catalog() throws {
        let (catalog, errors) = RubricCatalog.load(directory: Fixtures.shippedRubrics)
        #expect(errors.isEmpty)
        #expect(catalog.rubric(for: .traditionalChinese)?.id == "zh-standard")
        #expect(catalog.rubric(for: .english)?.id == "en-standard")
        #expect(catalog.rubric(for: .unknown) == nil)
        let found = RubricCatalog.shippedDirectory(
            environment: [:], executable: nil,
            currentDirectory: Fixtures.shippedRubrics.deletingLastPathComponent().path)
        #expect(found?.standardizedFileURL.path == Fixtures.shippedRubrics.standardizedFileURL.path)
        #expect(
            RubricCatalog.shippedDirectory(environment: ["CALLQA_RUBRICS": "/elsewhere"], executable: nil)?.path
                == "/elsewhere")
    }

    @Test("An unknown check kind is an error at its line and column")
    func unknownKind() {
        #expect(
            throws: RubricError(
                source: Fixtures.path("rubrics/invalid/unknown-kind.yaml"),
                problems: [
                    .init(
                        line: 14, column: 13,
                        message:
                            "unknown check kind 'phrases'"
                            + " (expected phrase, forbid, limit, response, paraphrase, name, wording, hold or metric)"
                    )
                ])
        ) { try Fixtures.rubric("invalid/unknown-kind") }
    }

    @Test("Every problem of a rubric is reported at once, with its place")
    func manyProblems() throws {
        let error = try #require(throws: RubricError.self) { try Fixtures.rubric("invalid/many-problems") }
        let described = error.problems.map(\.description)
        let expected = [
            "2:10: 'version' must be a semantic version such as 1.0.0, not 'one'",
            "4:12: unknown language 'fr' (use zh-Hans, zh-Hant, zh or en)",
            "5:7: 'pass' must be from 0 to 100, not 120",
            "6:8: item weights add up to 60, not the total 100",
            "9:10: list 'empty' is empty",
            "20:5: two items have the id 'greeting'",
            "15:5: unknown key 'colour' in an item (expected id, title, weight, description, suggest or check)",
            "18:29: 'first-turns' must be at least 1, not 0",
            "19:23: no list named 'hallo' (lists: hello)",
            "33:15: 'window' takes first-turns and/or first-seconds, or last-turns and/or last-seconds",
        ]
        for message in expected { #expect(described.contains(message), "missing: \(message)\ngot: \(described)") }
        // Problems come in file order.
        #expect(error.problems.map { $0.line ?? 0 } == error.problems.map { $0.line ?? 0 }.sorted())
    }

    @Test("Paraphrase topics name declared lists and count only with 'shared'")
    func paraphraseTopics() throws {
        func problems(_ check: String) -> [String] {
            let yaml = """
                id: topics
                version: 1.0.0
                title: Topics
                languages: [en]
                pass: 50
                lists:
                  cues: [so you]
                  refund: [refund, money back]
                items:
                  - {id: p, title: P, weight: 100, description: p, check: \(check)}
                """
            do {
                _ = try Rubric(yaml: yaml, source: "topics.yaml")
                return []
            } catch {
                return error.problems.map(\.message)
            }
        }
        #expect(problems("{kind: paraphrase, cues: {list: cues}, shared: 1, topics: [refund]}") == [])
        #expect(
            problems("{kind: paraphrase, cues: {list: cues}, topics: [refund]}")
                == ["'topics' count only with 'shared': add 'shared: 1'"])
        #expect(
            problems("{kind: paraphrase, cues: {list: cues}, shared: 1, topics: [refunds]}")
                == ["no list named 'refunds' (lists: cues or refund)"])
    }

    @Test("Weights that must add up to the total")
    func weights() throws {
        let error = try #require(throws: RubricError.self) { try Fixtures.rubric("invalid/weights") }
        #expect(error.problems.map(\.description) == ["6:8: item weights add up to 90, not the total 100"])
    }

    @Test("YAML syntax errors name the place")
    func notYAML() throws {
        let error = try #require(throws: RubricError.self) { try Fixtures.rubric("invalid/not-yaml") }
        #expect(error.problems.count == 1)
        #expect(error.problems[0].line != nil)
        #expect(error.problems[0].message.hasPrefix("YAML:"))
        #expect(error.description.hasPrefix(Fixtures.path("rubrics/invalid/not-yaml.yaml") + ":"))
    }

    @Test(
        "SHA-256 matches the standard's test vectors",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
        ])
    func sha256(input: String, digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    @Test("The fingerprint ignores layout and comments, and changes with content")
    func fingerprint() throws {
        let path = Fixtures.shippedRubrics.appendingPathComponent("en-standard.yaml")
        let original = try String(contentsOf: path, encoding: .utf8)
        let base = try Rubric(yaml: original, source: "a")
        let relaid = try Rubric(
            yaml: "# another comment\n" + original.replacingOccurrences(of: "\n\n", with: "\n"), source: "b")
        #expect(relaid.sha256 == base.sha256)
        let changed = try Rubric(
            yaml: original.replacingOccurrences(of: "- certainly\n", with: "- surely\n"), source: "c")
        #expect(changed.sha256 != base.sha256)
        #expect(base.sha256.count == 64)
    }

    @Test("The fingerprint of a rubric with every setting of the check kinds stays as released")
    func releasedFingerprint() throws {
        #expect(
            try Fixtures.rubric("checks").sha256 == "f93d927dc2d2d3504e45de4dadc65606e359a99db2f3830abeff2bf413e9505d")
    }

    @Test("Every check kind reads back as its kind, and writes its settings after the kind")
    func everyKind() throws {
        let rubric = try Rubric(
            yaml: """
                id: kinds
                version: 1.0.0
                title: One item of each kind
                languages: [en]
                pass: 50
                lists:
                  hello: [hello]
                items:
                  - {id: a, title: A, weight: 1, description: a, check: {kind: phrase, groups: [{list: hello}]}}
                  - {id: b, title: B, weight: 1, description: b, check: {kind: forbid, phrases: [stupid]}}
                  - {id: c, title: C, weight: 1, description: c, check: {kind: limit, list: hello, max: 2}}
                  - {id: d, title: D, weight: 1, description: d, \
                check: {kind: response, trigger: {phrases: [upset]}, respond: {list: hello}}}
                  - {id: e, title: E, weight: 1, description: e, check: {kind: paraphrase, overlap: 0.5}}
                  - {id: f, title: F, weight: 1, description: f, check: {kind: name, introductions: [call me]}}
                  - {id: g, title: G, weight: 1, description: g, \
                check: {kind: wording, target: avoid, list: hello, zero: 4}}
                  - {id: h, title: H, weight: 1, description: h, \
                check: {kind: hold, min-silence: 30, ask: {list: hello}, thank: {list: hello}}}
                  - {id: i, title: I, weight: 1, description: i, check: {kind: metric, metric: interruptions, max: 2}}
                """, source: "kinds.yaml")
        #expect(rubric.items.map(\.check.kind) == Check.kinds)
        #expect(Set(Check.kinds).count == Check.kinds.count)
        #expect(rubric.items.map(\.check.isCritical) == Array(repeating: false, count: Check.kinds.count))
        let json = rubric.canonicalJSON
        for (kind, settings) in [
            (
                "hold",
                #""kind":"hold","min-silence":30,"ask":{"name":"hello","lists":["hello"]},"#
                    + #""thank":{"name":"hello","lists":["hello"]},"partial":true}"#
            ),
            ("metric", #""kind":"metric","metric":"interruptions","max":2}"#),
            ("name", #""kind":"name","titles-after":["#),
            (
                "wording",
                #""kind":"wording","group":{"name":"hello","lists":["hello"]},"avoid-allow":0,"avoid-zero":4}"#
            ),
        ] {
            #expect(json.contains(settings), "\(kind): \(json)")
        }
        #expect(rubric.list(named: "b#forbid")?.phrases == ["stupid"])
        #expect(
            rubric.matcherSettings.lists.suffix(2).map { $0.name } == [
                NameCheck.introductionList, NameCheck.requestList,
            ])
        #expect(rubric.matcherSettings.negation.exemptLists == [NameCheck.introductionList, NameCheck.requestList])
    }
}
