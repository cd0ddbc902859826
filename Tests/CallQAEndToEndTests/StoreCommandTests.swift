import CallQA
import CallQATestSupport
import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `callqa score --store` and `callqa report --store`, as a lead runs them:
/// the store gives back what score printed, re-scoring replaces, versions
/// stay apart, writers may run at once, and a killed writer leaves a store
/// that opens and holds every chunk it committed.
@Suite("Results store commands", .serialized)
struct StoreCommandTests {
    /// A scratch folder removed at `body`'s end.
    private func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "callqa-store-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    /// Writes generated calls numbered from `first`, dated from 2024-05-06 on
    /// (a day per ten calls), in XML files of 50 calls.
    private func generate(_ count: Int, from first: Int, seed: UInt64, into folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var generator = CorpusGenerator(seed: seed)
        generator.callSize = 300...600
        let monday = CallDay(metadata: "2024-05-06")!
        var batch: [Call] = []
        for number in first..<(first + count) {
            var call = generator.call(number: number)
            call.metadata["date"] = CallDay(number: monday.number + (number - first) / 10).text
            batch.append(call)
            if batch.count == 50 || number == first + count - 1 {
                let name = String(format: "calls-%06d.xml", number)
                try Data(CorpusGenerator.xmlDocument(batch).utf8).write(to: folder.appendingPathComponent(name))
                batch.removeAll()
            }
        }
    }

    /// How many calls the store at `path` holds, counted by `report --store`.
    private func storedCalls(_ path: String, arguments: [String] = []) throws -> Int {
        let report = try CLI.run(["report", "--store", path, "--format", "json", "--allow-mixed"] + arguments)
        #expect(report.status == 0, "\(report.stderr)")
        let object = try JSONSerialization.jsonObject(with: report.stdoutData) as? [String: Any]
        return object?["calls"] as? Int ?? -1
    }

