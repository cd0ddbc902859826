import ArgumentParser
import CallQA
import Foundation

/// `callqa convert`: rewrites transcripts in any supported form as CallQA's own.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Rewrite transcripts (WebVTT, SRT, Transcriber, ELAN, Amazon Transcribe, …) in a canonical form.",
        discussion: """
            Reads every call as score would (same detection, same speaker mapping) and writes it as \
            CallQA XML, plain text or JSON Lines, so an archive can be normalised once. xml and jsonl \
            go to one stream (--output or standard output); with --output-dir every call gets its own \
            file named after its id. Plain text holds one call per file: converting several calls to \
            text needs --output-dir.

            Exit codes: 0 every input converted; 1 an input failed (the rest are still written); \
            2 usage error.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp(Target.formatHelp))
    var to: Target

    @OptionGroup var output: OutputFileOption<Target>

    @Option(
        name: .customLong("output-dir"),
        help: ArgumentHelp("Write one file per call into this folder.", valueName: "dir"))
    var outputDirectory: String?

    enum Target: String, ExpressibleByArgument, CommandOutput {
        case xml, text, jsonl

        static let formatHelp = "The form to write: xml, text or jsonl."

        var fileExtension: String { self == .text ? "txt" : self.rawValue }
    }

    func validate() throws {
        if output.output != nil && outputDirectory != nil {
            throw ValidationError("Give --output or --output-dir, not both.")
        }
    }

    func run() throws {
        let loader = try input.loader()
        let (inputs, pathProblems) = input.inputs(loader)
        let run = CommandRun()
        pathProblems.forEach(run.report)

        let folder = outputDirectory.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        if let outputDirectory { try Self.makeFolder(outputDirectory) }
        try run.send(to: output.output, reading: inputs)
        var names: Set<String> = []
        var written = 0
        var pendingText: Call? // plain text to one stream holds one call: written once the input ends
        for item in inputs {
            try loader.read(item) { event in
                switch event {
                case .diagnostic(let diagnostic):
                    run.report(diagnostic)
                case .call(let call):
                    guard let folder else {
                        // One stream, written as calls arrive (memory holds one call).
                        switch to {
                        case .text:
                            guard pendingText == nil else {
                                throw ExitCode.usage(
                                    "callqa: plain text holds one call per file and more than one call was read:"
                                        + " give --output-dir"
                                )
                            }
                            pendingText = call
                            return
                        case .xml:
                            if written == 0 { run.write(TranscriptWriter.xmlOpening) }
                            run.write(TranscriptWriter.xmlElement(call))
                        case .jsonl:
                            run.write(Self.jsonLine(call))
                        }
                        written += 1
                        return
                    }
                    // One file per call; a second call with the same id gets a numbered name.
                    var name = Self.fileName(call.id)
                    var number = 2
                    while !names.insert(name).inserted {
                        name = Self.fileName(call.id) + "-\(number)"
                        number += 1
                    }
                    // A failure is the input's: it counts among the inputs that failed.
                    do throws(OutputError) {
                        let target = try OutputTarget(path: folder + name + "." + to.fileExtension)
                        try target.refuseInputs(inputs, option: "--output-dir")
                        let file = try OutputFile(target)
                        file.write(Array(render(call).utf8))
                        try file.commit()
                        written += 1
                    } catch {
                        run.report(
                            Diagnostic(
                                .error, source: call.source.path, line: call.source.line,
                                message: "call \(call.id) not converted: \(error.message)"))
                    }
                }
            }
        }
        if folder == nil {
            if let pendingText {
                run.write(TranscriptWriter.plainText(pendingText))
                written = 1
            } else if to == .xml && written > 0 {
                run.write(TranscriptWriter.xmlClosing)
            }
        }
        try run.finish(inputs: inputs, summary: "\(written) call\(written == 1 ? "" : "s") converted")
    }

    /// Makes a folder and the folders above it that are missing.
    ///
    /// - Throws: exit status 2, naming the folder that cannot be made.
    private static func makeFolder(_ path: String) throws {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw ExitCode.usage("callqa: cannot write into --output-dir \(path): not a directory")
            }
            return
        }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if parent != path { try makeFolder(parent) }
        if mkdir(path, 0o777) != 0 && errno != EEXIST {
            throw ExitCode.usage("callqa: cannot make --output-dir \(path): \(FileBytes.describe(errno))")
        }
    }

    /// One call in the target form, as a file of its own.
    private func render(_ call: Call) -> String {
        switch to {
        case .xml: TranscriptWriter.xmlDocument([call])
        case .text: TranscriptWriter.plainText(call)
        case .jsonl: Self.jsonLine(call)
        }
    }

    private static func jsonLine(_ call: Call) -> String {
        var json = JSONWriter(pretty: false)
        call.write(to: &json)
        return json.text + "\n"
    }

    /// A call id as a file name: path separators and control characters replaced.
    private static func fileName(_ id: String) -> String {
        let safe = String(id.map { $0 == "/" || $0 == "\\" || $0.isNewline || $0 == ":" ? "_" : $0 })
        return safe.isEmpty || safe.hasPrefix(".") ? "call" + safe : safe
    }
}
