#if !CALLQA_FUZZING
    import Foundation

    /// `callqa-fuzz` in an ordinary build: runs saved inputs through a fuzz
    /// target's code, as the fuzzer runs them, so that every input that once
    /// crashed stays a regression test.
    ///
    /// ```text
    /// callqa-fuzz replay TARGET FILE…   run each file through TARGET; "ok FILE" for each
    /// callqa-fuzz targets               the targets, one a line
    /// ```
    ///
    /// Exit codes: 0 every file ran; 1 a file could not be read; 2 usage
    /// error, or the shipped rubrics could not be loaded. A finding crashes
    /// the process, as it does under the fuzzer.
    @main
    struct ReplayTool {
        static func main() {
            let arguments = Array(CommandLine.arguments.dropFirst())
            switch arguments.first {
            case "targets":
                for target in FuzzTarget.allCases { print(target.rawValue) }
            case "replay":
                guard arguments.count >= 3, let target = FuzzTarget(rawValue: arguments[1]) else {
                    usage("replay needs a target and at least one file")
                }
                exit(replay(target, files: Array(arguments.dropFirst(2))))
            default:
                usage(arguments.first.map { "unknown command '\($0)'" } ?? "no command")
            }
        }

        /// Runs every file through `target`, reporting each before it runs
        /// (so that a crash names its input) and after.
        private static func replay(_ target: FuzzTarget, files: [String]) -> Int32 {
            let harness: FuzzHarness
            do {
                harness = try FuzzHarness.load()
            } catch {
                printError("callqa-fuzz: \(error)")
                return 2
            }
            var status: Int32 = 0
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else {
                    printError("callqa-fuzz: cannot read \(file)")
                    status = 1
                    continue
                }
                printError("replaying \(target.rawValue) \(file)")
                target.run(Array(data), with: harness)
                print("ok \(file)")
            }
            return status
        }

        private static func usage(_ problem: String) -> Never {
            let targets = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            printError(
                """
                callqa-fuzz: \(problem)
                usage: callqa-fuzz replay <\(targets)> FILE…
                       callqa-fuzz targets
                """)
            exit(2)
        }

        private static func printError(_ text: String) {
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
    }
#endif
