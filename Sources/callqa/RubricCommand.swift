import ArgumentParser
import CallQA
import Foundation

/// `callqa rubric`: work on rubrics themselves.
struct RubricCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubric",
        abstract: "Check rubrics before they score calls.",
        subcommands: [RubricTestCommand.self, RubricLintCommand.self, RubricPhrasesCommand.self]
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
            typical calls. Exits 1 when any rubric has errors, 0 otherwise.
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
                run.write("\(path): \(rubric.id) \(rubric.version) — \(rubric.items.count) items, "
                          + "\(rubric.lists.reduce(0) { $0 + $1.phrases.count }) phrases; 0 errors, "
                          + "\(warnings.count) warning\(warnings.count == 1 ? "" : "s")\n")
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
            for outcome in tests.failures {
                let testCase = outcome.testCase
                run.write("FAIL \(testCase.source):\(testCase.line): \(testCase.name) — \(outcome.item): expected "
                          + "\(outcome.expected.rawValue), got \(outcome.actual.status.rawValue): \(outcome.actual.note)\n")
                for evidence in outcome.actual.evidence {
                    run.write("       turn \(evidence.turn) \(evidence.speaker.rawValue): \"\(evidence.text)\" (\(evidence.phrase))\n")
                }
            }
            run.write("\(rubric.id) \(rubric.version): \(Set(tests.outcomes.map(\.testCase.name)).count) cases, "
                      + "\(tests.outcomes.count) verdicts, \(tests.failures.count) failed\n")
            let width = max(4, tests.items.map(\.id.count).max() ?? 0)
            run.write("  " + "item".padding(toLength: width, withPad: " ", startingAt: 0) + "  cases   TP   FP   TN   FN  precision  recall\n")
            for item in tests.items {
                func share(_ value: Double?) -> String { value.map { "\(Int(($0 * 100).rounded()))%" } ?? "—" }
                func column(_ text: String, _ size: Int) -> String { String(repeating: " ", count: max(0, size - text.count)) + text }
                run.write("  " + item.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + column(String(item.cases), 5)
                          + column(String(item.truePositives), 5) + column(String(item.falsePositives), 5)
                          + column(String(item.trueNegatives), 5) + column(String(item.falseNegatives), 5)
                          + column(share(item.precision), 11) + column(share(item.recall), 8) + "\n")
            }
            if !tests.failures.isEmpty { run.markFailed() }
        }
        try run.finish()
    }
}
