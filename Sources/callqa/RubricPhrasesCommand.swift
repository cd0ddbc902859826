import ArgumentParser
import CallQA
import Foundation

/// `callqa rubric phrases`: the phrases a compiled rubric searches for.
struct RubricPhrasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phrases",
        abstract: "Print every phrase a compiled rubric searches for, normalised, one per line.",
        discussion: """
            Normalised as calls are (compatibility forms, lower case, traditional → simplified), \
            with the negators and name introductions the rubric compiles in, each once. Several \
            rubrics print the union. Feed the list to another matcher to run it over the same \
            phrase set, e.g. `rg -F -i -c -f phrases.txt`.
            """
    )

    @OptionGroup var arguments: RubricArguments

    func run() throws {
        var seen = Set<String>()
        var phrases = ""
        for path in arguments.paths {
            let rubric: Rubric
            do {
                rubric = try Rubric(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw ExitCode.usage(error.description)
            }
            for phrase in Scorer(rubric).phrases where seen.insert(phrase).inserted {
                phrases += TerminalText.visible(phrase) + "\n"
            }
        }
        // Written once every rubric is read: a rubric with errors prints nothing.
        let run = CommandRun()
        run.write(phrases)
        try run.finish()
    }
}
