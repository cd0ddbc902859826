import CallQA
import Testing

@Suite("Conversation metrics")
struct ConversationMetricsTests {
    /// en-hold, timed by hand: agent [0, 4.2] [9.5, 15] [17, 20.5] [52.5, 58] [60.6, 65];
    /// customer [4.6, 11] [15.4, 16.6] [58.4, 60].
    @Test("Talk shares, silences, dead air, interruptions and latencies of a hand-timed call")
    func handTimed() throws {
        let call = try #require(Fixtures.read("formats/same-call/en-hold.txt").call)
        let metrics = try ConversationMetrics.compute(for: call).get()
        #expect(metrics.duration == 65)
        #expect(abs(metrics.agentTalkShare - 23.1 / 65 * 100) < 1e-9)
        #expect(abs(metrics.customerTalkShare - 9.2 / 65 * 100) < 1e-9)
        #expect(abs(metrics.nonTalkShare - 34.2 / 65 * 100) < 1e-9)
        #expect(metrics.silences.count == 6)
        let longest = try #require(metrics.longestSilence)
        #expect(longest.start == 20.5 && longest.end == 52.5 && longest.afterTurn == 4 && longest.beforeTurn == 5)
        #expect(metrics.deadAir.map(\.duration) == [32])
        #expect(metrics.interruptions.count == 1)
        #expect(metrics.interruptions[0].turn == 2 && metrics.interruptions[0].interruptedTurn == 1)
        #expect(metrics.interruptions[0].at == 9.5 && abs(metrics.interruptions[0].overlap - 1.5) < 1e-9)
        #expect(metrics.responses.map(\.turn) == [2, 4, 7])
        #expect(metrics.responses.map { ($0.latency * 10).rounded() / 10 } == [0, 0.4, 0.6])
        #expect(metrics.longestResponse?.turn == 7)
    }

    @Test("Speaking rates: words per minute in English, characters per second in Chinese; pace ratio")
    func rates() throws {
        let english = Fixtures.call(
            """
            # language: en
            [00:00:00 - 00:00:03] Agent: one two three four five six
            [00:00:03 - 00:00:06] Customer: one two three
            """)
        let en = try ConversationMetrics.compute(for: english).get()
        #expect(en.rateUnit == "words/min")
        #expect(en.agentRate == 120 && en.customerRate == 60 && en.paceRatio == 2)

        let chinese = Fixtures.call(
            """
            # language: zh-Hans
            [00:00:00 - 00:00:02] 客服: 您好，请问有什么可以帮您？
            [00:00:02 - 00:00:06] 客户: 我想查保单，ok？
            """)
        let zh = try ConversationMetrics.compute(for: chinese).get()
        #expect(zh.rateUnit == "chars/s")
        #expect(zh.agentRate == 5.5) // 11 characters in 2 s
        #expect(zh.customerRate == 1.5) // 5 characters and a word in 4 s
        #expect(zh.interruptions.isEmpty && zh.silences.isEmpty)
    }

    @Test("A back-channel under the threshold is no interruption; the threshold comes from the settings")
    func threshold() throws {
        let call = Fixtures.call(
            """
            [00:00:00 - 00:00:10] Customer: I have been trying to reach you all week about my order
            [00:00:05 - 00:00:05.5] Agent: mm-hm
            [00:00:08 - 00:00:12] Agent: I see, let me check that
            """)
        let metrics = try ConversationMetrics.compute(for: call).get()
        #expect(metrics.interruptions.map(\.turn) == [2])
        let strict = try ConversationMetrics.compute(for: call, settings: .init(interruptionOverlap: 0.2)).get()
        #expect(strict.interruptions.map(\.turn) == [1, 2])
    }

