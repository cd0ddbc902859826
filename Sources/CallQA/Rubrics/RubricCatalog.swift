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

    /// Reads every `.yaml` and `.yml` file in `directory`.
    ///
    /// - Returns: the rubrics that loaded, and the errors of those that did not.
    public static func load(directory: URL) -> (catalog: RubricCatalog, errors: [RubricError]) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var rubrics: [Rubric] = []
        var errors: [RubricError] = []
        for name in names.sorted() where (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && !name.hasPrefix(".") {
            do {
                rubrics.append(try Rubric(contentsOf: directory.appendingPathComponent(name)))
            } catch {
                errors.append(error)
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
        return (RubricCatalog(rubrics: rubrics), errors)
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
        var candidates = [URL(fileURLWithPath: currentDirectory).appendingPathComponent("rubrics")]
        if var folder = executable?.resolvingSymlinksInPath().deletingLastPathComponent() {
            while folder.path != "/" && !folder.path.isEmpty {
                candidates.append(folder.appendingPathComponent("rubrics"))
                candidates.append(folder.appendingPathComponent("share/callqa/rubrics"))
                folder.deleteLastPathComponent()
            }
        }
        return candidates.first { folder in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.contains { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        }
    }
}
