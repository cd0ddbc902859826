import ArgumentParser
import CallQA
import Foundation

/// The rubric(s) a command scores with: the one named by `--rubric`, or the
/// shipped rubric for each call's language.
struct RubricSelection: Sendable {
    private let fixed: Scorer?
    private let byLanguage: [Language: Scorer]
    /// Whether `--rubric` applies to calls in languages it does not name.
    private let anyLanguage: Bool
    /// Every rubric that may be used, in order.
    let rubrics: [Rubric]

    /// Loads the rubric named by `--rubric` (a file, or a shipped rubric's
    /// id), or all shipped rubrics. Rubric errors end the command with exit
    /// code 2: nothing is scored with a half-valid rubric.
    static func resolve(_ name: String?, anyLanguage: Bool = false) throws -> RubricSelection {
        if let name {
            let scorer = try scorer(named: name)
            return RubricSelection(fixed: scorer, byLanguage: [:], anyLanguage: anyLanguage, rubrics: [scorer.rubric])
        }
        let discovery = try shippedCatalog()
        let catalog = discovery.catalog
        var byLanguage: [Language: Scorer] = [:]
        var scorers: [String: Scorer] = [:]
        for language in Language.allCases {
            guard let rubric = catalog.rubric(for: language) else { continue }
            let scorer = scorers[rubric.id] ?? Scorer(rubric)
            scorers[rubric.id] = scorer
            byLanguage[language] = scorer
        }
        for rubric in catalog.rubrics where scorers[rubric.id] != nil {
            announce(rubric, discovery)
        }
        return RubricSelection(fixed: nil, byLanguage: byLanguage, anyLanguage: false, rubrics: catalog.rubrics)
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
        let discovery = try shippedCatalog()
        guard let rubric = discovery.catalog.rubric(id: name) else {
            throw ExitCode.usage(
                "callqa: '\(name)' is neither a rubric file nor a shipped rubric (shipped: "
                    + discovery.catalog.rubrics.map(\.id).joined(separator: ", ") + ")")
        }
        announce(rubric, discovery)
        return Scorer(rubric)
    }

    /// Says on standard error that `rubric` comes from the working
    /// directory's `rubrics/` folder, with its path and fingerprint.
    private static func announce(_ rubric: Rubric, _ discovery: RubricCatalog.Discovery) {
        guard discovery.fromWorkingDirectory.contains(rubric.source) else { return }
        StandardError.write(
            "callqa: using rubric \(rubric.id) \(rubric.version) from the working directory: \(rubric.source)"
                + " (sha256 \(rubric.sha256.prefix(12)))\n")
    }

    /// Every shipped rubric; exit code 2 when none are found or any has
    /// errors. Files that are no rubric are skipped with a warning.
    private static func shippedCatalog() throws -> RubricCatalog.Discovery {
        let discovery = discovered
        if !discovery.errors.isEmpty {
            discovery.errors.forEach { StandardError.write($0.description + "\n") }
            throw ExitCode(ExitStatus.usage)
        }
        guard !discovery.catalog.rubrics.isEmpty else {
            throw ExitCode.usage(
                "callqa: no shipped rubrics found (looked in "
                    + discovery.searched.joined(separator: ", ")
                    + "); pass --rubric FILE or set CALLQA_RUBRICS to the rubrics folder")
        }
        return discovery
    }

    /// The shipped rubrics found, those with errors left out (to look a
    /// rubric up by its fingerprint).
    static var shippedRubrics: RubricCatalog { discovered.catalog }

    /// The shipped rubrics, found once a run; files that are no rubric are
    /// reported then.
    private static let discovered: RubricCatalog.Discovery = {
        let discovery = RubricCatalog.discover()
        discovery.warnings.forEach { StandardError.write($0.description + "\n") }
        return discovery
    }()

    /// The file a rubric name stands for: the name itself when it is a file,
    /// else the shipped rubric with that id — or the file of that name among
    /// the rubrics with errors, to be reported — else the name, to be
    /// reported as missing.
    static func path(of name: String) -> String {
        if FileManager.default.fileExists(atPath: name) { return name }
        let discovery = discovered
        if let rubric = discovery.catalog.rubric(id: name) {
            announce(rubric, discovery)
            return rubric.source
        }
        let files = [name + ".yaml", name + ".yml"]
        return discovery.errors.first { files.contains(URL(fileURLWithPath: $0.source).lastPathComponent) }?.source
            ?? name
    }

    /// The scorer for a call, if any rubric suits it: `--rubric` when it
    /// scores the call's language (or `--any-language`), else the shipped
    /// rubric for the language.
    @Sendable func scorer(for call: Call) -> Scorer? {
        if let fixed { return anyLanguage || fixed.rubric.scores(call.language) ? fixed : nil }
        return byLanguage[call.language]
    }

    /// The error for a call no rubric suits.
    @Sendable func unscorable(_ call: Call) -> Diagnostic {
        if let fixed, let problem = fixed.rubric.languageProblem(call) { return problem }
        let reason =
            call.language == .unknown
            ? Rubric.unrecognisedLanguage
            : "no shipped rubric scores \(call.language.rawValue)"
        return Diagnostic(
            .error, source: call.source.path, line: call.source.line,
            message: "call \(call.id) not scored: \(reason); pass --rubric")
    }
}
