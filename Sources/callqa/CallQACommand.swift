import ArgumentParser
import CallQA

/// `callqa`: reads call-center transcripts and reports on them.
///
/// Exit codes: 0 when every input was read, 1 when any input failed (the
/// rest are still processed and printed), 2 for usage errors.
@main
struct CallQACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "callqa",
        abstract: "Quality scoring for call-center conversations.",
        discussion: """
            Reads call transcripts (plain text, XML, WebVTT, SRT, Transcriber, ELAN and Amazon Transcribe \
            JSON; Chinese, simplified and traditional, \
            and English).

            Exit codes: 0 all inputs read; 1 some inputs failed (the rest are still \
            processed); 2 usage error; 3 a score below --fail-under.
            """,
        version: "0.1.0",
        subcommands: [
            ScoreCommand.self, ExplainCommand.self, ReportCommand.self, RubricCommand.self, CompareCommand.self,
            CalibrateCommand.self, InspectCommand.self, ConvertCommand.self,
        ]
    )

    static func main() {
        let command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            // Help and version requests are clean exits; anything else is a usage error.
            guard exitCode(for: error) == .success else {
                StandardError.write(fullMessage(for: error) + "\n")
                exit(withError: ExitCode(ExitStatus.usage))
            }
            exit(withError: error)
        }
        do {
            var runnable = command
            try runnable.run()
        } catch {
            exit(withError: error)
        }
    }
}

/// The process exit codes `callqa` promises.
enum ExitStatus {
    /// Every input was read (and, later, scored).
    static let success: Int32 = 0
    /// At least one input failed; the rest were processed.
    static let inputFailed: Int32 = 1
    /// The command line was wrong, or a rubric has errors.
    static let usage: Int32 = 2
    /// A score fell below `--fail-under`.
    static let belowThreshold: Int32 = 3
}
