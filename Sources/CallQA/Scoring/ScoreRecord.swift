/// What summaries need of a scored call: who, which rubric, the score and
/// each item's verdict.
///
/// Made from a ``Scorecard``, or decoded from a line of `callqa score
/// --format jsonl` output, so that results scored on different machines can
/// be summarised together (`callqa report`).
public struct ScoreRecord: Sendable, Equatable, Decodable {
    /// The call's ID.
    public var callID: String
    /// Where the call was read from, when the result says.
    public var source: Call.Source?
    /// The agent, if the transcript names them.
    public var agent: String?
    /// The rubric that scored the call.
    public var rubric: RubricReference
    /// The call's score, 0–100.
    public var score: Double
    /// Whether the call passed.
    public var passed: Bool
    /// Each item's verdict, in rubric order.
    public var items: [Item]
    /// The call's headline conversation metrics, when it was timed.
    public var metrics: MetricFigures?
    /// The call's other facts (`date`, `queue`, …) by key; empty in results
    /// written before scorecards carried them.
    public var metadata: [String: String] = [:]

    /// One item's verdict.
    public struct Item: Sendable, Equatable, Decodable {
        /// The item's ID.
        public var id: String
        /// Its verdict.
        public var status: ItemStatus

        /// Creates an item verdict.
        public init(id: String, status: ItemStatus) {
            self.id = id
            self.status = status
        }
    }

    /// Creates a record from its parts.
    public init(
        callID: String, agent: String?, rubric: RubricReference, score: Double, passed: Bool, items: [Item],
        metrics: MetricFigures? = nil, metadata: [String: String] = [:]
    ) {
        self.metrics = metrics
        self.metadata = metadata
        self.callID = callID
        self.agent = agent
        self.rubric = rubric
        self.score = score
        self.passed = passed
        self.items = items
    }

    /// The record of a scorecard.
    public init(_ card: Scorecard) {
        self.init(
            callID: card.callID, agent: card.agent, rubric: card.rubric, score: card.score, passed: card.passed,
            items: card.items.map { Item(id: $0.id, status: $0.status) }, metrics: card.metrics.map(MetricFigures.init),
            metadata: card.metadata)
        source = card.source
    }

    private enum CodingKeys: String, CodingKey {
        case id, source, agent, metadata, rubric, rubricVersion, rubricSha256, score, passed, items, metrics
    }

    /// Decodes a call object of CallQA's JSON output. A score that is not a
    /// number from 0 to 100 is an error (`DecodingError.dataCorrupted`):
    /// results are never summarised with impossible scores.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        callID = try container.decode(String.self, forKey: .id)
        source = try? container.decodeIfPresent(Call.Source.self, forKey: .source)
        agent = try container.decodeIfPresent(String.self, forKey: .agent)
        rubric = try RubricReference(
            fieldsOf: container, id: .rubric, version: .rubricVersion, sha256: .rubricSha256)
        score = try container.decode(Double.self, forKey: .score)
        guard score.isFinite, (0...100).contains(score) else {
            throw DecodingError.dataCorruptedError(
                forKey: .score, in: container,
                debugDescription: "'score' is \(NumberText.shortest(score)), not a score from 0 to 100")
        }
        passed = try container.decode(Bool.self, forKey: .passed)
        items = try container.decode([Item].self, forKey: .items)
        metrics = try? container.decodeIfPresent(MetricFigures.self, forKey: .metrics)
        metadata = try container.decodeIfPresent([String: String].self, forKey: .metadata) ?? [:]
    }
}
