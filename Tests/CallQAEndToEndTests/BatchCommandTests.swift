import Foundation
import Testing

@Suite("Batch scoring and reports, end to end")
struct BatchCommandTests {
    /// The corpora, the fixtures with broken inputs among them, and a generated batch.
    static let mixedInputs = ["corpora/", "Tests/Fixtures/xml/", "Tests/Fixtures/text/"]

    @Test(
        "Parallel and --jobs 1 outputs are byte-identical, in every format",
        arguments: ["jsonl", "json", "csv", "table"])
    func parallelIsDeterministic(format: String) throws {
        let generated = try GeneratedCorpus.make(calls: 300, perFile: 7)
        defer { try? FileManager.default.removeItem(at: generated) }
        let arguments = ["score", "--format", format] + Self.mixedInputs + [generated.path]
        let serial = try CLI.run(arguments + ["--jobs", "1"])
        let parallel = try CLI.run(arguments + ["--jobs", "4"])
        #expect(serial.status == 1) // the fixtures hold broken inputs
        #expect(parallel.status == serial.status)
        #expect(!serial.stdoutData.isEmpty)
        #expect(parallel.stdoutData == serial.stdoutData)
        #expect(parallel.stderr == serial.stderr)
    }

    @Test("JSON Lines: one object per scored call, nothing else")
    func jsonLines() throws {
        let result = try CLI.run(["score", "--format", "jsonl", "corpora/"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "")
        #expect(lines.count == 13)
        for line in lines.dropLast() {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["rubricSha256"] as? String != nil)
            #expect(object?["items"] as? [Any] != nil)
        }
    }

