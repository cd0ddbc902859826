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
        var output = ""
        for path in arguments.paths {
            let rubric: Rubric
            do {
                rubric = try Rubric(contentsOf: URL(fileURLWithPath: path))
            } catch {
                StandardError.write(error.description + "\n")
                throw ExitCode(ExitStatus.usage)
            }
            for phrase in Scorer(rubric).phrases where seen.insert(phrase).inserted {
                output += phrase + "\n"
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
