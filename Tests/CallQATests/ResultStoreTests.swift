import CallQA
import Foundation
import GRDB
import Testing

/// The results store: what goes in comes back as the same results, scoring
/// again replaces, another rubric version stays beside, and files that are
/// not a store of this CallQA's schema are refused with the reason.
@Suite("Results store")
struct ResultStoreTests {
    /// Every corpus call, scored with its language's shipped rubric.
    static let cards: [Scorecard] = {
        let (catalog, _) = RubricCatalog.load(directory: Fixtures.shippedRubrics)
        let scorers = Dictionary(uniqueKeysWithValues: catalog.rubrics.map { ($0.id, Scorer($0)) })
        return Fixtures.corpusCalls().map { scorers[catalog.rubric(for: $0.language)!.id]!.score($0) }
    }()

    /// The results as `report` reads them back from `score --format jsonl`.
    private func decoded(_ cards: [Scorecard]) throws -> [ScoreRecord] {
        try cards.map { try JSONDecoder().decode(ScoreRecord.self, from: Data(ScoreJSONStream.line($0).utf8)) }
    }

    /// A path in a scratch folder removed at `body`'s end.
    private func withStorePath(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("callqa-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder.appendingPathComponent("qa.sqlite").path)
    }

    /// The cards written to a new store at `path`, committing every `chunk` calls.
    private func store(_ cards: [Scorecard], at path: String, chunk: Int = 4) throws -> ResultStore {
        let store = try ResultStore(path: path)
        let writer = store.writer(chunkSize: chunk)
        for card in cards { try writer.add(card) }
        try writer.finish()
        return store
    }

    /// The records read back from every rubric in `store`.
    private func records(_ store: ResultStore) throws -> [ScoreRecord] {
        var records: [ScoreRecord] = []
        try store.forEachRecord(rubrics: store.rubrics().map(\.rubric)) { records.append($0) }
        return records
    }

    /// A database made from an SQL fixture in `Tests/Fixtures/store`.
    private func database(fromFixture name: String, at path: String) throws {
        let sql = try String(contentsOfFile: Fixtures.path("store/" + name), encoding: .utf8)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
    }

    @Test("Stored calls read back as the results score wrote, in the order stored, with their metadata")
    func roundTrip() throws {
        try withStorePath { path in
            let store = try store(Self.cards, at: path)
            let records = try records(store)
            #expect(records == (try decoded(Self.cards)))
            #expect(records.contains { $0.metadata["queue"] == "billing" })
            #expect(try store.count() == Self.cards.count)
            let rubrics = try store.rubrics()
            #expect(Set(rubrics.map(\.rubric)) == Set(Self.cards.map(\.rubric)))
            #expect(rubrics.map(\.calls).reduce(0, +) == Self.cards.count)
        }
    }

    /// The corpus cards eight times over, under distinct ids: chunks whose
    /// items and metadata take several multi-row statements.
    static let manyCards: [Scorecard] = (0..<8).flatMap { copy in
        cards.map { card in
            var card = card
            card.callID += "-\(copy)"
            return card
        }
    }

    @Test(
        "Items, points, evidence and metadata are in their tables, and the whole result in its row",
        arguments: [1, 4, 256])
    func tables(chunk: Int) throws {
        try withStorePath { path in
            let cards = Self.manyCards
            _ = try store(cards, at: path, chunk: chunk)
            let queue = try DatabaseQueue(path: path)
            try queue.read { db in
                let items = try Int.fetchOne(db, sql: "SELECT count(*) FROM call_item") ?? 0
                #expect(items == cards.reduce(0) { $0 + $1.items.count })
                let metadata = try Int.fetchOne(db, sql: "SELECT count(*) FROM call_metadata") ?? 0
                #expect(metadata == cards.reduce(0) { $0 + $1.metadata.count })
                // Each item in its call's row, at its position, with its verdict and points.
                let last = try #require(cards.last)
                let stored = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT i.item_id, i.status, i.points FROM call_item i JOIN scored_call c ON c.id = i.call
                        WHERE c.call_id = ? ORDER BY i.position
                        """, arguments: [last.callID])
                #expect(stored.map { $0[0] as String } == last.items.map(\.id))
                #expect(stored.map { $0[1] as String } == last.items.map(\.status.rawValue))
                #expect(stored.map { $0[2] as Double } == last.items.map(\.points))
                let evidence = try Int.fetchOne(db, sql: "SELECT sum(evidence) FROM call_item") ?? 0
                #expect(evidence == cards.reduce(0) { $0 + $1.items.reduce(0) { $0 + $1.evidence.count } })
                let dated = try Int.fetchOne(db, sql: "SELECT count(*) FROM scored_call WHERE day IS NOT NULL") ?? 0
                #expect(dated == cards.filter { CallDay(of: $0.metadata) != nil }.count)
                let queues = try String.fetchAll(
                    db, sql: "SELECT DISTINCT value FROM call_metadata WHERE key = 'queue' ORDER BY value")
                #expect(queues.contains("billing"))
                let talk = try Double.fetchOne(
                    db, sql: "SELECT json_extract(result, '$.metrics.agentTalkShare') FROM scored_call LIMIT 1")
                #expect(talk != nil)
            }
        }
    }

    @Test("Storing the same calls with the same rubric again replaces their rows", arguments: [1, 4, 100])
    func idempotent(chunk: Int) throws {
        try withStorePath { path in
            let store = try store(Self.cards, at: path, chunk: chunk)
            var rescored = Self.cards
            rescored[0].score = 12.5
            rescored[0].metadata["queue"] = "escalations"
            let writer = store.writer(chunkSize: chunk)
            for card in rescored { try writer.add(card) }
            try writer.finish()
            #expect(try store.count() == Self.cards.count)
            #expect(try records(store) == (try decoded(rescored)))
            let queue = try DatabaseQueue(path: path)
            let rows = try queue.read { db in
                try (
                    Int.fetchOne(db, sql: "SELECT count(*) FROM call_item"),
                    Int.fetchOne(db, sql: "SELECT count(*) FROM call_metadata WHERE value = 'escalations'")
                )
            }
            #expect(rows.0 == Self.cards.reduce(0) { $0 + $1.items.count })
            #expect(rows.1 == 1)
        }
    }

    @Test("A call added twice in one chunk is stored once, as added the second time")
    func twiceInOneChunk() throws {
        try withStorePath { path in
            var again = Self.cards[0]
            again.score = 42.5
            again.metadata["queue"] = "retention"
            let store = try store(Self.cards + [again], at: path, chunk: 256)
            #expect(try store.count() == Self.cards.count)
            let queue = try DatabaseQueue(path: path)
            let rows = try queue.read { db in
                try (
                    Int.fetchOne(db, sql: "SELECT count(*) FROM call_item"),
                    String.fetchOne(
                        db,
                        sql: """
                            SELECT m.value FROM call_metadata m JOIN scored_call c ON c.id = m.call
                            WHERE c.call_id = ? AND m.key = 'queue'
                            """, arguments: [again.callID]),
                    Double.fetchOne(
                        db, sql: "SELECT score FROM scored_call WHERE call_id = ?", arguments: [again.callID])
                )
            }
            #expect(rows.0 == Self.cards.reduce(0) { $0 + $1.items.count })
            #expect(rows.1 == "retention")
            #expect(rows.2 == 42.5)
        }
    }

    @Test("Another version of a rubric is kept beside; a report must choose one, or allow the mix")
    func otherVersion() throws {
        try withStorePath { path in
            let english = Self.cards.filter { $0.rubric.id == "en-standard" }
            let store = try store(Self.cards, at: path)
            let newer = english.map { card in
                var card = card
                card.rubric = RubricReference(
                    id: card.rubric.id, version: "9.0.0", sha256: String(repeating: "ab", count: 32))
                card.score = 50
                return card
            }
            let writer = store.writer()
            for card in newer { try writer.add(card) }
            try writer.finish()
            #expect(try store.count() == Self.cards.count + english.count)

            #expect {
                try store.selectRubrics([])
            } throws: { error in
                guard let error = error as? StoreError, error.kind == .mixedVersions else { return false }
                return error.reason.contains("en-standard@2.0.0") && error.reason.contains("en-standard@9.0.0")
            }
            let chosen = try store.selectRubrics([#require(RubricChoice("en-standard@9.0.0"))])
            var scores: [Double] = []
            try store.forEachRecord(rubrics: chosen) { scores.append($0.score) }
            #expect(scores == Array(repeating: 50, count: english.count))
            #expect(try store.selectRubrics([], allowMixed: true).count == 3)
            #expect(throws: StoreError.self) { try store.selectRubrics([#require(RubricChoice("en-standard@3.0.0"))]) }
        }
    }

    @Test("Trends read from the store equal the trends of the same results counted one by one")
    func trendsMatchRecords() throws {
        try withStorePath { path in
            let store = try store(Self.cards, at: path)
            let rubrics = try store.rubrics().map(\.rubric)
            for grouping in [ReportGrouping.period(.day), .period(.week), .period(.month), .metadata("queue")] {
                var builder = ScoreTrends.Builder(grouping: grouping)
                Self.cards.forEach { builder.add(ScoreRecord($0)) }
                #expect(try store.trends(grouping, rubrics: rubrics) == builder.trends)
            }
            let filter = ReportFilter(from: CallDay(metadata: "2024-05-08"), to: CallDay(metadata: "2024-05-09"))
            var builder = ScoreTrends.Builder(grouping: .period(.day))
            Self.cards.map(ScoreRecord.init).filter(filter.includes).forEach { builder.add($0) }
            let trends = try store.trends(.period(.day), rubrics: rubrics, filter: filter)
            #expect(trends == builder.trends)
            #expect(trends.calls > 0 && trends.calls < Self.cards.count)
        }
    }

    @Test("A store of the first schema is brought up to date, and its calls read back")
    func migratesFirstSchema() throws {
        try withStorePath { path in
            try database(fromFixture: "schema-1.sql", at: path)
            let store = try ResultStore(path: path, create: false)
            let records = try records(store)
            #expect(records.map(\.callID) == ["en-billing-101", "en-billing-102"])
            #expect(records[0].metadata["date"] == "2024-05-09")
            let facts = try DatabaseQueue(path: path).read { db in
                (
                    try Int.fetchOne(db, sql: "PRAGMA user_version"),
                    try db.indexes(on: "scored_call").map(\.name)
                )
            }
            #expect(facts.0 == ResultStore.schemaVersion)
            #expect(facts.1.contains("scored_call_trend"))
            // And it takes new calls.
            let writer = store.writer()
            for card in Self.cards { try writer.add(card) }
            try writer.finish()
            #expect(try store.count() == Self.cards.count)
        }
    }

    @Test("A store written by a newer CallQA is refused, and left as it was")
    func refusesNewerSchema() throws {
        try withStorePath { path in
            try database(fromFixture: "newer-schema.sql", at: path)
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect {
                _ = try ResultStore(path: path)
            } throws: { error in
                guard let error = error as? StoreError, case .newerSchema(let found, let known) = error.kind else {
                    return false
                }
                return found == 3 && known == ResultStore.schemaVersion && error.reason.contains("newer CallQA")
                    && error.description.hasPrefix(path + ": ")
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        }
    }

    @Test("Another SQLite database, a file that is not SQLite, a folder and a missing file are refused")
    func refusesOtherFiles() throws {
        try withStorePath { path in
            try database(fromFixture: "other-database.sql", at: path)
            #expect(
                throws: StoreError(
                    path: path, kind: .notAStore,
                    reason: "is a SQLite database, but not a CallQA results store: give another file")
            ) {
                _ = try ResultStore(path: path)
            }
        }
        let text = Fixtures.path("store/not-a-store.sqlite")
        #expect {
            _ = try ResultStore(path: text)
        } throws: { error in
            (error as? StoreError)?.kind == .notAStore && "\(error)".hasPrefix(text + ": ")
        }
        #expect {
            _ = try ResultStore(path: Fixtures.path("store"))
        } throws: { error in (error as? StoreError)?.kind == .notAStore }
        try withStorePath { path in
            #expect {
                _ = try ResultStore(path: path, create: false)
            } throws: { error in (error as? StoreError)?.kind == .missing }
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test("The store is in WAL mode, and passes SQLite's integrity check")
    func walAndIntegrity() throws {
        try withStorePath { path in
            _ = try store(Self.cards, at: path)
            let (mode, check) = try DatabaseQueue(path: path).read { db in
                (
                    try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                    try String.fetchOne(db, sql: "PRAGMA integrity_check")
                )
            }
            #expect(mode == "wal")
            #expect(check == "ok")
        }
    }
}
