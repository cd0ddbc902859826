import ArgumentParser
import CallQA
import Foundation

/// The rubric(s) a command scores with: the one named by `--rubric`, or the
/// shipped rubric for each call's language.
struct RubricSelection: Sendable {
    private let fixed: Scorer?
    private let byLanguage: [Language: Scorer]
    /// Every rubric that may be used, in order.
    let rubrics: [Rubric]

    /// Loads the rubric named by `--rubric` (a file, or a shipped rubric's
    /// id), or all shipped rubrics. Rubric errors end the command with exit
    /// code 2: nothing is scored with a half-valid rubric.
    static func resolve(_ name: String?) throws -> RubricSelection {
        if let name {
            let scorer = try scorer(named: name)
            return RubricSelection(fixed: scorer, byLanguage: [:], rubrics: [scorer.rubric])
        }
        let catalog = try shippedCatalog()
        var byLanguage: [Language: Scorer] = [:]
        var scorers: [String: Scorer] = [:]
        for language in Language.allCases {
            guard let rubric = catalog.rubric(for: language) else { continue }
            let scorer = scorers[rubric.id] ?? Scorer(rubric)
            scorers[rubric.id] = scorer
            byLanguage[language] = scorer
        }
        return RubricSelection(fixed: nil, byLanguage: byLanguage, rubrics: catalog.rubrics)
    }

    /// The scorer of one rubric: a file, or a shipped rubric's id. Rubric
    /// errors end the command with exit code 2.
    static func scorer(named name: String) throws -> Scorer {
        if FileManager.default.fileExists(atPath: name) {
            do {
                return Scorer(try Rubric(contentsOf: URL(fileURLWithPath: name)))
            } catch {
                throw ExitCode.usage(error.description)
            }
        }
        let catalog = try shippedCatalog()
        guard let rubric = catalog.rubric(id: name) else {
            throw ExitCode.usage(
                "callqa: '\(name)' is neither a rubric file nor a shipped rubric (shipped: "
                    + catalog.rubrics.map(\.id).joined(separator: ", ") + ")")
        }
        return Scorer(rubric)
    }

    /// Every shipped rubric; exit code 2 when none are found or any has errors.
    private static func shippedCatalog() throws -> RubricCatalog {
        guard let directory = RubricCatalog.shippedDirectory() else {
            throw ExitCode.usage(
                "callqa: no shipped rubrics found (looked for rubrics/ here and beside the executable); "
                    + "pass --rubric FILE or set CALLQA_RUBRICS to the rubrics folder")
        }
        let (catalog, errors) = RubricCatalog.load(directory: directory)
        if !errors.isEmpty {
            errors.forEach { StandardError.write($0.description + "\n") }
            throw ExitCode(ExitStatus.usage)
        }
        return catalog
    }

    /// The file a rubric name stands for: the name itself when it is a file,
    /// else the shipped rubric with that id (or the name, to be reported as missing).
    static func path(of name: String) -> String {
        if FileManager.default.fileExists(atPath: name) { return name }
        if let directory = RubricCatalog.shippedDirectory() {
            for candidate in [name + ".yaml", name + ".yml"] {
                let path = directory.appendingPathComponent(candidate).path
                if FileManager.default.fileExists(atPath: path) { return path }
            }
        }
        return name
    }

    /// The scorer for a call, if any rubric suits it.
    @Sendable func scorer(for call: Call) -> Scorer? {
        fixed ?? byLanguage[call.language]
    }

    /// The error for a call no rubric suits.
    @Sendable func unscorable(_ call: Call) -> Diagnostic {
        let reason =
            call.language == .unknown
            ? "its language is not declared and could not be recognised"
            : "no shipped rubric scores \(call.language.rawValue)"
        return Diagnostic(
            .error, source: call.source.path, line: call.source.line,
            message: "call \(call.id) not scored: \(reason); pass --rubric")
    }
}
