import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Hostile files on both sides of `callqa`: inputs that are pipes, devices,
/// binary, too large or not named in UTF-8, and outputs that cannot be
/// written, are interrupted, or would replace what is read. Each fails alone
/// and loudly; nothing hangs, crashes or is silently lost.
@Suite("Hostile inputs and outputs, end to end")
struct HostileFilesCommandTests {
    /// A scratch folder, removed by `body`'s end.
    private func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("callqa-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    private static let good = "corpora/en/billing-good.txt"

    /// The hidden temporary files beside `file`.
    private func temporaries(beside file: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
            .filter { $0.hasPrefix("." + file.lastPathComponent + ".") && $0.hasSuffix(".tmp") }
    }

    // MARK: - Inputs

    @Test("A named pipe in a folder or named, and a device, fail alone and at once; the rest is scored (exit 1)")
    func pipesAndDevices() throws {
        try withFolder { folder in
            try FileManager.default.copyItem(
                atPath: CLI.packageRoot.appendingPathComponent(Self.good).path,
                toPath: folder.appendingPathComponent("good.txt").path)
            let pipe = folder.appendingPathComponent("pipe.txt").path
            try #require(mkfifo(pipe, 0o600) == 0)
            let result = try CLI.run(["score", "--format", "jsonl", folder.path, pipe, "/dev/zero", "/dev/urandom"])
            #expect(result.status == 1)
            #expect(result.stdout.split(separator: "\n").count == 1)
            #expect(result.stdout.contains("en-billing-101"))
            #expect(result.stderr.contains("\(pipe): error: cannot read: a named pipe (FIFO), not a regular file"))
            #expect(result.stderr.contains("/dev/zero: error: cannot read: a character device, not a regular file"))
            #expect(result.stderr.contains("/dev/urandom: error: cannot read: a character device"))
            #expect(result.stderr.contains("callqa: 3 of 4 inputs failed; 1 call scored"))
        }
    }

    @Test("Binary standard input is refused from its first bytes")
    func binaryStandardInput() throws {
        let result = try CLI.spawn([Array("inspect".utf8), Array("-".utf8)], stdin: "/dev/zero")
        #expect(result.status == 1)
        #expect(result.stderr.contains("-: error: binary data at byte 0: this is not a text or XML transcript"))
    }

    @Test("--max-input-size: a larger input is reported with its size and the limit; the rest are scored")
    func sizeLimit() throws {
        let limited = try CLI.run(["score", "--format", "jsonl", "--max-input-size", "1K", "corpora/en/"])
        #expect(limited.status == 1)
        #expect(
            limited.stderr.contains("corpora/en/billing-good.txt: error: cannot read: 1.4 KiB, over the limit of 1 KiB")
        )
        #expect(limited.stderr.contains("(raise it with --max-input-size)"))
        #expect(limited.stdout.split(separator: "\n").count == 3)

        let piped = try CLI.run(
            ["inspect", "--max-input-size", "100", "-"], stdin: Data(String(repeating: "Agent: hi.\n", count: 20).utf8))
        #expect(piped.status == 1)
        #expect(piped.stderr.contains("-: error: cannot read: over the limit of 100 bytes for one input read whole"))

        for command in ["score", "inspect", "explain", "convert", "compare", "calibrate", "report"] {
            let help = try CLI.run([command, "--help"])
            #expect(help.stdout.contains("--max-input-size <size>"), "\(command)")
        }
        let wrong = try CLI.run(["score", "--max-input-size", "lots", "corpora/en/"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("--max-input-size takes a number of bytes"))
    }

    @Test("A file name that is not UTF-8 is read, named alone and in a folder, and shown with \\xHH")
    func nonUTF8Names() throws {
        try withFolder { folder in
            let name = Array("caf".utf8) + [0xE9] + Array(".txt".utf8)
            let path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + name
            let descriptor = open(path.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT | O_EXCL, 0o600)
            guard descriptor >= 0 else { return } // a file system taking only UTF-8 names
            let text = try Data(contentsOf: CLI.packageRoot.appendingPathComponent(Self.good))
            _ = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
            let shown = folder.path + "/caf\\xE9.txt"

            for argument in [path, Array(folder.path.utf8)] {
                let result = try CLI.spawn([
                    Array("inspect".utf8), Array("--format".utf8), Array("json".utf8), argument,
                ])
                #expect(result.status == 0, "\(result.stderr)")
                #expect(result.stdout.contains("\"path\": \"\(shown.replacingOccurrences(of: "\\", with: "\\\\"))\""))
                #expect(result.stdout.contains("\"id\": \"en-billing-101\""))
            }
            let explained = try CLI.spawn([Array("explain".utf8), path])
            #expect(explained.status == 0)
            #expect(explained.stdout.contains(shown))
        }
    }

    @Test("calibrate --human and --speakers name what is wrong with a folder, a device or a pipe")
    func optionFiles() throws {
        try withFolder { folder in
            let pipe = folder.appendingPathComponent("labels.csv").path
            try #require(mkfifo(pipe, 0o600) == 0)
            for (labels, what) in [
                (folder.path, "a directory"), ("/dev/zero", "a character device"), (pipe, "a named pipe (FIFO)"),
            ] {
                let result = try CLI.run(["calibrate", "--human", labels, "corpora/en/"])
                #expect(result.status == 2)
                #expect(result.stderr.contains("callqa: cannot read \(labels): \(what), not a regular file"))
                #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("permission"))
            }
            let speakers = try CLI.run(["score", "--speakers", pipe, "corpora/en/"])
            #expect(speakers.status == 2)
            #expect(speakers.stderr.contains("--speakers \(pipe): a named pipe (FIFO), not a regular file"))
            let report = try CLI.run(["report", pipe])
            #expect(report.status == 1)
            #expect(report.stderr.contains("\(pipe): error: cannot read: a named pipe (FIFO)"))
        }
    }

    // MARK: - Threads

    @Test("--jobs: a huge number is capped with a note; below 1 is a usage error", arguments: ["score", "compare"])
    func jobs(command: String) throws {
        let rubrics = command == "compare" ? ["--rubric", "en-standard", "--rubric", "en-standard"] : []
        let huge = try CLI.run(
            [command, "--format", "json", "--jobs", "9223372036854775807"] + rubrics + ["corpora/en/"])
        #expect(huge.status == 0)
        #expect(huge.stderr.contains("callqa: --jobs 9223372036854775807 is more than 4 threads per core; scoring on"))
        for jobs in ["-1", "0"] {
            let wrong = try CLI.run([command, "--jobs", jobs] + rubrics + ["corpora/en/"])
            #expect(wrong.status == 2)
            #expect(wrong.stderr.contains("--jobs must be at least 1 (got \(jobs))."))
        }
    }

    // MARK: - Outputs

    @Test("Standard output and --output that cannot be written are errors (exit 1), and a device stays a device")
    func fullDevice() throws {
        var info = stat()
        try #require(stat("/dev/full", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        let piped = try CLI.spawn(
            ["score", "--format", "json", "corpora/"].map { Array($0.utf8) }, stdout: "/dev/full")
        #expect(piped.status == 1)
        #expect(piped.stderr.contains("callqa: cannot write standard output: no space left on device"))

        let named = try CLI.run(["score", "--format", "json", "--output", "/dev/full", "corpora/"])
        #expect(named.status == 1)
        #expect(named.stderr.contains("callqa: cannot write /dev/full: no space left on device"))
        #expect(stat("/dev/full", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        #expect(try CLI.run(["score", "--output", "/dev/null", "corpora/en/"]).status == 0)
        let own = try CLI.run(["score", "--format", "jsonl", "--output", "/dev/stdout", "corpora/en/"])
        #expect(own.status == 0)
        #expect(own.stdout.split(separator: "\n").count == 4)
    }

