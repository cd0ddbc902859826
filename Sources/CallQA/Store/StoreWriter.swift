import Foundation
internal import GRDB

/// Writes scorecards into a ``ResultStore``, one transaction per chunk of
/// calls: a run that is killed leaves every chunk it committed readable and
/// nothing of the chunk it was writing.
///
/// Scoring a call again with the same rubric content replaces its row (and
/// its items and metadata), keeping the row's place; another version of the
/// rubric adds a row beside it. Used from one thread.
public final class StoreWriter {
    /// The store written to.
    public let store: ResultStore
    /// Calls per transaction.
    public let chunkSize: Int
    /// How many calls were committed so far.
    public private(set) var committed = 0
    private var pending: [(card: Scorecard, line: String)] = []
    private var rubricRows: [String: Int64] = [:]
    private let storedAt: String
    private var oldestPending = ContinuousClock.now

    /// How long a call may wait for its chunk to fill: when calls come
    /// slowly, the chunk is committed with the first call added after that
    /// time (or by ``finish()``), full or not.
    static let longestWait: Duration = .seconds(2)

    /// Calls per transaction unless a writer is told otherwise. Each commit
    /// writes every page the chunk touched to the write-ahead log, so larger
    /// chunks cost less per call; a chunk not full after ``longestWait`` is
    /// committed all the same.
    public static let defaultChunkSize = 256

    /// A writer to `store`, committing every `chunkSize` calls.
    init(store: ResultStore, chunkSize: Int) {
        self.store = store
        self.chunkSize = max(1, chunkSize)
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        storedAt = formatter.string(from: Date())
        pending.reserveCapacity(self.chunkSize)
    }

    /// Adds a scorecard; the chunk it completes is committed.
    ///
    /// - Parameter line: the scorecard as `score --format jsonl` writes it,
    ///   when the caller has it already; made here otherwise.
    /// - Throws: ``StoreError`` when SQLite fails to commit the chunk: its
    ///   calls are not stored (the chunks committed before stay).
    public func add(_ card: Scorecard, line: String? = nil) throws(StoreError) {
        pending.append((card, line ?? ScoreJSONStream.line(card)))
        if pending.count == 1 { oldestPending = .now }
        if pending.count >= chunkSize || .now - oldestPending >= Self.longestWait { try flush() }
    }

    /// Commits the calls added since the last chunk.
    ///
    /// - Throws: ``StoreError`` when SQLite fails: those calls are not stored.
    public func finish() throws(StoreError) {
        try flush()
    }

