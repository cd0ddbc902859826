// The Codable form of a scorecard's metrics: the objects ScorecardMetrics+JSON.swift writes,
// field for field and rounded the same way.

extension ScorecardMetrics: Codable {
    private enum CodingKeys: String, CodingKey {
        case available, duration, agentTalkShare, customerTalkShare, nonTalkShare
        case longestSilence, deadAir, interruptions, rateUnit, agentRate, customerRate, paceRatio, responseLatency
    }
    private enum DeadAirKeys: String, CodingKey { case seconds, count, silences }
    private enum InterruptionKeys: String, CodingKey { case count, list }

    /// Decodes the `metrics` object of a scorecard whose call has metrics
    /// (`"available": true`); the counts of dead air and interruptions are
    /// those of their lists.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard try container.decode(Bool.self, forKey: .available) else {
            throw DecodingError.dataCorruptedError(
                forKey: .available, in: container,
                debugDescription: "the call has no metrics")
        }
        duration = try container.decode(Double.self, forKey: .duration)
        agentTalkShare = try container.decode(Double.self, forKey: .agentTalkShare)
        customerTalkShare = try container.decode(Double.self, forKey: .customerTalkShare)
        nonTalkShare = try container.decode(Double.self, forKey: .nonTalkShare)
        longestSilence = try container.decodeIfPresent(ConversationMetrics.Silence.self, forKey: .longestSilence)
        let deadAirContainer = try container.nestedContainer(keyedBy: DeadAirKeys.self, forKey: .deadAir)
        deadAirSeconds = try deadAirContainer.decode(Double.self, forKey: .seconds)
        deadAir = try deadAirContainer.decode([ConversationMetrics.Silence].self, forKey: .silences)
        interruptions = try container.nestedContainer(keyedBy: InterruptionKeys.self, forKey: .interruptions)
            .decode([ConversationMetrics.Interruption].self, forKey: .list)
        rateUnit = try container.decode(String.self, forKey: .rateUnit)
        agentRate = try container.decodeIfPresent(Double.self, forKey: .agentRate)
        customerRate = try container.decodeIfPresent(Double.self, forKey: .customerRate)
        paceRatio = try container.decodeIfPresent(Double.self, forKey: .paceRatio)
        responseLatency = try container.decode(ResponseLatency.self, forKey: .responseLatency)
    }

    /// Encodes the object ``write(to:)`` writes, rounded the same way.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(true, forKey: .available)
        try container.encode(NumberText.rounded(duration, places: 3), forKey: .duration)
        try container.encode(NumberText.rounded(agentTalkShare, places: 2), forKey: .agentTalkShare)
        try container.encode(NumberText.rounded(customerTalkShare, places: 2), forKey: .customerTalkShare)
        try container.encode(NumberText.rounded(nonTalkShare, places: 2), forKey: .nonTalkShare)
        try container.encodeIfPresent(longestSilence, forKey: .longestSilence)
        var deadAirContainer = container.nestedContainer(keyedBy: DeadAirKeys.self, forKey: .deadAir)
        try deadAirContainer.encode(NumberText.rounded(deadAirSeconds, places: 3), forKey: .seconds)
        try deadAirContainer.encode(deadAir.count, forKey: .count)
        try deadAirContainer.encode(deadAir, forKey: .silences)
        var interruptionContainer = container.nestedContainer(keyedBy: InterruptionKeys.self, forKey: .interruptions)
        try interruptionContainer.encode(interruptions.count, forKey: .count)
        try interruptionContainer.encode(interruptions, forKey: .list)
        try container.encode(rateUnit, forKey: .rateUnit)
        try container.encodeIfPresent(agentRate.map { NumberText.rounded($0, places: 2) }, forKey: .agentRate)
        try container.encodeIfPresent(customerRate.map { NumberText.rounded($0, places: 2) }, forKey: .customerRate)
        try container.encodeIfPresent(paceRatio.map { NumberText.rounded($0, places: 2) }, forKey: .paceRatio)
        try container.encode(responseLatency, forKey: .responseLatency)
    }
}

extension ScorecardMetrics.ResponseLatency: Codable {
    private enum CodingKeys: String, CodingKey { case count, mean, longest, longestTurn }

    /// Decodes `{"count", "mean"?, "longest"?, "longestTurn"?}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            count: try container.decode(Int.self, forKey: .count),
            mean: try container.decodeIfPresent(Double.self, forKey: .mean),
            longest: try container.decodeIfPresent(Double.self, forKey: .longest),
            longestTurn: try container.decodeIfPresent(Int.self, forKey: .longestTurn))
    }

    /// Encodes `{"count", "mean"?, "longest"?, "longestTurn"?}`, seconds rounded to the millisecond.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(count, forKey: .count)
        try container.encodeIfPresent(mean.map { NumberText.rounded($0, places: 3) }, forKey: .mean)
        try container.encodeIfPresent(longest.map { NumberText.rounded($0, places: 3) }, forKey: .longest)
        try container.encodeIfPresent(longestTurn, forKey: .longestTurn)
    }
}

extension ConversationMetrics.Silence: Codable {
    private enum CodingKeys: String, CodingKey { case start, end, duration, afterTurn, beforeTurn }

    /// Decodes `{"start", "end", "duration", "afterTurn", "beforeTurn"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            start: try container.decode(Double.self, forKey: .start),
            end: try container.decode(Double.self, forKey: .end),
            afterTurn: try container.decode(Int.self, forKey: .afterTurn),
            beforeTurn: try container.decode(Int.self, forKey: .beforeTurn))
        duration = try container.decode(Double.self, forKey: .duration)
    }

    /// Encodes the object ``write(to:)`` writes, times rounded to the millisecond.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(NumberText.rounded(start, places: 3), forKey: .start)
        try container.encode(NumberText.rounded(end, places: 3), forKey: .end)
        try container.encode(NumberText.rounded(duration, places: 3), forKey: .duration)
        try container.encode(afterTurn, forKey: .afterTurn)
        try container.encode(beforeTurn, forKey: .beforeTurn)
    }
}

extension ConversationMetrics.Interruption: Codable {
    private enum CodingKeys: String, CodingKey { case turn, interruptedTurn, at, overlap }

    /// Decodes `{"turn", "interruptedTurn", "at", "overlap"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            turn: try container.decode(Int.self, forKey: .turn),
            interruptedTurn: try container.decode(Int.self, forKey: .interruptedTurn),
            at: try container.decode(Double.self, forKey: .at),
            overlap: try container.decode(Double.self, forKey: .overlap))
    }

    /// Encodes the object a scorecard's `interruptions.list` holds, times rounded to the millisecond.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(turn, forKey: .turn)
        try container.encode(interruptedTurn, forKey: .interruptedTurn)
        try container.encode(NumberText.rounded(at, places: 3), forKey: .at)
        try container.encode(NumberText.rounded(overlap, places: 3), forKey: .overlap)
    }
}

extension ConversationMetrics.Unavailable: Codable {
    private enum CodingKeys: String, CodingKey { case available, reason }

    /// Decodes `{"available": false, "reason": …}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard try !container.decode(Bool.self, forKey: .available) else {
            throw DecodingError.dataCorruptedError(
                forKey: .available, in: container,
                debugDescription: "the call has metrics")
        }
        self.init(reason: try container.decode(String.self, forKey: .reason))
    }

    /// Encodes the object ``ConversationMetrics/writeUnavailable(reason:to:)`` writes.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(false, forKey: .available)
        try container.encode(reason, forKey: .reason)
    }
}