    @Test("A full disk: the error is reported, the old file kept as it was, no temporary file left (exit 1)")
    func fullDisk() throws {
        try withFolder { folder in
            let output = folder.appendingPathComponent("day.json")
            try "old results\n".write(to: output, atomically: true, encoding: .utf8)
            // The file size limit stands in for a full disk: writes past it fail (EFBIG).
            let result = try CLI.spawn(
                ["score", "--format", "json", "--output", output.path, "corpora/"].map { Array($0.utf8) },
                prefix: "trap '' XFSZ; ulimit -f 16;")
            #expect(result.status == 1)
            #expect(
                result.stderr.contains(
                    "callqa: cannot write \(output.path): file too large; the file was left as it was"))
            #expect(try String(contentsOf: output, encoding: .utf8) == "old results\n")
            #expect(try temporaries(beside: output).isEmpty)
        }
    }

    @Test("A signal removes the temporary file", arguments: [SIGINT, SIGTERM, SIGHUP])
    func signalled(signal: Int32) throws {
        try withFolder { folder in
            let output = folder.appendingPathComponent("day.json")
            let pipe = folder.appendingPathComponent("input").path
            try #require(mkfifo(pipe, 0o600) == 0)
            // The run waits on standard input, a pipe that never ends, its temporary file made.
            let run = try CLI.start(
                ["score", "--format", "json", "--output", output.path, "-"].map { Array($0.utf8) }, stdin: pipe)
            var waited = 0
            while try temporaries(beside: output).isEmpty && waited < 6000 {
                usleep(10_000)
                waited += 1
            }
            #expect(try temporaries(beside: output).count == 1)
            kill(run.pid, signal)
            let result = try run.finish()
            #expect(result.status == 128 + signal)
            #expect(try temporaries(beside: output).isEmpty)
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
    }

    @Test("Stale temporary files of ended runs are removed by the next run; a live process's are kept")
    func staleTemporaries() throws {
        try withFolder { folder in
            let output = folder.appendingPathComponent("day.json")
            let ended = Process()
            ended.executableURL = URL(fileURLWithPath: "/bin/sh")
            ended.arguments = ["-c", "exit 0"]
            try ended.run()
            ended.waitUntilExit()
            let stale = folder.appendingPathComponent(".day.json.\(ended.processIdentifier).tmp")
            let live = folder.appendingPathComponent(".day.json.\(getpid()).tmp")
            let other = folder.appendingPathComponent(".other.json.\(ended.processIdentifier).tmp")
            for file in [stale, live, other] { try "partial".write(to: file, atomically: false, encoding: .utf8) }
            #expect(try CLI.run(["score", "--format", "json", "--output", output.path, Self.good]).status == 0)
            #expect(!FileManager.default.fileExists(atPath: stale.path))
            #expect(FileManager.default.fileExists(atPath: live.path))
            #expect(FileManager.default.fileExists(atPath: other.path))
        }
    }

    @Test("--output naming an input, or the same file as --errors, is refused before any work (exit 2)")
    func outputOverInput() throws {
        try withFolder { folder in
            let transcript = folder.appendingPathComponent("call.txt")
            try FileManager.default.copyItem(
                atPath: CLI.packageRoot.appendingPathComponent(Self.good).path, toPath: transcript.path)
            let original = try Data(contentsOf: transcript)
            let link = folder.appendingPathComponent("link.json")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: transcript)
            for (arguments, option) in [
                (["score", "--output", transcript.path, transcript.path], "--output"),
                (["score", "--output", transcript.path, folder.path], "--output"),
                (["score", "--output", link.path, folder.path], "--output"),
                (["score", "--errors", transcript.path, folder.path], "--errors"),
                (["convert", "--to", "xml", "--output", transcript.path, folder.path], "--output"),
                (["explain", "--output", transcript.path, transcript.path], "--output"),
            ] {
                let result = try CLI.run(arguments)
                #expect(result.status == 2, "\(arguments)")
                #expect(result.stderr.contains("\(option) names a file this run reads"), "\(arguments)")
                #expect(result.stdout.isEmpty)
            }
            try FileManager.default.removeItem(at: link)
            let results = folder.appendingPathComponent("day.jsonl").path
            #expect(try CLI.run(["score", "--format", "jsonl", "--output", results, folder.path]).status == 0)
            let report = try CLI.run(["report", "--output", results, results])
            #expect(report.status == 2)
            #expect(try Data(contentsOf: transcript) == original)

            let same = try CLI.run(["score", "--output", "x.json", "--errors", "./x.json", folder.path])
            #expect(same.status == 2)
            #expect(same.stderr.contains("--output and --errors name the same file"))
            #expect(!FileManager.default.fileExists(atPath: CLI.packageRoot.appendingPathComponent("x.json").path))
        }
    }

    @Test("Rewriting an output keeps its mode and follows a symbolic link; a link to nothing is refused")
    func modeAndLinks() throws {
        try withFolder { folder in
            let output = folder.appendingPathComponent("private.json")
            try "old".write(to: output, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: output.path)
            #expect(try CLI.run(["score", "--format", "json", "--output", output.path, Self.good]).status == 0)
            let mode = try FileManager.default.attributesOfItem(atPath: output.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            #expect(try String(contentsOf: output, encoding: .utf8).contains("en-billing-101"))

            let link = folder.appendingPathComponent("latest.json")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "private.json")
            #expect(try CLI.run(["score", "--format", "jsonl", "--output", link.path, Self.good]).status == 0)
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "private.json")
            #expect(try String(contentsOf: output, encoding: .utf8).hasPrefix("{\"id\":\"en-billing-101\""))
            #expect(try FileManager.default.attributesOfItem(atPath: output.path)[.posixPermissions] as? Int == 0o600)

            let dangling = folder.appendingPathComponent("dangling.json")
            try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: "nowhere.json")
            let refused = try CLI.run(["score", "--output", dangling.path, Self.good])
            #expect(refused.status == 2)
            #expect(refused.stderr.contains("a symbolic link to a file that does not exist"))
            let directory = try CLI.run(["score", "--output", folder.path, Self.good])
            #expect(directory.status == 2)
            #expect(directory.stderr.contains("callqa: cannot write \(folder.path): a directory"))
        }
    }

    @Test("convert --output-dir: a call that cannot be written fails its input, counted once")
    func convertCount() throws {
        try withFolder { folder in
            // A folder where one call's file would go.
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("en-billing-101.txt"), withIntermediateDirectories: true)
            let result = try CLI.run(["convert", "--to", "text", "--output-dir", folder.path, "corpora/en/"])
            #expect(result.status == 1)
            #expect(
                result.stderr.contains(
                    "corpora/en/billing-good.txt:1: error: call en-billing-101 not converted: cannot write "
                        + folder.path + "/en-billing-101.txt: a directory"))
            #expect(result.stderr.contains("callqa: 1 of 4 inputs failed; 3 calls converted"))
            let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            #expect(written == ["en-billing-101.txt", "en-billing-102.txt", "en-refund-202.txt", "en-service-201.txt"])
        }
    }
}
