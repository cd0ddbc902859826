extension ConversationMetrics {
    /// The metrics of a call, or why it has none.
    ///
    /// Every agent and customer turn needs a start and an end time (turns by
    /// other speakers count as talk when timed); a time that is not a valid
    /// one (see ``TurnTime``) counts as unknown. Talk time is the union of a
    /// side's turns, so overlapping turns are not counted twice; silences are
    /// the gaps in everyone's talk. The cost grows with the turns as
    /// n log n: every figure is found in one pass over the turns in time order.
    public static func compute(for call: Call, settings: Settings = Settings()) -> Result<
        ConversationMetrics, Unavailable
    > {
        let call = call.withValidTimes()
        let scored = call.turns.lazy.filter { $0.role != .other }
        guard !scored.isEmpty else { return .failure(Unavailable(reason: "the call has no agent or customer turns")) }
        if scored.allSatisfy({ $0.start == nil }) {
            return .failure(Unavailable(reason: "the transcript has no times"))
        }
        if let untimed = call.turns.firstIndex(where: { $0.role != .other && ($0.start == nil || $0.end == nil) }) {
            let what = call.turns[untimed].start == nil ? "no start time" : "a start time but no end time"
            return .failure(Unavailable(reason: "turn \(untimed) has \(what): metrics need every turn's start and end"))
        }
        let timed = call.turns.indices.filter { call.turns[$0].start != nil && call.turns[$0].end != nil }
            .sorted { (call.turns[$0].start!, $0) < (call.turns[$1].start!, $1) }
        func start(_ index: Int) -> Double { call.turns[index].start! }
        func end(_ index: Int) -> Double { call.turns[index].end! }

        let first = timed.map(start).min()!
        let last = timed.map(end).max()!
        let duration = last - first
        guard duration > 0 else { return .failure(Unavailable(reason: "the turns' times span no time")) }

        func talk(_ turns: [Int]) -> Double { union(turns.map { (start($0), end($0)) }).reduce(0) { $0 + $1.1 - $1.0 } }
        let agentTurns = timed.filter { call.turns[$0].role == .agent }
        let customerTurns = timed.filter { call.turns[$0].role == .customer }

        // Silences: gaps in everyone's talk, each between the turn that ends it last and the next to start.
        var silences: [Silence] = []
        var reach = end(timed[0])
        var reachTurn = timed[0]
        for index in timed.dropFirst() {
            if start(index) > reach {
                silences.append(Silence(start: reach, end: start(index), afterTurn: reachTurn, beforeTurn: index))
            }
            if end(index) >= reach {
                reach = end(index)
                reachTurn = index
            }
        }
        let silent = silences.reduce(0) { $0 + $1.duration }
        let deadAir = silences.filter { $0.duration >= settings.deadAir && call.turns[$0.beforeTurn].role == .agent }

        let interruptions = interruptions(
            agentTurns: agentTurns, customerTurns: customerTurns, start: start, end: end,
            minimumOverlap: settings.interruptionOverlap)

        // Each customer turn answered by the next agent turn to start after it began.
        var responses: [Response] = []
        for (position, index) in timed.enumerated() where call.turns[index].role == .customer {
            guard let next = timed[(position + 1)...].first(where: { call.turns[$0].role != .other }),
                call.turns[next].role == .agent
            else { continue }
            responses.append(Response(customerTurn: index, turn: next, latency: max(0, start(next) - end(index))))
        }

        let chinese = call.language == .simplifiedChinese || call.language == .traditionalChinese
        func rate(_ turns: [Int]) -> Double? {
            let spoken = turns.filter { end($0) > start($0) }
            let seconds = spoken.reduce(0) { $0 + end($1) - start($1) }
            let units = spoken.reduce(0) { $0 + SpeechUnits.count(in: call.turns[$1].text) }
            guard seconds > 0, units > 0 else { return nil }
            let rate = chinese ? Double(units) / seconds : Double(units) / seconds * 60
            // Turns a few nanoseconds long make a rate too large to be one.
            return rate.isFinite ? rate : nil
        }
        let agentRate = rate(agentTurns)
        let customerRate = rate(customerTurns)
        let paceRatio = agentRate.flatMap { agent in customerRate.map { agent / $0 } }

        return .success(
            ConversationMetrics(
                duration: duration,
                agentTalkShare: talk(agentTurns) / duration * 100,
                customerTalkShare: talk(customerTurns) / duration * 100,
                nonTalkShare: silent / duration * 100,
                silences: silences,
                longestSilence: silences.max { $0.duration < $1.duration },
                deadAir: deadAir,
                interruptions: interruptions,
                agentRate: agentRate,
                customerRate: customerRate,
                rateUnit: chinese ? "chars/s" : "words/min",
                paceRatio: paceRatio.flatMap { $0.isFinite ? $0 : nil },
                responses: responses))
    }

    /// Each agent turn that starts while a customer turn is under way, by
    /// more than `minimumOverlap` seconds of the customer's turn, and the
    /// customer turn it overlaps most (the earliest of equals).
    ///
    /// One sweep in time order: both lists are in order of start, so the
    /// customer turns begun before an agent turn grow as the agent turns are
    /// taken in turn. Of those, the one reaching furthest overlaps most, and
    /// the earliest that overlaps as much is among the turns that reached
    /// further than every earlier one (the records), whose ends increase:
    /// a binary search finds it. Same result as trying every pair.
    private static func interruptions(
        agentTurns: [Int], customerTurns: [Int], start: (Int) -> Double, end: (Int) -> Double,
        minimumOverlap: Double
    ) -> [Interruption] {
        var interruptions: [Interruption] = []
        var records: [Int] = []
        var begun = 0
        for agent in agentTurns {
            let at = start(agent)
            while begun < customerTurns.count && start(customerTurns[begun]) < at {
                let customer = customerTurns[begun]
                if records.last.map({ end(customer) > end($0) }) ?? true { records.append(customer) }
                begun += 1
            }
            guard let furthest = records.last, end(furthest) > at else { continue }
            func overlap(_ customer: Int) -> Double { min(end(agent), end(customer)) - at }
            let most = overlap(furthest)
            guard most > minimumOverlap else { continue }
            let first = records[records.partitioningIndex { end($0) > at && overlap($0) >= most }]
            interruptions.append(Interruption(turn: agent, interruptedTurn: first, at: at, overlap: most))
        }
        return interruptions
    }

    /// Intervals merged where they overlap or touch, in order.
    private static func union(_ intervals: [(Double, Double)]) -> [(Double, Double)] {
        var merged: [(Double, Double)] = []
        for interval in intervals.sorted(by: { $0.0 < $1.0 }) {
            if let last = merged.last, interval.0 <= last.1 {
                merged[merged.count - 1].1 = max(last.1, interval.1)
            } else {
                merged.append(interval)
            }
        }
        return merged
    }
}
