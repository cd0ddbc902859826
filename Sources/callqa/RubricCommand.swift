import ArgumentParser
import CallQA
import Foundation

/// `callqa rubric`: work on rubrics themselves.
struct RubricCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubric",
        abstract: "Check rubrics before they score calls.",
        subcommands: [RubricLintCommand.self]
    )
}

/// `callqa rubric lint`: every error and every warning of rubric files.
struct RubricLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Report every error and warning of rubrics, with line and column.",
        discussion: """
            Errors stop a rubric from being used at all. Warnings point at what loads but may not \
            do what was meant: phrases that can never match once normalised, phrases repeated in a \
            list, a phrase both rewarded and penalised, items with zero weight, windows larger than \
            typical calls. Exits 1 when any rubric has errors, 0 otherwise.
            """
    )

    @Argument(help: ArgumentHelp("Rubric files, or ids of shipped rubrics.", valueName: "rubric"))
    var rubrics: [String]

    func validate() throws {
        if rubrics.isEmpty { throw ValidationError("Give at least one rubric.") }
    }

    func run() throws {
        var failed = false
        for name in rubrics {
            let path = RubricSelection.path(of: name)
            do {
                let rubric = try Rubric(contentsOf: URL(fileURLWithPath: path))
                let warnings = RubricLint.warnings(for: rubric)
                for warning in warnings {
                    let place = [warning.line, warning.column].compactMap { $0.map(String.init) }.joined(separator: ":")
                    StandardError.write("\(path)\(place.isEmpty ? "" : ":" + place): warning: \(warning.message)\n")
                }
                print("\(path): \(rubric.id) \(rubric.version) — \(rubric.items.count) items, "
                      + "\(rubric.lists.reduce(0) { $0 + $1.phrases.count }) phrases; 0 errors, "
                      + "\(warnings.count) warning\(warnings.count == 1 ? "" : "s")")
            } catch {
                failed = true
                StandardError.write(error.description + "\n")
                print("\(path): \(error.problems.count) error\(error.problems.count == 1 ? "" : "s")")
            }
        }
        if failed { throw ExitCode(ExitStatus.inputFailed) }
    }
}
