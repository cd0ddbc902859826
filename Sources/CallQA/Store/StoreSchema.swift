internal import GRDB

/// The results store's tables, built by numbered migrations: a store made by
/// an earlier CallQA is brought up to date when opened, and one made by a
/// later CallQA (a migration this one does not know) is refused.
///
/// Version 1: rubrics, scored calls (one row per call and rubric content,
/// with the call's whole result as `score --format jsonl` writes it), their
/// items and metadata. Version 2: the index that per-agent trends are read
/// from.
enum StoreSchema {
    /// The schema version this CallQA writes (`PRAGMA user_version`).
    static let version = 2

    /// `PRAGMA application_id` of a CallQA store: "CQAS".
    static let applicationID: Int32 = 0x4351_4153

    /// Every migration, oldest first; the identifier of the n-th is `vN`.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    PRAGMA application_id = \(applicationID);
                    CREATE TABLE rubric (
                        id INTEGER PRIMARY KEY,
                        rubric_id TEXT NOT NULL,
                        version TEXT NOT NULL,
                        sha256 TEXT NOT NULL UNIQUE,
                        first_stored TEXT NOT NULL
                    );
                    CREATE TABLE scored_call (
                        id INTEGER PRIMARY KEY,
                        call_id TEXT NOT NULL,
                        rubric INTEGER NOT NULL REFERENCES rubric(id),
                        agent TEXT,
                        day INTEGER,
                        score REAL NOT NULL,
                        passed INTEGER NOT NULL,
                        language TEXT NOT NULL,
                        source_path TEXT NOT NULL,
                        source_line INTEGER,
                        source_index INTEGER NOT NULL,
                        stored_at TEXT NOT NULL,
                        result TEXT NOT NULL,
                        UNIQUE (call_id, rubric)
                    );
                    CREATE TABLE call_item (
                        call INTEGER NOT NULL REFERENCES scored_call(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        item_id TEXT NOT NULL,
                        status TEXT NOT NULL,
                        points REAL NOT NULL,
                        max_points REAL NOT NULL,
                        critical INTEGER NOT NULL,
                        evidence INTEGER NOT NULL,
                        PRIMARY KEY (call, position)
                    ) WITHOUT ROWID;
                    CREATE TABLE call_metadata (
                        call INTEGER NOT NULL REFERENCES scored_call(id) ON DELETE CASCADE,
                        key TEXT NOT NULL,
                        value TEXT NOT NULL,
                        PRIMARY KEY (call, key)
                    ) WITHOUT ROWID;
                    CREATE INDEX call_metadata_by_key ON call_metadata (key, value);
                    PRAGMA user_version = 1;
                    """)
        }
        migrator.registerMigration("v2") { db in
            try db.execute(
                sql: """
                    CREATE INDEX scored_call_trend ON scored_call (rubric, agent, day, score, passed);
                    PRAGMA user_version = 2;
                    """)
        }
        return migrator
    }
}
