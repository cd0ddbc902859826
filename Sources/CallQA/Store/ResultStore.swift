import Foundation
internal import GRDB

/// A SQLite file that keeps every scored call, so that this week can be
/// compared with last: `callqa score --store` writes it, `callqa report
/// --store` reads it.
///
/// One row per call and rubric content (its SHA-256): scoring the same call
/// with the same rubric again replaces the row, another version of the rubric
/// is kept beside it. The store is in WAL mode with a busy timeout, so that
/// several processes can write and read it at once; a writer commits one
/// transaction per chunk of calls, so a run that is interrupted leaves the
/// calls it committed readable.
///
/// ```swift
/// let store = try ResultStore(path: "qa.sqlite")
/// let writer = store.writer()
/// for card in scorecards { try writer.add(card) }
/// try writer.finish()
/// let trends = try store.trends(.period(.week), rubrics: store.rubrics().map(\.rubric))
/// ```
public final class ResultStore: Sendable {
    /// The store's path, as given.
    public let path: String
    let queue: DatabaseQueue

    /// The schema version this CallQA writes and reads.
    public static var schemaVersion: Int { StoreSchema.version }

    /// How long a writer or reader waits for another process to let go of the
    /// store before failing.
    public static let busyTimeout: TimeInterval = 60

    /// Opens the store at `path`, bringing an older schema up to date.
    ///
    /// - Parameter create: whether a missing file is created (writing) or an
    ///   error (reading).
    /// - Throws: ``StoreError``: the file is missing, is not a CallQA store,
    ///   was written by a newer CallQA, or SQLite failed.
    public init(path: String, create: Bool = true) throws(StoreError) {
        self.path = path
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue {
            throw StoreError(path: path, kind: .notAStore, reason: "is a directory, not a results store")
        }
        if !exists && !create {
            throw StoreError(path: path, kind: .missing, reason: "no such results store")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.label = "callqa-store"
        configuration.prepareDatabase { db in
            // WAL with NORMAL sync: a committed transaction survives the
            // process being killed; only a power loss may undo the last ones.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw Self.error(error, path: path, doing: "cannot open the results store")
        }
        try checkSchema(claim: create)
        do {
            // Only once the file is known to be a store of this schema or an older one.
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        } catch {
            throw Self.error(error, path: path, doing: "cannot open the results store")
        }
        try migrate()
    }

    /// Refuses a file that is not a CallQA store, or one a newer CallQA wrote.
    ///
    /// - Parameter claim: whether an empty database is marked as a CallQA
    ///   store, in the same transaction as the check — so that another
    ///   process creating the store at the same moment finds it marked, not
    ///   half made.
    private func checkSchema(claim: Bool) throws(StoreError) {
        typealias Facts = (application: Int32, version: Int, tables: Int, superseded: Bool)
        func readFacts(_ db: Database) throws -> Facts {
            let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            let tables =
                try Int.fetchOne(
                    db, sql: #"SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite\_%' ESCAPE '\'"#) ?? 0
            let superseded = try db.tableExists("grdb_migrations") && StoreSchema.migrator.hasBeenSuperseded(db)
            return (application, version, tables, superseded)
        }
        let facts: Facts
        do {
            if claim {
                facts = try queue.writeWithoutTransaction { db in
                    var found: Facts = (0, 0, 0, false)
                    try db.inTransaction(.immediate) {
                        found = try readFacts(db)
                        if found.application == 0 && found.tables == 0 && found.version == 0 {
                            try db.execute(sql: "PRAGMA application_id = \(StoreSchema.applicationID)")
                        }
                        return .commit
                    }
                    return found
                }
            } else {
                facts = try queue.read(readFacts)
            }
        } catch {
            throw Self.error(error, path: path, doing: "cannot read the results store")
        }
        if !claim && facts.application != StoreSchema.applicationID && facts.tables == 0 {
            // Read only: an empty file is not made a store by reading it.
            throw StoreError(
                path: path, kind: .notAStore,
                reason: "is empty, not a results store ('callqa score --store' writes one)")
        }
        if facts.application != StoreSchema.applicationID && (facts.tables > 0 || facts.application != 0) {
            throw StoreError(
                path: path, kind: .notAStore,
                reason: "is a SQLite database, but not a CallQA results store: give another file")
        }
        if facts.version > StoreSchema.version || facts.superseded {
            throw StoreError(
                path: path, kind: .newerSchema(found: facts.version, known: StoreSchema.version),
                reason: "was written by a newer CallQA (store schema version \(facts.version); this CallQA knows"
                    + " versions up to \(StoreSchema.version)): use that CallQA, or another store")
        }
    }

    /// Applies the migrations this store lacks. Two processes opening a new
    /// store at once may both try one: the loser finds it applied and goes on.
    private func migrate() throws(StoreError) {
        let migrator = StoreSchema.migrator
        var attempts = 0
        while true {
            do {
                try migrator.migrate(queue)
                return
            } catch {
                attempts += 1
                let done = (try? queue.read { db in try migrator.hasCompletedMigrations(db) }) ?? false
                if done { return }
                if attempts >= 3 {
                    throw Self.error(error, path: path, doing: "cannot set up the results store")
                }
            }
        }
    }

    /// A ``StoreError`` for a SQLite failure, saying what was being done.
    static func error(_ error: any Error, path: String, doing action: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else {
            return StoreError(path: path, kind: .database, reason: "\(action): \(error)")
        }
        switch error.resultCode {
        case .SQLITE_NOTADB:
            return StoreError(path: path, kind: .notAStore, reason: "is not a SQLite database, so not a results store")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(
                path: path, kind: .database,
                reason: "\(action): another process kept the store locked for more than"
                    + " \(Int(busyTimeout)) seconds")
        default:
            return StoreError(
                path: path, kind: .database,
                reason: "\(action): \(error.message ?? "SQLite error \(error.resultCode.rawValue)")")
        }
    }
}
