/// Human QA results to calibrate against, read from CSV.
///
/// ```text
/// call,evaluator,score,greeting,apology,customer-name
/// zh-model-001,王敏,95,pass,pass,pass
/// zh-poor-001,王敏,10,fail,fail,na
/// zh-poor-001,李强,15,0,0,
/// ```
///
/// - `call` (or `id`, `call_id`) names the call; required.
/// - `evaluator` (or `reviewer`, `rater`): who labelled it; a call may have several rows.
/// - `score` (or `total`): the human's total score, 0–100; optional.
/// - Every other column is an item id; a verdict is `pass`, `fail`, `partial`
///   (not met in full: counted as `fail`), `na`, or `1`/`0`, `yes`/`no`; an
///   empty cell means not labelled.
public struct HumanLabels: Sendable, Equatable {
    /// A human verdict on an item.
    public enum Verdict: String, Sendable, Hashable, Codable {
        case pass, fail, na

        /// The machine's status in the same terms: `partial` is not a pass.
        public init(_ status: ItemStatus) {
            switch status {
            case .pass: self = .pass
            case .partial, .fail: self = .fail
            case .na: self = .na
            }
        }
    }

    /// One row: one evaluator's results for one call.
    public struct Label: Sendable, Equatable {
        /// The call's id.
        public var callID: String
        /// Who labelled it, when the file says.
        public var evaluator: String?
        /// The human's total score, when given.
        public var total: Double?
        /// Verdicts by item id.
        public var verdicts: [String: Verdict]
        /// The row's line in the file.
        public var line: Int
    }

    /// Every row read.
    public var labels: [Label]
    /// The item columns that were read, in file order.
    public var items: [String]

    /// Reads labels from a CSV file's bytes: UTF-8 (or UTF-16 with a
    /// byte-order mark). Bytes that are not such text are an error naming
    /// their line and column, and no label is read — never replaced.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - source: the file's path, for diagnostics.
    ///   - knownItems: the item ids of the rubric(s): other columns are reported and ignored.
    /// - Returns: the labels, and the problems as ``parse(_:source:knownItems:)`` reports them.
    public static func parse(bytes: [UInt8], source: String, knownItems: Set<String>) -> (HumanLabels, [Diagnostic]) {
        parse(CSVReader.read(bytes: bytes), source: source, knownItems: knownItems)
    }

    /// Reads labels from CSV text.
    ///
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - source: the file's path, for diagnostics.
    ///   - knownItems: the item ids of the rubric(s): other columns are reported and ignored.
    /// - Returns: the labels, and an error for every row or cell that could not be read (a
    ///   stray quote: "unterminated quote starting on line N", and no row from there on) and a
    ///   warning for every column that is not an item.
    public static func parse(_ text: String, source: String, knownItems: Set<String>) -> (HumanLabels, [Diagnostic]) {
        parse(CSVReader.read(text), source: source, knownItems: knownItems)
    }

    private static func parse(
        _ table: CSVReader.Table, source: String, knownItems: Set<String>
    ) -> (HumanLabels, [Diagnostic]) {
        var diagnostics = table.problems.map { Diagnostic(.error, source: source, line: $0.line, message: $0.message) }
        let rows = table.rows
        guard let header = rows.first else {
            if !diagnostics.isEmpty { return (HumanLabels(labels: [], items: []), diagnostics) }
            return (
                HumanLabels(labels: [], items: []),
                [Diagnostic(.error, source: source, message: "no labels: the file is empty")]
            )
        }
        if let first = table.problems.first, first.line < header.line {
            // The header itself could not be read: no column can be trusted.
            return (HumanLabels(labels: [], items: []), [diagnostics[0]])
        }
        let names = header.fields.map { $0.trimmingWhitespace().lowercased() }
        func column(_ candidates: [String]) -> Int? { names.firstIndex { candidates.contains($0) } }
        guard let callColumn = column(["call", "id", "call_id", "call-id", "callid", "call id"]) else {
            return (
                HumanLabels(labels: [], items: []),
                [Diagnostic(.error, source: source, line: header.line, message: "no 'call' column naming the calls")]
            )
        }
        let evaluatorColumn = column(["evaluator", "reviewer", "rater", "qa"])
        let totalColumn = column(["score", "total"])
        var itemColumns: [(index: Int, id: String)] = []
        for (index, name) in header.fields.enumerated()
        where index != callColumn && index != evaluatorColumn && index != totalColumn {
            let id = name.trimmingWhitespace().description
            if knownItems.contains(id) {
                itemColumns.append((index, id))
            } else {
                diagnostics.append(
                    Diagnostic(
                        .warning, source: source, line: header.line,
                        message: "column '\(id)' is not an item of the rubric; ignored"))
            }
        }

        var labels: [Label] = []
        for row in rows.dropFirst() {
            guard row.fields.count == header.fields.count else {
                diagnostics.append(
                    Diagnostic(
                        .error, source: source, line: row.line,
                        message: "\(row.fields.count) fields where the header has \(header.fields.count); row skipped"))
                continue
            }
            let call = row.fields[callColumn].trimmingWhitespace().description
            guard !call.isEmpty else {
                diagnostics.append(
                    Diagnostic(.error, source: source, line: row.line, message: "no call id; row skipped"))
                continue
            }
            var label = Label(
                callID: call,
                evaluator: evaluatorColumn.map { row.fields[$0].trimmingWhitespace().description }
                    .flatMap { $0.isEmpty ? nil : $0 },
                total: nil, verdicts: [:], line: row.line)
            if let totalColumn {
                let text = row.fields[totalColumn].trimmingWhitespace()
                if !text.isEmpty {
                    if let total = Double(text), (0...100).contains(total) {
                        label.total = total
                    } else {
                        diagnostics.append(
                            Diagnostic(
                                .error, source: source, line: row.line,
                                message: "'\(text)' is not a score from 0 to 100; the total of call \(call) is left out"
                            ))
                    }
                }
            }
            for (index, id) in itemColumns {
                let text = row.fields[index].trimmingWhitespace().lowercased()
                guard !text.isEmpty else { continue }
                if let verdict = verdict(text) {
                    label.verdicts[id] = verdict
                } else {
                    diagnostics.append(
                        Diagnostic(
                            .error, source: source, line: row.line,
                            message:
                                "'\(text)' is not a verdict for '\(id)' (pass, fail, partial, na, 1 or 0); left out"))
                }
            }
            labels.append(label)
        }
        diagnostics.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        return (HumanLabels(labels: labels, items: itemColumns.map(\.id)), diagnostics)
    }

    private static func verdict(_ text: String) -> Verdict? {
        switch text {
        case "pass", "p", "1", "yes", "y", "true", "✓": .pass
        case "fail", "f", "0", "no", "n", "false", "partial", "✗": .fail
        case "na", "n/a", "-", "–", "not applicable": .na
        default: nil
        }
    }
}
