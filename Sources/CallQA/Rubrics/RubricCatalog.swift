import Foundation

/// The rubrics available to score with, and which one suits a call.
///
/// The shipped rubrics live in `rubrics/` as YAML files, so that coaches can
/// edit them and see the effect at once. ``shippedDirectory(environment:executable:currentDirectory:)``
/// finds that folder; ``load(directory:)`` reads every rubric in it.
public struct RubricCatalog: Sendable {
    /// The rubrics, in file-name order.
    public let rubrics: [Rubric]

    /// A catalog of the given rubrics.
    public init(rubrics: [Rubric]) {
        self.rubrics = rubrics
    }

    /// The first rubric that scores `language`.
    public func rubric(for language: Language) -> Rubric? {
        rubrics.first { $0.languages.contains(language) }
    }

    /// The rubric with the given ID.
    public func rubric(id: String) -> Rubric? {
        rubrics.first { $0.id == id }
    }

    /// Reads every `.yaml` and `.yml` file in `directory`. A file that is YAML
    /// but no rubric (its top level has no `id` and `items`) is left out.
    ///
    /// - Returns: the rubrics that loaded, and the errors of those that did not.
    public static func load(directory: URL) -> (catalog: RubricCatalog, errors: [RubricError]) {
        let folder = read(directory: directory)
        return (RubricCatalog(rubrics: folder.rubrics), folder.errors)
    }

    /// What one folder of rubrics holds: the rubrics that loaded, the errors
    /// of those that did not, and a warning for each YAML file that is no
    /// rubric at all (a file left beside them must not stop every run).
    package static func read(directory: URL) -> (rubrics: [Rubric], errors: [RubricError], skipped: [Diagnostic]) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var rubrics: [Rubric] = []
        var errors: [RubricError] = []
        var skipped: [Diagnostic] = []
        for name in names.sorted() where (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && !name.hasPrefix(".") {
            let url = directory.appendingPathComponent(name)
            do {
                rubrics.append(try Rubric(contentsOf: url))
            } catch {
                if let reason = Rubric.notARubric(at: url) {
                    skipped.append(
                        Diagnostic(.warning, source: url.relativePath, message: "not a rubric (\(reason)); skipped"))
                } else {
                    errors.append(error)
                }
            }
        }
        var seen: Set<String> = []
        for rubric in rubrics where !seen.insert(rubric.id).inserted {
            errors.append(
                RubricError(
                    source: rubric.source,
                    problems: [
                        .init(
                            line: nil, column: nil,
                            message: "another rubric in \(directory.path) has the id '\(rubric.id)'")
                    ]))
        }
        return (rubrics, errors, skipped)
    }

    /// The rubrics the command-line tool scores with, and where they came
    /// from. See ``discover(environment:executable:currentDirectory:)``.
    package struct Discovery: Sendable {
        /// Every rubric that may be used: the working directory's first, then
        /// the installed ones whose id no rubric there has.
        package var catalog: RubricCatalog
        /// Rubrics with errors, and working-directory rubrics refused.
        package var errors: [RubricError]
        /// YAML files that are no rubric, skipped.
        package var warnings: [Diagnostic]
        /// The sources of the rubrics taken from the working directory.
        package var fromWorkingDirectory: Set<String>
        /// Every folder looked in, in order.
        package var searched: [String]
    }

