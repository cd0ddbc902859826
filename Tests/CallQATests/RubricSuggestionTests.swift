import Foundation
import Testing

@testable import CallQA

@Suite("Rubric suggestions")
struct RubricSuggestionTests {
    // MARK: units

    private func units(_ text: String) -> [String] {
        RubricSuggestionUnits.units(in: TextNormalizer.shared.normalize(text)).map(\.text)
    }

    @Test("English: lower-cased words and runs of two or three, never across punctuation or placeholders")
    func englishUnits() {
        let found = units("Thanks for calling Northwind, this is #NAME# speaking. How can I help?")
        #expect(found.contains("thanks for calling"))
        #expect(found.contains("calling northwind"))
        #expect(found.contains("speaking"))
        #expect(found.contains("can i help"))
        // Pure stop words, a run across a comma, runs longer than three words, placeholders.
        #expect(!found.contains("this is"))
        #expect(!found.contains("how can i"))
        #expect(!found.contains("northwind this"))
        #expect(!found.contains("thanks for calling northwind"))
        #expect(!found.contains { $0.contains("name") })
        #expect(units("Your order [ORDER_ID] shipped").contains("shipped"))
        #expect(!units("Your order [ORDER_ID] shipped").contains("order shipped"))
        #expect(units("I don't know, it's a follow-up.").contains("don't know"))
        #expect(units("I don't know, it's a follow-up.").contains("follow-up"))
        #expect(units("Call 42 now").allSatisfy { $0 != "42" })
    }

    @Test("Han text: runs of two to four characters, traditional counted as simplified, no particles alone")
    func hanUnits() {
        let found = units("感謝來電，我是小王的了")
        #expect(found.contains("感谢来电"))
        #expect(found.contains("谢来"))
        #expect(found.contains("我是小王"))
        #expect(!found.contains("电我"))
        #expect(!found.contains("感谢来电我"))
        #expect(!found.contains("的了"))
        #expect(found.contains("王的了"))
        #expect(!units("请输入#姓名#确认").contains { $0.contains("姓名") })
        #expect(units("请输入#姓名#确认").contains("输入"))
    }