    @Test("report over two JSON Lines shards equals score over the union")
    func reportEqualsScore() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("callqa-shards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.jsonl").path
        let second = folder.appendingPathComponent("b.jsonl").path
        #expect(
            try CLI.run(["score", "--format", "jsonl", "--output", first, "corpora/en/", "corpora/zh-Hant/"]).status
                == 0)
        #expect(try CLI.run(["score", "--format", "jsonl", "--output", second, "corpora/zh-Hans/"]).status == 0)

        let union = try CLI.run(["score", "--format", "json", "corpora/"])
        let report = try CLI.run(["report", "--format", "json", second, first])
        #expect(report.status == 0)
        let scored = try #require(try JSONSerialization.jsonObject(with: union.stdoutData) as? [String: Any])
        let rebuilt = try #require(try JSONSerialization.jsonObject(with: report.stdoutData) as? [String: Any])
        #expect(NSArray(array: scored["agents"] as! [Any]).isEqual(to: rebuilt["agents"] as! [Any]))
        #expect(rebuilt["calls"] as? Int == 12)
        let ids = { (document: [String: Any]) in Set((document["rubrics"] as! [[String: String]]).map { $0["sha256"]! })
        }
        #expect(ids(scored) == ids(rebuilt))

        // The table and CSV say the same.
        let table = try CLI.run(["report", "--format", "table", first, second])
        #expect(table.stdout.contains("李伟"))
        let csv = CSV.parse(try CLI.run(["report", "--format", "csv", first, second]).stdout)
        #expect(csv.count == 12) // a header and eleven agents
        #expect(csv[0].prefix(3) == ["agent", "calls", "mean"])
    }

    @Test("report refuses results from different versions of a rubric unless asked, and says which")
    func mixedVersions() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("callqa-mixed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let rubric = try String(
            contentsOf: CLI.packageRoot.appendingPathComponent("rubrics/en-standard.yaml"), encoding: .utf8
        )
        .replacingOccurrences(of: "version: 2.0.0", with: "version: 2.1.0")
        .replacingOccurrences(of: "    - certainly\n", with: "    - certainly\n    - surely\n")
        let changed = folder.appendingPathComponent("en-standard-1.1.yaml")
        try rubric.write(to: changed, atomically: true, encoding: .utf8)
        let old = folder.appendingPathComponent("old.jsonl").path
        let new = folder.appendingPathComponent("new.jsonl").path
        #expect(
            try CLI.run(["score", "--format", "jsonl", "--output", old, "corpora/en/billing-good.txt"]).status == 0)
        #expect(
            try CLI.run([
                "score", "--format", "jsonl", "--rubric", changed.path, "--output", new, "corpora/en/billing-poor.txt",
            ]).status == 0)

        let refused = try CLI.run(["report", old, new])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("results mix versions of rubric en-standard: en-standard 2.0.0"))
        #expect(refused.stderr.contains("en-standard 2.1.0"))
        #expect(refused.stdout.isEmpty)
        let allowed = try CLI.run(["report", "--allow-mixed", "--format", "json", old, new])
        #expect(allowed.status == 0)
        #expect(allowed.stdout.contains("\"calls\": 2"))
    }

    @Test("A batch with broken files scores the good ones, lists every broken one with its reason, and exits 1")
    func brokenFiles() throws {
        let errorsFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "callqa-errors-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: errorsFile) }
        let result = try CLI.run([
            "score", "--format", "jsonl", "--errors", errorsFile.path, "corpora/",
            "Tests/Fixtures/xml/", "Tests/Fixtures/binary/", "Tests/Fixtures/empty.txt",
        ])
        #expect(result.status == 1)
        let scored = result.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(scored.count >= 12 + 4)
        #expect(scored.contains("zh-model-001") && scored.contains("t-1") && scored.contains("m-1"))
        let broken = [
            "xml/billion-laughs.xml", "xml/xxe.xml", "xml/truncated.xml", "xml/deep-nesting.xml",
            "xml/mismatched-tags.xml", "xml/not-a-transcript.xml", "xml/undeclared-entity.xml",
            "xml/external-dtd.xml", "xml/call-errors.xml", "binary/garbage.txt", "binary/garbage.xml", "empty.txt",
        ]
        let records = try String(contentsOf: errorsFile, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        for file in broken {
            #expect(result.stderr.contains("Tests/Fixtures/\(file)"), "\(file) not reported")
            #expect(
                records.contains {
                    ($0["source"] as? String) == "Tests/Fixtures/\(file)" && !(($0["message"] as? String) ?? "").isEmpty
                })
        }
        #expect(result.stderr.contains("callqa: 12 of"))
    }

    static let failUnderCases: [([String], Int32)] = [
        (["corpora/en/billing-good.txt", "--fail-under", "90"], 0),
        (["corpora/en/", "--fail-under", "50"], 3),
        (["corpora/en/", "--fail-under", "0"], 0),
        (["corpora/zh-Hans/2024-05-07-calls.xml", "--by", "agent", "--format", "csv", "--fail-under", "90"], 3),
        (["corpora/zh-Hant/renewal-good.txt", "--by", "agent", "--format", "csv", "--fail-under", "90"], 0),
        (["corpora/en/", "--fail-under", "101"], 2),
        (["Tests/Fixtures/xml/truncated.xml", "--fail-under", "100"], 1),
    ]

    @Test(
        "--fail-under: exit 3 when a call, or with --by agent an agent's mean, scores below it",
        arguments: failUnderCases)
    func failUnder(arguments: [String], status: Int32) throws {
        let result = try CLI.run(["score", "--quiet"] + arguments)
        #expect(result.status == status, "\(result.stderr)")
    }

    @Test("--fail-under names the calls, or agents, below it with their scores")
    func failUnderNames() throws {
        let calls = try CLI.run(["score", "--quiet", "--format", "csv", "corpora/en/", "--fail-under", "50"])
        #expect(calls.status == 3)
        #expect(
            calls.stderr.contains(
                "callqa: 2 calls scored below --fail-under 50: en-billing-102 (0), en-refund-202 (0)"))
        let agents = try CLI.run([
            "score", "--quiet", "--format", "csv", "--by", "agent", "corpora/zh-Hans/2024-05-07-calls.xml",
            "--fail-under", "90",
        ])
        #expect(agents.status == 3)
        #expect(agents.stderr.contains("callqa: 1 agent scored below --fail-under 90: 王芳 (0)"))
    }

    @Test("CSV escapes quotes, commas and line breaks so a standard reader gets the fields back")
    func csvEscaping() throws {
        let result = try CLI.run(["score", "--format", "csv", "Tests/Fixtures/xml/csv-tricky.xml"])
        #expect(result.status == 0)
        let rows = CSV.parse(result.stdout)
        #expect(rows.count == 2)
        #expect(rows[1][0] == "tricky, \"quoted\"\nid")
        #expect(rows[1][2] == "Lopez, Maria \"Mia\"")
        #expect(rows[1].count == rows[0].count)
        let byAgent = CSV.parse(
            try CLI.run(["score", "--format", "csv", "--by", "agent", "Tests/Fixtures/xml/csv-tricky.xml"]).stdout)
        #expect(byAgent[1][0] == "Lopez, Maria \"Mia\"")
    }

    @Test(
        "Memory stays flat: 20,000 calls scored as JSON Lines within 256 MB, no more than 2,000 calls need",
        .enabled(if: CLI.canMeasure, "needs GNU time (apt-get install time)"))
    func boundedMemory() throws {
        let small = try GeneratedCorpus.make(calls: 2_000, perFile: 1_000)
        let large = try GeneratedCorpus.make(calls: 20_000, perFile: 1_000)
        defer {
            try? FileManager.default.removeItem(at: small)
            try? FileManager.default.removeItem(at: large)
        }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("callqa-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: output) }
        let few = try CLI.measure(["score", "--format", "jsonl", "--quiet", "--output", output.path, small.path])
        let many = try CLI.measure(["score", "--format", "jsonl", "--quiet", "--output", output.path, large.path])
        #expect(few.status == 0 && many.status == 0)
        let lines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n").count
        #expect(lines == 20_000)
        // The debug binary's peak depends on how many finished scorecards wait for the writer, which grows
        // when the machine is loaded (other tests run beside this one); the release build stays far lower.
        #expect(many.peakKilobytes < 256 * 1024, "peak \(many.peakKilobytes) KB")
        // Ten times the calls may not take ten times the memory: allow a quarter more, plus slack for the heap.
        #expect(
            Double(many.peakKilobytes) < Double(few.peakKilobytes) * 1.25 + 16 * 1024,
            "2,000 calls: \(few.peakKilobytes) KB; 20,000 calls: \(many.peakKilobytes) KB")
    }
}
