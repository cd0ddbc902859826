import Foundation
internal import GRDB

extension ResultStore {
    /// A rubric content the store holds results of.
    public struct StoredRubric: Sendable, Equatable {
        /// The rubric's id, version and SHA-256.
        public var rubric: RubricReference
        /// How many calls were stored with it.
        public var calls: Int
        /// When it was first stored (ISO 8601, UTC).
        public var firstStored: String
    }

    /// Every rubric content in the store, in the order first stored.
    public func rubrics() throws(StoreError) -> [StoredRubric] {
        do {
            return try queue.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT r.rubric_id, r.version, r.sha256, r.first_stored,
                            (SELECT count(*) FROM scored_call c WHERE c.rubric = r.id) AS calls
                        FROM rubric r ORDER BY r.id
                        """
                ).map { row in
                    StoredRubric(
                        rubric: RubricReference(id: row[0], version: row[1], sha256: row[2]), calls: row[4],
                        firstStored: row[3])
                }
            }
        } catch {
            throw Self.error(error, path: path, doing: "cannot read the results store")
        }
    }

    /// The rubric contents a report counts: those `choices` name (each must
    /// name stored results, and only one content), or with no choice every
    /// stored one — refused when one rubric was stored in several versions,
    /// unless `allowMixed`.
    ///
    /// - Throws: ``StoreError`` of kind ``StoreError/Kind/rubricChoice`` or
    ///   ``StoreError/Kind/mixedVersions``, whose reason lists the versions
    ///   stored, as `--rubric` takes them.
    public func selectRubrics(_ choices: [RubricChoice], allowMixed: Bool = false) throws(StoreError)
        -> [RubricReference]
    {
        let stored = try rubrics().map(\.rubric)
        let names = { (rubrics: [RubricReference]) in
            rubrics.map { RubricChoice.name(of: $0, among: stored) }.joined(separator: ", ")
        }
        guard !choices.isEmpty else {
            let ids = stored.map(\.id).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let mixed = ids.filter { id in stored.filter { $0.id == id }.count > 1 }
            if !mixed.isEmpty && !allowMixed {
                let listed = mixed.map { id in names(stored.filter { $0.id == id }) }.joined(separator: "; ")
                throw StoreError(
                    path: path, kind: .mixedVersions,
                    reason: "holds results of several versions of rubric \(mixed.joined(separator: ", ")) (\(listed));"
                        + " choose with --rubric ID@VERSION, once for each rubric to count (it holds \(names(stored))),"
                        + " or pass --allow-mixed")
            }
            return stored
        }
        var chosen: [RubricReference] = []
        for choice in choices {
            let matching = stored.filter(choice.matches)
            if matching.isEmpty {
                throw StoreError(
                    path: path, kind: .rubricChoice,
                    reason: "holds no results of rubric \(choice); it holds \(stored.isEmpty ? "none" : names(stored))")
            }
            if matching.count > 1 {
                throw StoreError(
                    path: path, kind: .rubricChoice,
                    reason: "holds several contents of rubric \(choice): \(names(matching)); name one")
            }
            if !chosen.contains(matching[0]) { chosen.append(matching[0]) }
        }
        return chosen
    }

    /// Calls each stored result scored with one of `rubrics` and dated as
    /// `filter` says (its rubric choices are not consulted), in the order
    /// first stored.
    public func forEachRecord(
        rubrics: [RubricReference], filter: ReportFilter = ReportFilter(), _ body: (ScoreRecord) throws -> Void
    ) throws {
        try forEachResult(rubrics: rubrics, filter: filter) { record, _ in try body(record) }
    }

    /// Calls each stored result as ``forEachRecord(rubrics:filter:_:)`` does,
    /// with the result's JSON as `score --format jsonl` wrote it (without
    /// the line feed), for the calls a report decodes whole.
    public func forEachResult(
        rubrics: [RubricReference], filter: ReportFilter = ReportFilter(),
        _ body: (ScoreRecord, [UInt8]) throws -> Void
    ) throws {
        let decoder = JSONDecoder()
        do {
            try queue.read { db in
                let (condition, arguments) = try Self.condition(rubrics: rubrics, filter: filter, in: db)
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT call_id, result FROM scored_call WHERE \(condition) ORDER BY id",
                    arguments: arguments)
                while let row = try rows.next() {
                    let text: String = row[1]
                    let bytes = Array(text.utf8)
                    let record: ScoreRecord
                    do {
                        record = try decoder.decode(ScoreRecord.self, from: Data(bytes))
                    } catch {
                        let call: String = row[0]
                        throw StoreError(
                            path: path, kind: .damaged, reason: "the stored result of call \(call) does not read back")
                    }
                    try body(record, bytes)
                }
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw Self.error(error, path: path, doing: "cannot read the results store")
        }
    }

    /// Per-agent trends of the results scored with one of `rubrics` and dated
    /// as `filter` says, grouped by a period or a metadata key: counted by
    /// SQLite per agent and day (or value), then folded into periods by
    /// ``ScoreTrends/Builder``, the same type that counts JSON Lines results.
    public func trends(
        _ grouping: ReportGrouping, rubrics: [RubricReference], filter: ReportFilter = ReportFilter()
    ) throws(StoreError) -> ScoreTrends {
        var builder = ScoreTrends.Builder(grouping: grouping)
        do {
            try queue.read { db in
                let (condition, arguments) = try Self.condition(rubrics: rubrics, filter: filter, in: db, prefix: "c.")
                switch grouping {
                case .period, .agent:
                    let rows = try Row.fetchCursor(
                        db,
                        sql: """
                            SELECT c.agent, c.day, count(*), sum(CAST(round(c.score * 10) AS INTEGER)), sum(c.passed) FROM scored_call c
                            WHERE \(condition) GROUP BY c.agent, c.day
                            """, arguments: arguments)
                    while let row = try rows.next() {
                        let agent: String? = row[0]
                        let day: Int? = row[1]
                        builder.add(
                            agent: agent ?? AgentSummary.unknownAgent, day: day.map(CallDay.init(number:)),
                            calls: row[2], scoreTenths: row[3], passes: row[4])
                    }
                case .metadata(let key):
                    let rows = try Row.fetchCursor(
                        db,
                        sql: """
                            SELECT c.agent, m.value, count(*), sum(CAST(round(c.score * 10) AS INTEGER)), sum(c.passed) FROM scored_call c
                            LEFT JOIN call_metadata m ON m.call = c.id AND m.key = ?
                            WHERE \(condition) GROUP BY c.agent, m.value
                            """, arguments: [key] + arguments)
                    while let row = try rows.next() {
                        let agent: String? = row[0]
                        builder.add(
                            agent: agent ?? AgentSummary.unknownAgent, value: row[1], calls: row[2],
                            scoreTenths: row[3],
                            passes: row[4])
                    }
                }
            }
        } catch {
            throw Self.error(error, path: path, doing: "cannot read the results store")
        }
        return builder.trends
    }

    /// How many calls are stored (all rubrics).
    public func count() throws(StoreError) -> Int {
        do {
            return try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM scored_call") ?? 0 }
        } catch {
            throw Self.error(error, path: path, doing: "cannot read the results store")
        }
    }

    /// The SQL condition (and its arguments) for results of `rubrics` within
    /// the filter's dates.
    private static func condition(
        rubrics: [RubricReference], filter: ReportFilter, in db: Database, prefix: String = ""
    ) throws -> (String, StatementArguments) {
        var rows: [Int64] = []
        for rubric in rubrics {
            if let row = try Int64.fetchOne(
                db, sql: "SELECT id FROM rubric WHERE sha256 = ?", arguments: [rubric.sha256])
            {
                rows.append(row)
            }
        }
        var condition = "\(prefix)rubric IN (\(rows.map(String.init).joined(separator: ", ")))"
        var arguments: StatementArguments = []
        if let from = filter.from {
            condition += " AND \(prefix)day >= ?"
            arguments += [from.number]
        }
        if let to = filter.to {
            condition += " AND \(prefix)day <= ?"
            arguments += [to.number]
        }
        return (condition, arguments)
    }
}