    @Test("Shorter units inside a unit: fewer words, or fewer Han characters")
    func shorterUnits() {
        #expect(
            RubricSuggestionUnits.shorterUnits(of: "thanks for calling")
                == ["thanks", "for", "calling", "thanks for", "for calling"])
        #expect(RubricSuggestionUnits.shorterUnits(of: "感谢来电") == ["感谢", "谢来", "来电", "感谢来", "谢来电"])
        #expect(RubricSuggestionUnits.shorterUnits(of: "您好").isEmpty)
    }

    // MARK: measures

    @Test("The score is the log odds ratio with 0.5 added to each count")
    func score() {
        // (3.5 · 3.5) / (0.5 · 0.5) = 49
        #expect(abs(RubricSuggestions.score(calls: 3, groupSize: 3, callsAgainst: 0, againstSize: 3) - log(49)) < 1e-12)
        #expect(RubricSuggestions.score(calls: 2, groupSize: 4, callsAgainst: 3, againstSize: 6) == 0)
        #expect(RubricSuggestions.score(calls: 1, groupSize: 4, callsAgainst: 5, againstSize: 6) < 0)
    }

    @Test("The human verdict is the majority of the evaluators; a tie is none")
    func majority() {
        #expect(RubricSuggestions.majority([.pass, .pass, .fail]) == .pass)
        #expect(RubricSuggestions.majority([.na]) == .na)
        #expect(RubricSuggestions.majority([.pass, .fail]) == nil)
        #expect(RubricSuggestions.majority([.pass, .fail, .na]) == nil)
        #expect(RubricSuggestions.majority([]) == nil)
    }

    @Test("Quotes: the clause around the words, cut to about 80 characters around them")
    func quotes() {
        let text = "Hi there. Thanks for calling Northwind, how can I help? Bye."
        let range = text.utf8.count - "Northwind, how can I help? Bye.".utf8.count
        #expect(
            RubricSuggestionRanking.quote(text, around: range..<(range + 9))
                == "Thanks for calling Northwind, how can I help?")
        let long =
            String(repeating: "lorem ipsum ", count: 10) + "take care" + String(repeating: " dolor sit", count: 10)
        let start = long.utf8.count - "take care".utf8.count - 100
        let quote = RubricSuggestionRanking.quote(long, around: start..<(start + 9))
        #expect(quote.hasPrefix("…") && quote.hasSuffix("…") && quote.contains("take care"))
        #expect(quote.count <= RubricSuggestions.quoteLength)
        let han = "您好。感谢您的耐心，祝您生活愉快！再见"
        let offset = "您好。感谢您的耐心，".utf8.count
        #expect(RubricSuggestionRanking.quote(han, around: offset..<(offset + 6)) == "感谢您的耐心，祝您生活愉快！")
    }

    @Test("Text for a terminal: control and bidirectional characters made visible")
    func visible() {
        #expect(TerminalText.visible("a\u{1B}[31mb\tc") == "a␛[31mb␉c")
        #expect(TerminalText.visible("x\u{202E}y\u{85}") == "x\\u{202E}y\\u{85}")
        #expect(TerminalText.visible("感谢来电") == "感谢来电")
    }

    // MARK: focus

    private func focus(_ id: String, in rubric: Rubric) throws -> RubricSuggestionFocus? {
        RubricSuggestionFocus(try #require(rubric.item(id)))
    }

    @Test("Each check's wording: speaker and window, triggers for responses, penalties swap the groups")
    func focus() throws {
        let rubric = try Fixtures.rubric("checks")
        let greeting = try #require(try focus("greeting", in: rubric))
        #expect(greeting.words.speaker == .agent && greeting.words.window == .firstSeconds(10, fallbackTurns: 1))
        #expect(!greeting.penalises && greeting.triggers == nil)
        let apology = try #require(try focus("apology", in: rubric))
        #expect(apology.triggers?.speaker == .customer && apology.words.speaker == .agent)
        for id in ["blame", "understand", "negative"] {
            #expect(try focus(id, in: rubric)?.penalises == true, "\(id)")
        }
        #expect(try focus("positive", in: rubric)?.penalises == false)
        let metric = try Rubric(
            yaml: """
                id: m
                version: 1.0.0
                title: Metric
                languages: [en]
                pass: 50
                lists: {}
                items:
                  - {id: talk, title: Talk, weight: 10, description: Listen., check: {kind: metric, metric: interruptions, max: 2}}
                """, source: "metric.yaml")
        #expect(try focus("talk", in: metric) == nil)
    }

    // MARK: on the fixture calls

    private static let folder = Fixtures.root.appendingPathComponent("suggest")

    private static func suggestions(
        _ language: String, settings: RubricSuggestions.Settings = RubricSuggestions.Settings(), jobs: Int? = nil,
        shuffled: Bool = false
    ) throws -> RubricSuggestions {
        let base = folder.appendingPathComponent(language)
        let rubric = try Rubric(contentsOf: base.appendingPathComponent("rubric.yaml"))
        let text = try String(contentsOf: base.appendingPathComponent("labels.csv"), encoding: .utf8)
        let (labels, problems) = HumanLabels.parse(
            text, source: "labels.csv", knownItems: Set(rubric.items.map(\.id)))
        #expect(problems.isEmpty)
        let loader = TranscriptLoader()
        let inputs = loader.inputs(for: [base.appendingPathComponent("calls").path]).inputs
        if let jobs {
            return RubricSuggestions(
                scorer: Scorer(rubric), labels: labels, settings: settings, inputs: inputs, loader: loader, jobs: jobs
            ) { Issue.record("unexpected diagnostic: \($0)") }
        }
        var calls = inputs.flatMap { input in
            loader.events(from: input).compactMap { if case .call(let call) = $0 { call } else { nil } }
        }
        if shuffled { calls.reverse() }
        return RubricSuggestions(scorer: Scorer(rubric), calls: calls, labels: labels, settings: settings)
    }

    @Test("Calls are grouped by the majority of evaluators and the machine; ties and empty cells are left out")
    func groups() throws {
        let result = try Self.suggestions("en")
        #expect(result.labelledCallIDs.count == 14)
        #expect(!result.labelledCallIDs.contains("en-s-15"))
        #expect(result.items.map(\.id) == ["greeting", "apology", "closing", "forbidden"])
        let greeting = try #require(result.items.first)
        // en-s-12 is tied (pass/fail), en-s-13 passes two to one, en-s-14 has no greeting label.
        #expect(greeting.tied == 1)
        #expect(
            greeting.counts == [.bothPass: 4, .bothNotPass: 3, .humanOnlyPass: 3, .machineOnlyPass: 2])
        let apology = result.items[1]
        #expect(apology.counts[.humanApplicableMachineNA] == 3 && apology.counts[.bothNA] == 4)
    }

    @Test("Add: wording people accept that the rubric misses, one phrase once, with examples")
    func add() throws {
        let greeting = try #require(try Self.suggestions("en").items.first)
        let add = try #require(greeting.add)
        #expect(add.group == .humanOnlyPass && add.against == .bothNotPass && add.scope == "the agent's first turn")
        let first = try #require(add.candidates.first)
        #expect(first.phrase == "thanks for calling")
        #expect(first.calls == 3 && first.groupSize == 3 && first.callsAgainst == 0 && first.againstSize == 3)
        #expect(abs(first.score - log(49)) < 1e-12)
        #expect(first.examples.map(\.callID) == ["en-s-04", "en-s-05"])
        #expect(first.examples[0].turn == 0)
        #expect(first.examples[0].text == "Thanks for calling Northwind, this is Priya, how can I help?")
        // Pieces of the same phrase in the same calls are not listed again.
        let phrases = add.candidates.map(\.phrase)
        for piece in ["thanks for", "for calling", "for calling northwind", "calling", "thanks"] {
            #expect(!phrases.contains(piece), "\(piece)")
        }
        // Ranked by score, then calls, then text.
        #expect(phrases == ["thanks for calling", "northwind", "can i help"])
    }

    @Test("Remove: the rubric phrases quoted where only the machine passed, and wording that sets those calls apart")
    func remove() throws {
        let result = try Self.suggestions("en")
        let greeting = result.items[0]
        let quoted = try #require(greeting.removeQuoted?.candidates.first)
        #expect(quoted.phrase == "hello" && quoted.calls == 2 && quoted.groupSize == 2)
        #expect(quoted.callsAgainst == 1 && quoted.againstSize == 4)
        #expect(greeting.remove?.candidates.first?.phrase == "hold on")
        // A response item's evidence quotes the customer's trigger too.
        let apology = result.items[1]
        #expect(
            apology.removeQuoted?.candidates.map { "\($0.phrase)/\($0.speaker)" }
                == ["charged twice/customer", "sorry/agent"])
        #expect(apology.removeQuoted?.scope == "the machine's evidence")
    }

    @Test("Triggers: what customers said where only people found a response item applicable")
    func triggers() throws {
        let apology = try Self.suggestions("en").items[1]
        let triggers = try #require(apology.triggers)
        #expect(triggers.group == .humanApplicableMachineNA && triggers.against == .bothNA)
        #expect(triggers.scope == "the customer's turns")
        #expect(triggers.candidates.first?.phrase == "really annoyed")
        #expect(triggers.candidates.first?.speaker == .customer)
        #expect(apology.add?.candidates.first?.phrase == "i apologize")
    }

    @Test("An item that penalises wording swaps the groups: add from calls only the machine passed")
    func penalties() throws {
        let forbidden = try Self.suggestions("en").items[3]
        #expect(forbidden.add?.group == .machineOnlyPass && forbidden.add?.against == .bothPass)
        #expect(forbidden.add?.candidates.first?.phrase == "you should have")
        #expect(forbidden.removeQuoted?.group == .humanOnlyPass)
        #expect(forbidden.removeQuoted?.candidates.first?.phrase == "your fault")
        #expect(forbidden.remove?.candidates.contains { $0.phrase == "not your fault" } == true)
    }

    @Test("Chinese: character runs, traditional text counted with simplified, overlapping pieces kept once")
    func chinese() throws {
        let result = try Self.suggestions("zh")
        let greeting = try #require(result.items.first?.add?.candidates.first)
        #expect(greeting.phrase == "感谢来电" && greeting.calls == 3 && greeting.callsAgainst == 0)
        #expect(greeting.examples.map(\.text) == ["感谢来电，我是小李，请问有什么可以帮您？", "感謝來電，我是小陳，請問有什麼可以幫您？"])
        let closing = try #require(result.items.last)
        // 祝您生活愉快 gives three overlapping four-character runs in the same calls: the first stands for them.
        #expect(closing.add?.candidates.map(\.phrase) == ["祝您生活"])
        #expect(closing.removeQuoted?.candidates.map(\.phrase) == ["再见"])
        #expect(closing.remove?.candidates.isEmpty == true)
    }

    @Test("Settings: one item, fewer candidates, a higher support")
    func settings() throws {
        let result = try Self.suggestions(
            "en", settings: RubricSuggestions.Settings(minimumSupport: 3, top: 1, items: ["apology"]))
        #expect(result.items.map(\.id) == ["apology"])
        #expect(result.items[0].add?.candidates.map(\.phrase) == ["i apologize"])
        #expect(result.items[0].add?.candidates.allSatisfy { $0.calls >= 3 } == true)
    }

    @Test("The same suggestions whatever the order of the calls and the number of threads")
    func deterministic() throws {
        let plain = try Self.suggestions("en")
        #expect(try Self.suggestions("en", shuffled: true) == plain)
        #expect(try Self.suggestions("en", jobs: 1) == plain)
        #expect(try Self.suggestions("en", jobs: 3) == plain)
        #expect(plain.table() == (try Self.suggestions("en", jobs: 2).table()))
    }

    @Test("The table fits 80 columns")
    func tableWidth() throws {
        for language in ["en", "zh"] {
            for line in try Self.suggestions(language).table().split(separator: "\n") {
                #expect(DisplayWidth.of(line) <= 80, "\(line)")
            }
        }
    }
}
