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

    /// Calls per transaction unless a writer is told otherwise: a chunk of
    /// the batch scorer.
    public static let defaultChunkSize = BatchScorer.chunkSize

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
    public func add(_ card: Scorecard, line: String? = nil) throws(StoreError) {
        pending.append((card, line ?? ScoreJSONStream.line(card)))
        if pending.count >= chunkSize { try flush() }
    }

    /// Commits the calls added since the last chunk.
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
                    for (card, line) in chunk {
                        try insert(card, line: line, in: db, rubricRows: &rubricRows)
                    }
                    return .commit
                }
            }
        } catch {
            throw ResultStore.error(error, path: store.path, doing: "cannot store scored calls")
        }
        self.rubricRows = rubricRows
        committed += chunk.count
    }

    private func insert(
        _ card: Scorecard, line: String, in db: Database, rubricRows: inout [String: Int64]
    ) throws {
        let rubric = try rubricRow(card.rubric, in: db, rows: &rubricRows)
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
        let jsonLine = line.hasSuffix("\n") ? String(line.dropLast()) : line
        let arguments: StatementArguments = [
            card.callID, rubric, card.agent, CallDay(of: card.metadata)?.number, card.score, card.passed,
            card.language.rawValue, card.source.path, card.source.line, card.source.index, storedAt, jsonLine,
        ]
        guard let row = try Int64.fetchOne(upsert, arguments: arguments) else {
            throw StoreError(path: store.path, kind: .database, reason: "no row stored for call \(card.callID)")
        }
        try db.cachedStatement(sql: "DELETE FROM call_item WHERE call = ?").execute(arguments: [row])
        try db.cachedStatement(sql: "DELETE FROM call_metadata WHERE call = ?").execute(arguments: [row])
        let item = try db.cachedStatement(
            sql: """
                INSERT INTO call_item (call, position, item_id, status, points, max_points, critical, evidence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (position, result) in card.items.enumerated() {
            try item.execute(arguments: [
                row, position, result.id, result.status.rawValue, result.points, result.maxPoints, result.critical,
                result.evidence.count,
            ])
        }
        let metadata = try db.cachedStatement(sql: "INSERT INTO call_metadata (call, key, value) VALUES (?, ?, ?)")
        for key in card.metadata.keys.sorted() {
            try metadata.execute(arguments: [row, key, card.metadata[key]!])
        }
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
