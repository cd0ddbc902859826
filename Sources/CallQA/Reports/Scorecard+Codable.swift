// A scorecard's Codable form: the object Scorecard+JSON.swift writes for `callqa score`,
// field for field, so the tool's JSON decodes as scorecards and encodes back the same.

extension Scorecard: Codable {
    /// The JSON field names, in the order CallQA writes them.
    private enum CodingKeys: String, CodingKey {
        case callID = "id"
        case source, agent, language, metadata
        case rubric, rubricVersion, rubricSha256
        case score, passed, criticalFailures, items, wording, metrics
    }
    private enum MetricsKeys: String, CodingKey { case available }
    /// A metadata key, so that metadata encodes in key order as the tool writes it.
    private struct MetadataKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes a call object of `callqa score --format json` (a line of
    /// `--format jsonl`); `{"available": false, "reason": …}` metrics give
    /// ``metricsUnavailable``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        callID = try container.decode(String.self, forKey: .callID)
        source = try container.decode(Call.Source.self, forKey: .source)
        agent = try container.decodeIfPresent(String.self, forKey: .agent)
        language = try container.decode(Language.self, forKey: .language)
        metadata = try container.decodeIfPresent([String: String].self, forKey: .metadata) ?? [:]
        rubric = try RubricReference(
            fieldsOf: container, id: .rubric, version: .rubricVersion, sha256: .rubricSha256)
        score = try container.decode(Double.self, forKey: .score)
        passed = try container.decode(Bool.self, forKey: .passed)
        criticalFailures = try container.decode([String].self, forKey: .criticalFailures)
        items = try container.decode([ItemResult].self, forKey: .items)
        wording = try container.decode(WordingCount.self, forKey: .wording)
        let available = try container.nestedContainer(keyedBy: MetricsKeys.self, forKey: .metrics)
            .decode(Bool.self, forKey: .available)
        if available {
            metrics = try container.decode(ScorecardMetrics.self, forKey: .metrics)
            metricsUnavailable = nil
        } else {
            metrics = nil
            metricsUnavailable = try container.decode(ConversationMetrics.Unavailable.self, forKey: .metrics).reason
        }
    }

    /// Encodes the object ``write(to:)`` writes.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(callID, forKey: .callID)
        try container.encode(source, forKey: .source)
        try container.encodeIfPresent(agent, forKey: .agent)
        try container.encode(language, forKey: .language)
        var fields = container.nestedContainer(keyedBy: MetadataKey.self, forKey: .metadata)
        for key in metadata.keys.sorted() { try fields.encode(metadata[key]!, forKey: MetadataKey(stringValue: key)) }
        try container.encode(rubric.id, forKey: .rubric)
        try container.encode(rubric.version, forKey: .rubricVersion)
        try container.encode(rubric.sha256, forKey: .rubricSha256)
        try container.encode(score, forKey: .score)
        try container.encode(passed, forKey: .passed)
        try container.encode(criticalFailures, forKey: .criticalFailures)
        try container.encode(items, forKey: .items)
        try container.encode(wording, forKey: .wording)
        if let metrics {
            try container.encode(metrics, forKey: .metrics)
        } else {
            let unavailable = ConversationMetrics.Unavailable(reason: metricsUnavailable ?? "not computed")
            try container.encode(unavailable, forKey: .metrics)
        }
    }
}
