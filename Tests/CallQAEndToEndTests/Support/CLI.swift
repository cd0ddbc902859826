import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the built `callqa` binary, as a user or a script would.
enum CLI {
    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `callqa`, beside the test bundle in the build products folder.
    static let binary: URL = {
        var folder = Bundle.main.bundleURL
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("callqa")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return Bundle.main.bundleURL.appendingPathComponent("callqa")
    }()

    /// What one run printed and how it ended.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutData: Data
    }

    /// Runs `callqa` (or another of the package's programs, `executable`) with
    /// `arguments` in `directory` (the package root by default), feeding `stdin`.
    static func run(
        _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:], directory: URL? = nil,
        executable: URL = binary
    ) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("callqa-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out")
        let errURL = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let inURL = scratch.appendingPathComponent("in")
            try stdin.write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdoutData = try Data(contentsOf: outURL)
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
            stdoutData: stdoutData)
    }

    /// Runs `callqa` in the package root with arguments given as bytes (file
    /// names that are not UTF-8), standard input from the file `stdin`,
    /// standard output to the file `stdout` (captured when `nil`), through
    /// `/bin/sh` after the shell commands `prefix` (`ulimit -f 8;`).
    static func spawn(
        _ arguments: [[UInt8]], prefix: String = "", stdin: String = "/dev/null", stdout: String? = nil
    ) throws -> Result {
        try start(arguments, prefix: prefix, stdin: stdin, stdout: stdout).finish()
    }

    /// A run of `callqa` started by ``start(_:prefix:stdin:stdout:)``.
    struct Running {
        /// Its process.
        var pid: pid_t
        /// Its scratch folder, holding what it prints.
        var scratch: URL
        /// Where its standard output goes.
        var stdout: String
        /// Whether standard output is captured in `scratch`.
        var captured: Bool

        /// Waits for the run to end, and returns what it printed.
        func finish() throws -> Result {
            defer { try? FileManager.default.removeItem(at: scratch) }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            let exited = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            let stdoutData = captured ? try Data(contentsOf: URL(fileURLWithPath: stdout)) : Data()
            return Result(
                status: exited, stdout: String(decoding: stdoutData, as: UTF8.self),
                stderr: String(
                    decoding: try Data(contentsOf: scratch.appendingPathComponent("err")), as: UTF8.self),
                stdoutData: stdoutData)
        }
    }

    /// Starts `callqa` as ``spawn(_:prefix:stdin:stdout:)`` runs it, with
    /// no signal blocked and every signal's action the default, as from a shell.
    static func start(
        _ arguments: [[UInt8]], prefix: String = "", stdin: String = "/dev/null", stdout: String? = nil
    ) throws -> Running {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("callqa-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let outPath = stdout ?? scratch.appendingPathComponent("out").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Read and write: a named pipe then opens without waiting for a writer, and never ends.
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDWR, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(
            &actions, 2, scratch.appendingPathComponent("err").path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let words =
            [Array("/bin/sh".utf8), Array("-c".utf8), Array((prefix + " cd \"$0\" && exec \"$@\"").utf8)]
            + [Array(packageRoot.path.utf8), Array(binary.path.utf8)] + arguments
        let argv: [UnsafeMutablePointer<CChar>?] =
            words.map { word in
                let copy = UnsafeMutablePointer<CChar>.allocate(capacity: word.count + 1)
                for (index, byte) in word.enumerated() { copy[index] = CChar(bitPattern: byte) }
                copy[word.count] = 0
                return copy
            } + [nil]
        defer { argv.forEach { $0?.deallocate() } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ)
        guard spawned == 0 else {
            try? FileManager.default.removeItem(at: scratch)
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO)
        }
        return Running(pid: pid, scratch: scratch, stdout: outPath, captured: stdout == nil)
    }

    /// GNU time (Debian's `time`), which runs a command and reports its peak memory.
    static let time = "/usr/bin/time"

    /// Whether peak memory can be measured: GNU time is installed.
    static let canMeasure = FileManager.default.isExecutableFile(atPath: time)

    /// Runs `callqa` with `arguments`, standard output and error discarded,
    /// and returns its exit status and peak resident memory in kilobytes.
    ///
    /// GNU time forks `callqa` from its own small process and reports what
    /// the kernel counted for it. Spawned straight from the test process,
    /// `callqa`'s count would start from the test process's own peak, which
    /// other tests raise (Linux carries it over to the spawned program).
    static func measure(_ arguments: [String]) throws -> (status: Int32, peakKilobytes: Int) {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("callqa-peak-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: report) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: time)
        process.arguments = ["-f", "%M", "-o", report.path, binary.path] + arguments
        process.currentDirectoryURL = packageRoot
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        // "Command exited with non-zero status N" may come first; the peak is the last line.
        let lines = try String(contentsOf: report, encoding: .utf8).split(separator: "\n")
        return (process.terminationStatus, lines.last.flatMap { Int($0) } ?? -1)
    }
}
