/// One recorded conversation between an agent and a customer.
///
/// A `Call` is what every reader produces and what every later stage (scoring,
/// reports) consumes. It is a plain value: `Sendable`, `Codable` and
/// `Equatable`, so calls can be scored on any thread, cached and compared.
///
/// ```swift
/// let call = Call(id: "demo-1", agent: "张丽", language: .simplifiedChinese, turns: [
///     Turn(role: .agent, text: "中国人寿客户服务部,我是张丽,您需要什么帮助?"),
///     Turn(role: .customer, text: "我想查一下保单。"),
/// ])
/// ```
public struct Call: Sendable, Codable, Equatable, Hashable, Identifiable {
    /// The call's identifier: from the transcript, or the file name when the
    /// transcript does not give one.
    public var id: String
    /// The agent's name or ID, when the transcript gives it.
    public var agent: String?
    /// The customer's name, when the transcript gives it.
    public var customer: String?
    /// The language the call is held in: declared by the transcript, or
    /// recognised from its text when undeclared.
    public var language: Language
    /// Any other facts about the call (`date`, `queue`, …), by key.
    public var metadata: [String: String]
    /// Where the call was read from.
    public var source: Source
    /// The turns, in the order they were spoken.
    public var turns: [Turn]
    /// What a ``Redactor`` masked, with the words it replaced; `nil` when the
    /// call was not redacted. Never encoded.
    var redaction: CallRedaction?

    /// Creates a call.
    public init(
        id: String, agent: String? = nil, customer: String? = nil, language: Language = .unknown,
        metadata: [String: String] = [:], source: Source = Source(path: "-"), turns: [Turn] = []
    ) {
        self.id = id
        self.agent = agent
        self.customer = customer
        self.language = language
        self.metadata = metadata
        self.source = source
        self.turns = turns
    }

    /// The coded fields: every public one.
    enum CodingKeys: String, CodingKey {
        case id, agent, customer, language, metadata, source, turns
    }

    /// Where a call came from: a file (or standard input) and its place in it.
    public struct Source: Sendable, Codable, Equatable, Hashable, CustomStringConvertible {
        /// The file path as the user gave it, or `-` for standard input.
        public var path: String
        /// The 1-based line where the call begins, when the format has lines.
        public var line: Int?
        /// The call's 0-based position among the calls of its file.
        public var index: Int

        /// Creates a source.
        public init(path: String, line: Int? = nil, index: Int = 0) {
            self.path = path
            self.line = line
            self.index = index
        }

        /// `path:line`, or `path` when the line is unknown.
        public var description: String {
            line.map { "\(path):\($0)" } ?? path
        }
    }
}

extension Call {
    /// The turns spoken by the given role, with their indices in ``turns``.
    public func turns(by role: SpeakerRole) -> [(index: Int, turn: Turn)] {
        turns.enumerated().filter { $0.element.role == role }.map { (index: $0.offset, turn: $0.element) }
    }

    /// Whether every turn carries a start time.
    public var isTimed: Bool {
        !turns.isEmpty && turns.allSatisfy { $0.start != nil }
    }
}