    /// Finds the rubrics to score with, safely: `$CALLQA_RUBRICS` when set
    /// (that folder alone); else the installed rubrics — `rubrics/` or
    /// `share/callqa/rubrics/` in the executable's folder or a parent — and
    /// the `rubrics/` folder of the current directory, when that is another
    /// folder.
    ///
    /// A rubric of the current directory is used before an installed one of
    /// the same id (so a coach's working copy takes effect), and the tool
    /// announces it (``fromWorkingDirectory``), but one with the id and the
    /// version of an installed rubric and other content is refused: a folder
    /// that happens to be the current directory cannot quietly replace a
    /// shipped rubric. One with the same content is the installed rubric.
    /// YAML files that are no rubric are skipped with a warning.
    package static func discover(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: URL? = Bundle.main.executableURL,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) -> Discovery {
        if let configured = environment["CALLQA_RUBRICS"], !configured.isEmpty {
            let folder = read(directory: URL(fileURLWithPath: configured))
            return Discovery(
                catalog: RubricCatalog(rubrics: folder.rubrics), errors: folder.errors, warnings: folder.skipped,
                fromWorkingDirectory: [], searched: [configured])
        }
        let installedCandidates = installedDirectories(executable: executable)
        let installed = installedCandidates.first(where: holdsYAML)
        let working = URL(fileURLWithPath: currentDirectory).appendingPathComponent("rubrics")
        var discovery = Discovery(
            catalog: RubricCatalog(rubrics: []), errors: [], warnings: [], fromWorkingDirectory: [],
            searched: [working.path] + installedCandidates.map(\.path))
        var rubrics: [Rubric] = []
        if let installed {
            let folder = read(directory: installed)
            rubrics = folder.rubrics
            discovery.errors += folder.errors
            discovery.warnings += folder.skipped
        }
        guard holdsYAML(working), installed.map({ !sameFolder($0, working) }) ?? true else {
            discovery.catalog = RubricCatalog(rubrics: rubrics)
            return discovery
        }
        let folder = read(directory: working)
        discovery.errors += folder.errors
        discovery.warnings += folder.skipped
        var taken: [Rubric] = []
        for rubric in folder.rubrics {
            if let twin = rubrics.first(where: { $0.id == rubric.id && $0.version == rubric.version }) {
                let (here, there) = (rubric.sha256, twin.sha256)
                if here == there { continue }
                discovery.errors.append(
                    RubricError(
                        source: rubric.source,
                        problems: [
                            .init(
                                line: nil, column: nil,
                                message: "refused: it has the id and version of the installed rubric"
                                    + " \(rubric.id) \(rubric.version) (\(twin.source)) but other content"
                                    + " (sha256 \(here.prefix(12)) here, \(there.prefix(12)) installed);"
                                    + " give it a version of its own to use it")
                        ]))
                continue
            }
            taken.append(rubric)
            discovery.fromWorkingDirectory.insert(rubric.source)
        }
        let ids = Set(taken.map(\.id))
        discovery.catalog = RubricCatalog(rubrics: taken + rubrics.filter { !ids.contains($0.id) })
        return discovery
    }

    /// Where installed rubrics are looked for: `rubrics/` and
    /// `share/callqa/rubrics/` in the executable's folder and each parent.
    static func installedDirectories(executable: URL?) -> [URL] {
        var candidates: [URL] = []
        if var folder = executable?.resolvingSymlinksInPath().deletingLastPathComponent() {
            while folder.path != "/" && !folder.path.isEmpty {
                candidates.append(folder.appendingPathComponent("rubrics"))
                candidates.append(folder.appendingPathComponent("share/callqa/rubrics"))
                folder.deleteLastPathComponent()
            }
        }
        return candidates
    }

    /// Whether a folder holds a `.yaml` or `.yml` file.
    private static func holdsYAML(_ folder: URL) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.contains { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
    }

    /// Whether two paths name the same folder (through links, `.` and `..`).
    private static func sameFolder(_ first: URL, _ second: URL) -> Bool {
        first.resolvingSymlinksInPath().standardizedFileURL.path
            == second.resolvingSymlinksInPath().standardizedFileURL.path
    }

    /// The folder of shipped rubrics: `$CALLQA_RUBRICS`, else `rubrics/` in
    /// the current directory, else `rubrics/` or `share/callqa/rubrics/` in a
    /// folder holding the executable or one of its parents.
    ///
    /// - Returns: the first such folder that holds a rubric, or `nil`.
    public static func shippedDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: URL? = Bundle.main.executableURL,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) -> URL? {
        if let configured = environment["CALLQA_RUBRICS"], !configured.isEmpty {
            return URL(fileURLWithPath: configured)
        }
        let candidates =
            [URL(fileURLWithPath: currentDirectory).appendingPathComponent("rubrics")]
            + installedDirectories(executable: executable)
        return candidates.first(where: holdsYAML)
    }
}
