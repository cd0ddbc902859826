import Foundation

/// The inputs the fuzzers saved under `Tests/Fixtures/fuzz/TARGET/`, the
/// findings still open among them, and the `callqa-fuzz` tool that replays them.
enum FuzzReplay {
    /// `Tests/Fixtures/fuzz`.
    static let folder = CLI.packageRoot.appendingPathComponent("Tests/Fixtures/fuzz")

    /// The list of findings not fixed yet, whose inputs the replay leaves out.
    static let knownOpenFile = folder.appendingPathComponent("known-open.tsv")

    /// A finding not fixed yet: its saved input, what its report contains
    /// (best the top CallQA frame of its stack trace), and what it is.
    struct KnownOpen: Sendable {
        /// The input, relative to `Tests/Fixtures/fuzz` (`TARGET/NAME`).
        var fixture: String
        /// Text of the finding's report by which `Scripts/fuzz.sh` knows it again.
        var signature: String
        /// What the finding is.
        var message: String
    }

    /// Every entry of `known-open.tsv`: tab-separated fixture, signature and
    /// message, one a line; `#` starts a comment line.
    static let knownOpen: [KnownOpen] = {
        guard let text = try? String(contentsOf: knownOpenFile, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), !line.allSatisfy(\.isWhitespace) else { return nil }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return KnownOpen(
                fixture: fields[0], signature: fields.count > 1 ? fields[1] : "",
                message: fields.count > 2 ? fields[2] : "")
        }
    }()

    /// Every saved input, `TARGET/NAME`, in order.
    static let saved: [String] = {
        let files = FileManager.default
        let targets = ((try? files.contentsOfDirectory(atPath: folder.path)) ?? []).filter { name in
            var isDirectory: ObjCBool = false
            return files.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
        return targets.sorted().flatMap { target in
            ((try? files.contentsOfDirectory(atPath: folder.appendingPathComponent(target).path)) ?? [])
                .filter { !$0.hasPrefix(".") }.sorted().map { "\(target)/\($0)" }
        }
    }()

    /// The saved inputs that must run clean: all but the known open findings.
    static let replayed: [String] = {
        let open = Set(knownOpen.map(\.fixture))
        return saved.filter { !open.contains($0) }
    }()

    /// `callqa-fuzz`, beside `callqa` in the build products folder.
    static let binary = CLI.binary.deletingLastPathComponent().appendingPathComponent("callqa-fuzz")

    /// Runs `callqa-fuzz` with `arguments` in the package root, with the
    /// shipped rubrics and without the Swift runtime's backtracer (a crash
    /// ends the process at once, with its message on standard error).
    static func run(_ arguments: [String]) throws -> CLI.Result {
        try CLI.run(
            arguments,
            environment: [
                "CALLQA_RUBRICS": CLI.packageRoot.appendingPathComponent("rubrics").path,
                "SWIFT_BACKTRACE": "enable=no",
            ],
            executable: binary)
    }
}