    private func flush() throws(StoreError) {
        guard !pending.isEmpty else { return }
        let chunk = pending
        pending.removeAll(keepingCapacity: true)
        var rubricRows = self.rubricRows
        do {
            try store.queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try insert(chunk, in: db, rubricRows: &rubricRows)
                    return .commit
                }
            }
        } catch {
            throw ResultStore.error(error, path: store.path, doing: "cannot store scored calls")
        }
        self.rubricRows = rubricRows
        committed += chunk.count
    }

    /// Stores a chunk: one upsert per call, then the items and metadata of
    /// every call of the chunk in multi-row statements — a few statements per
    /// chunk instead of one per item.
    private func insert(
        _ chunk: [(card: Scorecard, line: String)], in db: Database, rubricRows: inout [String: Int64]
    ) throws {
        let upsert = try db.cachedStatement(
            sql: """
                INSERT INTO scored_call (call_id, rubric, agent, day, score, passed, language, source_path,
                    source_line, source_index, stored_at, result)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (call_id, rubric) DO UPDATE SET agent = excluded.agent, day = excluded.day,
                    score = excluded.score, passed = excluded.passed, language = excluded.language,
                    source_path = excluded.source_path, source_line = excluded.source_line,
                    source_index = excluded.source_index, stored_at = excluded.stored_at, result = excluded.result
                RETURNING id
                """)
        var rows: [Int64] = []
        rows.reserveCapacity(chunk.count)
        for (card, line) in chunk {
            let rubric = try rubricRow(card.rubric, in: db, rows: &rubricRows)
            // Without the line feed; `dropLast()` on a String would walk every character.
            var jsonLine = line
            if jsonLine.utf8.last == UInt8(ascii: "\n") { jsonLine.removeLast() }
            let arguments: StatementArguments = [
                card.callID, rubric, card.agent, CallDay(of: card.metadata)?.number, card.score, card.passed,
                card.language.rawValue, card.source.path, card.source.line, card.source.index, storedAt, jsonLine,
            ]
            guard let row = try Int64.fetchOne(upsert, arguments: arguments) else {
                throw StoreError(path: store.path, kind: .database, reason: "no row stored for call \(card.callID)")
            }
            rows.append(row)
        }
        // A call stored before keeps its row: its old items and metadata go.
        for table in ["call_item", "call_metadata"] {
            try executeBatched(rows.map { $0 as DatabaseValueConvertible? }, columns: 1, in: db) { count in
                "DELETE FROM \(table) WHERE call IN (\(Self.parameterList(count)))"
            }
        }
        var items: [DatabaseValueConvertible?] = []
        var metadata: [DatabaseValueConvertible?] = []
        // A call added twice in one chunk has one row: the last one added is stored.
        var last: [Int64: Int] = [:]
        for (index, row) in rows.enumerated() { last[row] = index }
        for (index, ((card, _), row)) in zip(chunk, rows).enumerated() where last[row] == index {
            for (position, result) in card.items.enumerated() {
                items += [
                    row, position, result.id, result.status.rawValue, result.points, result.maxPoints,
                    result.critical, result.evidence.count,
                ]
            }
            for key in card.metadata.keys.sorted() { metadata += [row, key, card.metadata[key]!] }
        }
        try executeBatched(items, columns: 8, in: db) { count in
            """
            INSERT INTO call_item (call, position, item_id, status, points, max_points, critical, evidence)
            VALUES \(Self.parameterRows(count, columns: 8))
            """
        }
        try executeBatched(metadata, columns: 3, in: db) { count in
            "INSERT INTO call_metadata (call, key, value) VALUES \(Self.parameterRows(count, columns: 3))"
        }
    }

    /// Rows per multi-row statement: well under SQLite's limit of bound
    /// values, and few enough distinct statements to cache.
    private static let rowsPerStatement = 64

    /// Runs `sql(n)` over `values` (`columns` per row), `rowsPerStatement`
    /// rows at a time.
    private func executeBatched(
        _ values: [DatabaseValueConvertible?], columns: Int, in db: Database, sql: (Int) -> String
    ) throws {
        let rowCount = values.count / columns
        var first = 0
        while first < rowCount {
            let count = min(Self.rowsPerStatement, rowCount - first)
            let statement = try db.cachedStatement(sql: sql(count))
            try statement.execute(
                arguments: StatementArguments(values[(first * columns)..<((first + count) * columns)]))
            first += count
        }
    }

    /// `?, ?, …`: `count` statement parameters.
    private static func parameterList(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    /// `(?, ?, …), (?, ?, …)…`: `count` rows of `columns` statement parameters.
    private static func parameterRows(_ count: Int, columns: Int) -> String {
        Array(repeating: "(" + parameterList(columns) + ")", count: count).joined(separator: ", ")
    }

    /// The row of a rubric content, added the first time it is stored.
    private func rubricRow(_ rubric: RubricReference, in db: Database, rows: inout [String: Int64]) throws -> Int64 {
        if let row = rows[rubric.sha256] { return row }
        try db.execute(
            sql: """
                INSERT INTO rubric (rubric_id, version, sha256, first_stored) VALUES (?, ?, ?, ?)
                ON CONFLICT (sha256) DO NOTHING
                """, arguments: [rubric.id, rubric.version, rubric.sha256, storedAt])
        guard
            let row = try Int64.fetchOne(db, sql: "SELECT id FROM rubric WHERE sha256 = ?", arguments: [rubric.sha256])
        else {
            throw StoreError(path: store.path, kind: .database, reason: "rubric \(rubric.name) was not stored")
        }
        rows[rubric.sha256] = row
        return row
    }
}

extension ResultStore {
    /// A writer to this store, committing every `chunkSize` calls.
    public func writer(chunkSize: Int = StoreWriter.defaultChunkSize) -> StoreWriter {
        StoreWriter(store: self, chunkSize: chunkSize)
    }
}
