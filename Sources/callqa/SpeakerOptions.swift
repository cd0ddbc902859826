import ArgumentParser
import CallQA
import Foundation

/// Who is the agent and who the customer, when transcripts label speakers
/// by ID (`spk_0`, `ch_1`) or by name.
struct SpeakerOptions: ParsableArguments {
    @Option(
        name: .customLong("agent-label"),
        help: ArgumentHelp(
            "A speaker label that is the agent (e.g. spk_0, ch_0); repeatable.", valueName: "label"))
    var agentLabels: [String] = []

    @Option(
        name: .customLong("customer-label"),
        help: ArgumentHelp(
            "A speaker label that is the customer; repeatable.", valueName: "label"))
    var customerLabels: [String] = []

    @Option(
        name: .customLong("speakers"),
        help: ArgumentHelp(
            "A file of 'label: role' lines (agent, customer or other) mapping speaker labels to roles.",
            valueName: "file"))
    var mappingFile: String?

    @Flag(
        name: .customLong("no-guess-roles"),
        help: "Read speakers whose labels name no role as other instead of guessing who the agent is.")
    var noGuess = false

    /// The mapping the options describe: the file first, then the labels given.
    ///
    /// - Parameter maximumSize: the largest mapping file read.
    func mapping(maximumSize: Int) throws -> SpeakerMapping {
        var mapping = SpeakerMapping(guessesRoles: !noGuess)
        if let mappingFile {
            do {
                let bytes = try OptionFile.bytes(mappingFile, maximumSize: maximumSize)
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    throw ExitCode.usage("callqa: --speakers \(mappingFile): not UTF-8 text")
                }
                mapping = try SpeakerMapping(yaml: text, path: mappingFile)
                mapping.guessesRoles = !noGuess
            } catch let error as SpeakerMappingError {
                throw ExitCode.usage("callqa: --speakers \(error.description)")
            } catch let error as OptionFileError {
                throw ExitCode.usage("callqa: --speakers \(error.description)")
            }
        }
        for label in agentLabels { mapping.set(label, to: .agent) }
        for label in customerLabels { mapping.set(label, to: .customer) }
        return mapping
    }
}
