import CallQA

/// The calls or agents that scored below `--fail-under`: the first few named,
/// all counted, so that memory stays bounded on any batch.
struct BelowThreshold {
    /// How many are named in the message.
    static let named = 20

    /// Those named, in the order met.
    private(set) var first: [(name: String, score: Double)] = []
    /// How many there are.
    private(set) var count = 0

    /// Counts one, and names it while there is room.
    mutating func add(_ name: String, _ score: Double) {
        count += 1
        if first.count < Self.named { first.append((name, score)) }
    }

    /// `callqa: 2 calls scored below --fail-under 80: zh-poor-001 (0), en-billing-102 (12.5)`.
    func message(of what: String, threshold: Double) -> String {
        let names = first.map { "\($0.name) (\(NumberText.shortest($0.score)))" }.joined(separator: ", ")
        let more = count > first.count ? ", and \(count - first.count) more" : ""
        return "callqa: \(count) \(what)\(count == 1 ? "" : "s") scored below --fail-under "
            + "\(NumberText.shortest(threshold)): \(names)\(more)"
    }
}