    @Test("Without times, or with a turn missing its end, metrics are unavailable and say why")
    func unavailable() throws {
        let untimed = Fixtures.call("Agent: Hello\nCustomer: Hi")
        #expect(throws: ConversationMetrics.Unavailable(reason: "the transcript has no times")) {
            try ConversationMetrics.compute(for: untimed).get()
        }
        let open = Fixtures.call("[00:00:01] Agent: Hello\n[00:00:02 - 00:00:03] Customer: Hi")
        #expect(throws: ConversationMetrics.Unavailable.self) { try ConversationMetrics.compute(for: open).get() }
        let card = Scorer(try Fixtures.shipped("en-standard")).score(untimed)
        #expect(card.metrics == nil && card.metricsUnavailable == "the transcript has no times")
        #expect(card.item("hold")?.status == .na && card.item("interruptions")?.status == .na)
    }

    @Test("Hold etiquette: a long silence without permission or thanks fails, naming its times")
    func holdCheck() throws {
        let rubric = try Fixtures.shipped("en-standard")
        let call = Fixtures.call(
            """
            [00:00:00 - 00:00:03] Agent: Hello, this is Sam, how can I help?
            [00:00:03 - 00:00:06] Customer: What is my balance?
            [00:00:06 - 00:00:08] Agent: Could you please hold while I check?
            [00:00:40 - 00:00:44] Agent: Your balance is twenty dollars.
            """)
        let hold = try #require(Scorer(rubric).score(call).item("hold"))
        #expect(hold.status == .partial)
        #expect(hold.note == "silence 00:08–00:40 (32 s): no thanks for waiting after it")
        #expect(hold.evidence.map(\.text) == ["Could you please hold"])
        #expect(hold.missing == ["thanks for waiting after the silence ending 00:40"])
    }

    @Test("Metric items take max, min or within, pass or fail with the value, and are N/A without a value")
    func metricItems() throws {
        let yaml = """
            id: metric-items
            version: 1.0.0
            title: Metric items
            languages: [en]
            pass: 50
            lists: {hello: [hello]}
            items:
              - {id: interruptions, title: I, weight: 1, description: d, \
            check: {kind: metric, metric: interruptions, max: 0}}
              - {id: pace, title: P, weight: 1, description: d, \
            check: {kind: metric, metric: pace-ratio, within: [0.7, 1.4]}}
              - {id: silence, title: S, weight: 1, description: d, \
            check: {kind: metric, metric: longest-silence, max: 30}}
              - {id: talk, title: T, weight: 1, description: d, \
            check: {kind: metric, metric: agent-talk-share, min: 40}}
            """
        let rubric = try Rubric(yaml: yaml, source: "metric-items.yaml")
        let call = try #require(Fixtures.read("formats/same-call/en-hold.vtt").call)
        let card = Scorer(rubric).score(call)
        #expect(card.item("interruptions")?.status == .fail)
        #expect(
            card.item("interruptions")?.note
                == "interruptions 1, above the maximum 0; at 00:09 (turn 2, 1.5 s over the customer)")
        #expect(card.item("interruptions")?.evidence.map(\.turn) == [2])
        #expect(card.item("pace")?.status == .pass)
        #expect(card.item("silence")?.status == .fail)
        #expect(card.item("silence")?.evidence.map(\.turn) == [5])
        #expect(card.item("talk")?.status == .fail)

        let mute = Fixtures.call("[00:00:00 - 00:00:02] Agent: Hello\n[00:00:03 - 00:00:04] Customer: …")
        #expect(Scorer(rubric).score(mute).item("pace")?.status == .na)

        #expect(throws: RubricError.self) {
            try Rubric(
                yaml: yaml.replacingOccurrences(of: "metric: interruptions", with: "metric: shouting"),
                source: "bad.yaml")
        }
    }
    /// Calls full of overlapping, touching, zero-length and tied turns, in
    /// no particular order, timed to the tenth of a second.
    private static func overlappingCall(seed: UInt64, turns: Int) -> Call {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
        let roles: [SpeakerRole] = [.agent, .customer, .customer, .agent, .other]
        return Call(
            id: "overlaps-\(seed)", language: .english,
            turns: (0..<turns).map { _ in
                let start = Double(next(600)) / 10
                return Turn(
                    role: roles[next(roles.count)], start: start, end: start + Double(next(60)) / 10, text: "words")
            })
    }

    /// The interruptions by trying every agent turn against every customer
    /// turn, the definition the sweep must meet: for each, the agent turn,
    /// the customer turn, when and the overlap.
    private static func interruptionsByEveryPair(_ call: Call, minimumOverlap: Double) -> [[Double]] {
        let timed = call.turns.indices.sorted { (call.turns[$0].start!, $0) < (call.turns[$1].start!, $1) }
        let customers = timed.filter { call.turns[$0].role == .customer }
        return timed.filter { call.turns[$0].role == .agent }.compactMap { agent -> [Double]? in
            let at = call.turns[agent].start!
            let found =
                customers
                .filter { call.turns[$0].start! < at && at < call.turns[$0].end! }
                .map { (turn: $0, overlap: min(call.turns[agent].end!, call.turns[$0].end!) - at) }
                .max { $0.overlap < $1.overlap }
            guard let found, found.overlap > minimumOverlap else { return nil }
            return [Double(agent), Double(found.turn), at, found.overlap]
        }
    }

    @Test("Interruptions found in one sweep in time order are those of every pair of turns", arguments: UInt64(1)...12)
    func interruptionsSweep(seed: UInt64) throws {
        let call = Self.overlappingCall(seed: seed, turns: 20 + Int(seed) * 15)
        for minimumOverlap in [0, 0.5, 1, 3] {
            let settings = ConversationMetrics.Settings(interruptionOverlap: minimumOverlap)
            let metrics = try ConversationMetrics.compute(for: call, settings: settings).get()
            let expected = Self.interruptionsByEveryPair(call, minimumOverlap: minimumOverlap)
            let found = metrics.interruptions.map { [Double($0.turn), Double($0.interruptedTurn), $0.at, $0.overlap] }
            #expect(found == expected, "seed \(seed), overlap \(minimumOverlap)")
            #expect(!expected.isEmpty || minimumOverlap > 1, "seed \(seed): the call has no interruption to find")
        }
    }

    @Test("Of customer turns overlapped alike, the earliest is the one interrupted")
    func interruptionTies() throws {
        let call = Fixtures.call(
            """
            [00:00:00 - 00:00:20] Customer: I have called three times about this order
            [00:00:01 - 00:00:08] Customer: and every time I was told to wait
            [00:00:02 - 00:00:09] Customer: so now I want a refund
            [00:00:05 - 00:00:07] Agent: I see
            [00:00:08.5 - 00:00:12] Agent: let me check the order for you
            """)
        let metrics = try ConversationMetrics.compute(for: call).get()
        #expect(metrics.interruptions.map(\.turn) == [3, 4])
        #expect(metrics.interruptions.map(\.interruptedTurn) == [0, 0])
        #expect(metrics.interruptions.map(\.overlap) == [2, 3.5])
    }
}