    @Test("score → store → report --store prints, byte for byte, what report prints of score's own JSON Lines")
    func roundTrip() throws {
        try withFolder { folder in
            let store = folder.appendingPathComponent("qa.sqlite").path
            let lines = folder.appendingPathComponent("day.jsonl").path
            let score = try CLI.run(["score", "corpora", "--format", "jsonl", "--output", lines, "--store", store])
            #expect(score.status == 0, "\(score.stderr)")
            for extra in [
                [], ["--by", "week"], ["--by", "day"], ["--by", "month"], ["--by", "queue"], ["--by", "agent"],
            ] {
                // The page too: its trend is drawn from the same figures, its calls decoded from the store.
                for format in ["json", "csv", "table"] + (extra == ["--by", "queue"] ? [] : ["html"]) {
                    let fromFile = try CLI.run(["report", lines, "--format", format] + extra)
                    let fromStore = try CLI.run(["report", "--store", store, "--format", format] + extra)
                    #expect(fromFile.status == 0 && fromStore.status == 0, "\(fromFile.stderr) \(fromStore.stderr)")
                    #expect(fromStore.stdoutData == fromFile.stdoutData, "\(extra) \(format)")
                    #expect(!fromStore.stdout.isEmpty)
                }
            }
            for format in ["json", "html"] {
                let dated = ["--from", "2024-05-08", "--to", "2024-05-09", "--format", format]
                let fromFile = try CLI.run(["report", lines] + dated)
                let fromStore = try CLI.run(["report", "--store", store] + dated)
                #expect(fromStore.stdoutData == fromFile.stdoutData, "\(format)")
                #expect(
                    fromStore.stdout.contains(format == "json" ? "\"calls\": " : "data-value=\"2024-05-08/2024-05-09\"")
                )
            }
        }
    }

    @Test("Scoring the same calls into the store again replaces their rows")
    func idempotent() throws {
        try withFolder { folder in
            let store = folder.appendingPathComponent("qa.sqlite").path
            #expect(try CLI.run(["score", "corpora", "--format", "jsonl", "--store", store, "--quiet"]).status == 0)
            let first = try CLI.run(["report", "--store", store, "--format", "json"])
            let count = try storedCalls(store)
            #expect(count > 0)
            #expect(try CLI.run(["score", "corpora", "--format", "json", "--store", store, "--jobs", "3"]).status == 0)
            #expect(try storedCalls(store) == count)
            #expect(try CLI.run(["report", "--store", store, "--format", "json"]).stdoutData == first.stdoutData)
            let rows = try DatabaseQueue(path: store).read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM scored_call")
            }
            #expect(rows == count)
        }
    }

    @Test("Another version of a rubric is kept beside the first; report asks which one and lists them")
    func otherVersion() throws {
        try withFolder { folder in
            let store = folder.appendingPathComponent("qa.sqlite").path
            #expect(try CLI.run(["score", "corpora", "--format", "jsonl", "--store", store]).status == 0)
            let all = try storedCalls(store)
            let newer = try CLI.run([
                "score", "corpora/en", "--format", "jsonl", "--store", store, "--rubric",
                "Tests/Fixtures/store/en-standard-2.1.yaml",
            ])
            #expect(newer.status == 0, "\(newer.stderr)")
            let english = newer.stdout.split(separator: "\n").count
            #expect(try storedCalls(store) == all + english)

            let refused = try CLI.run(["report", "--store", store])
            #expect(refused.status == 2)
            #expect(refused.stderr.contains("en-standard@2.0.0") && refused.stderr.contains("en-standard@2.1.0"))
            #expect(refused.stderr.contains("--rubric"))
            #expect(try storedCalls(store, arguments: ["--rubric", "en-standard@2.1.0"]) == english)
            #expect(try storedCalls(store, arguments: ["--rubric", "en-standard@2.0.0"]) == english)
            let missing = try CLI.run(["report", "--store", store, "--rubric", "en-standard@7.0.0"])
            #expect(missing.status == 2 && missing.stderr.contains("no results of rubric en-standard@7.0.0"))
        }
    }

    @Test("Two score --store processes on one file at once both succeed, and every call is stored")
    func concurrentWriters() throws {
        try withFolder { folder in
            let store = folder.appendingPathComponent("qa.sqlite").path
            try generate(300, from: 0, seed: 1, into: folder.appendingPathComponent("a"))
            try generate(300, from: 300, seed: 2, into: folder.appendingPathComponent("b"))
            let writers = try ["a", "b"].map { name in
                try CLI.start(
                    [
                        "score", folder.appendingPathComponent(name).path, "--format", "jsonl", "--store", store,
                        "--quiet",
                    ]
                    .map { Array($0.utf8) }, stdout: "/dev/null")
            }
            let results = try writers.map { try $0.finish() }
            for result in results { #expect(result.status == 0, "\(result.stderr)") }
            #expect(try storedCalls(store) == 600)
        }
    }

    @Test("A writer killed during a batch leaves a store that opens, is intact, and holds whole chunks")
    func killedWriter() throws {
        try withFolder { folder in
            let store = folder.appendingPathComponent("qa.sqlite").path
            let total = 6_000
            try generate(total, from: 0, seed: 3, into: folder.appendingPathComponent("calls"))
            let writer = try CLI.start(
                [
                    "score", folder.appendingPathComponent("calls").path, "--format", "jsonl", "--store", store,
                    "--jobs", "1",
                ]
                .map { Array($0.utf8) }, stdout: "/dev/null")
            // Wait for a few chunks to be committed (or the run to end), then kill it.
            var stored = 0
            for _ in 0..<6_000 {
                usleep(10_000)
                if waitpid(writer.pid, nil, WNOHANG) != 0 { break }
                stored =
                    (try? DatabaseQueue(path: store).read { db in
                        try db.tableExists("scored_call")
                            ? Int.fetchOne(db, sql: "SELECT count(*) FROM scored_call") : 0
                    }) ?? 0
                if stored >= 3 * StoreWriter.defaultChunkSize { break }
            }
            kill(writer.pid, SIGKILL)
            let result = try writer.finish()
            #expect(result.status == 128 + SIGKILL, "the run ended before it was killed: make the batch larger")

            let opened = try ResultStore(path: store, create: false)
            let check = try DatabaseQueue(path: store).read { db in
                try String.fetchOne(db, sql: "PRAGMA integrity_check")
            }
            #expect(check == "ok")
            let count = try opened.count()
            #expect(count >= stored && count < total)
            // Whole chunks only: every stored call has its items (a chunk may be cut short by time, not split).
            let bare = try DatabaseQueue(path: store).read { db in
                try Int.fetchOne(
                    db,
                    sql:
                        "SELECT count(*) FROM scored_call c WHERE NOT EXISTS (SELECT 1 FROM call_item i WHERE i.call = c.id)"
                )
            }
            #expect(bare == 0, "a call was stored without its items")
            var read = 0
            try opened.forEachRecord(rubrics: opened.rubrics().map(\.rubric)) { _ in read += 1 }
            #expect(read == count)
            #expect(try storedCalls(store) == count)
        }
    }

    @Test("A store written by a newer CallQA is refused by score and report, with exit status 2")
    func newerSchema() throws {
        try withFolder { folder in
            let store = folder.appendingPathComponent("qa.sqlite").path
            let sql = try String(
                contentsOf: CLI.packageRoot.appendingPathComponent("Tests/Fixtures/store/newer-schema.sql"),
                encoding: .utf8)
            try DatabaseQueue(path: store).writeWithoutTransaction { db in try db.execute(sql: sql) }
            let score = try CLI.run(["score", "corpora/en", "--format", "jsonl", "--store", store])
            #expect(score.status == 2)
            #expect(score.stderr.contains("\(store): was written by a newer CallQA (store schema version 3"))
            #expect(score.stdout.isEmpty)
            let report = try CLI.run(["report", "--store", store])
            #expect(report.status == 2 && report.stderr.contains("newer CallQA"))
        }
    }

    @Test("A store that does not exist, or a file that is not one, cannot be reported on: exit status 1")
    func unreadableStore() throws {
        try withFolder { folder in
            let missing = folder.appendingPathComponent("none.sqlite").path
            let report = try CLI.run(["report", "--store", missing])
            #expect(report.status == 1 && report.stderr.contains("\(missing): no such results store"))
            #expect(!FileManager.default.fileExists(atPath: missing))
            // An empty file is not made a store by reading it.
            let empty = folder.appendingPathComponent("empty.sqlite").path
            #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
            let fromEmpty = try CLI.run(["report", "--store", empty])
            #expect(fromEmpty.status == 1 && fromEmpty.stderr.contains("\(empty): is empty, not a results store"))
            #expect((try FileManager.default.attributesOfItem(atPath: empty)[.size] as? Int) == 0)
        }
        let text = try CLI.run(["report", "--store", "Tests/Fixtures/store/not-a-store.sqlite"])
        #expect(text.status == 1 && text.stderr.contains("not a SQLite database"))
        let usage = try CLI.run(["report", "--store", "x.sqlite", "--from", "9 May"])
        #expect(usage.status == 2 && usage.stderr.contains("YYYY-MM-DD"))
        let both = try CLI.run(["report", "--store", "x.sqlite", "day.jsonl"])
        #expect(both.status == 2)
    }

    @Test("score --store refuses a store path that is one of its inputs")
    func storeIsNotAnInput() throws {
        let score = try CLI.run(["score", "corpora/en/billing-good.txt", "--store", "corpora/en/billing-good.txt"])
        #expect(score.status == 2)
        #expect(score.stderr.contains("--store"))
    }
}
