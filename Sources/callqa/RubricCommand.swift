import ArgumentParser
import CallQA
import Foundation

/// `callqa rubric`: work on rubrics themselves.
struct RubricCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubric",
        abstract: "Check rubrics before they score calls.",
        subcommands: [
            RubricTestCommand.self, RubricLintCommand.self, RubricPhrasesCommand.self, RubricSuggestCommand.self,
        ]
    )
}

/// The rubrics a `rubric` subcommand works on.
struct RubricArguments: ParsableArguments {
    @Argument(help: ArgumentHelp("Rubric files, or ids of shipped rubrics.", valueName: "rubric"))
    var rubrics: [String]

    func validate() throws {
        if rubrics.isEmpty { throw ValidationError("Give at least one rubric.") }
    }

    /// The rubrics' files.
    var paths: [String] { rubrics.map(RubricSelection.path(of:)) }
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
            typical calls. Also how much of the limits every rubric is held to it uses (file size, \
            phrases, automaton states). Exits 1 when any rubric has errors, 0 otherwise.
            """
    )

    @OptionGroup var arguments: RubricArguments

    func run() throws {
        let run = CommandRun()
        for path in arguments.paths {
            do {
                let rubric = try Rubric(contentsOf: URL(fileURLWithPath: path))
                let warnings = RubricLint.warnings(for: rubric)
                for warning in warnings {
                    let place = [warning.line, warning.column].compactMap { $0.map(String.init) }.joined(separator: ":")
                    StandardError.write("\(path)\(place.isEmpty ? "" : ":" + place): warning: \(warning.message)\n")
                }
                let size = RubricLimits.size(of: rubric)
                let limits = RubricLimits.standard
                run.write(
                    TerminalText.visible("\(path): \(rubric.id) \(rubric.version)") + " — \(rubric.items.count) items, "
                        + "\(rubric.lists.reduce(0) { $0 + $1.phrases.count }) phrases; 0 errors, "
                        + "\(warnings.count) warning\(warnings.count == 1 ? "" : "s")\n"
                        + "  within limits: \(size.phrases) of \(limits.phrases) phrases, up to \(size.automatonStates)"
                        + " of \(limits.automatonStates) automaton states\n")
            } catch {
                run.fail(error.description)
                run.write("\(path): \(error.problems.count) error\(error.problems.count == 1 ? "" : "s")\n")
            }
        }
        try run.finish()
    }
}

/// `callqa rubric test`: a rubric's example cases, run against it.
struct RubricTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run a rubric's example cases: per item precision and recall, and every failing case.",
        discussion: """
            Cases are written under 'cases:' in the rubric, or in YAML files in a folder beside it \
            named after it (zh-standard.cases/). Each has a name, a 'transcript' (or 'say' for one \
            agent turn) and the verdicts it expects ('expect: {greeting: pass}'). Exits 1 when any \
            case fails or cannot be read.
            """
    )

    @OptionGroup var arguments: RubricArguments

    func run() throws {
        let run = CommandRun()
        for path in arguments.paths {
            let url = URL(fileURLWithPath: path)
            let tests: RubricTestRun
            let rubric: Rubric
            do {
                rubric = try Rubric(contentsOf: url)
                tests = RubricTestRun(rubric: rubric, cases: try RubricCase.load(forRubricAt: url, rubric: rubric))
            } catch {
                run.fail(error.description)
                continue
            }
            run.write(tests.text(rubric: rubric))
            if !tests.failures.isEmpty { run.markFailed() }
        }
        try run.finish()
    }
}
