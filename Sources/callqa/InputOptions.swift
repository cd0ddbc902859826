import ArgumentParser
import CallQA

/// The transcript inputs every reading command takes.
struct InputOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "Transcript files or directories (searched recursively for .txt, .xml, .trs, .eaf, .vtt, .srt and .json);"
                + " '-' reads standard input.",
            valueName: "path"))
    var paths: [String]

    @Option(
        name: .customLong("input-format"),
        help: "Read every input as this format instead of detecting it from content and extension.")
    var inputFormat: InputFormat = .auto

    @OptionGroup var speakers: SpeakerOptions

    @OptionGroup var redaction: RedactionOption

    @OptionGroup var size: InputSizeOption

    func validate() throws {
        if paths.isEmpty {
            throw ValidationError("Give at least one transcript file or directory ('-' for standard input).")
        }
    }

    /// A loader reading the format `--input-format` names, and redacting calls as
    /// `--redact` or `--no-redact` say, else as any of `rubrics` asks.
    func loader(rubrics: [Rubric] = []) throws -> TranscriptLoader {
        var loader = TranscriptLoader(
            format: inputFormat.transcriptFormat, speakers: try speakers.mapping(maximumSize: size.bytes),
            maximumInputSize: size.bytes)
        loader.redactor = redaction.redactor(for: rubrics)
        return loader
    }

    /// The inputs the paths name — by the bytes the system passed, so that a
    /// file name that is not UTF-8 is found — and an error for each path
    /// that names none.
    func inputs(_ loader: TranscriptLoader) -> (inputs: [TranscriptInput], diagnostics: [Diagnostic]) {
        var bytes: [[UInt8]] = []
        var problems: [Diagnostic] = []
        for (path, pathBytes) in zip(paths, RawArguments.bytes(of: paths)) {
            if let pathBytes {
                bytes.append(pathBytes)
            } else {
                problems.append(RawArguments.ambiguous(path))
            }
        }
        let (inputs, diagnostics) = loader.inputs(forPathBytes: bytes)
        return (inputs, problems + diagnostics)
    }
}

/// `--max-input-size`: the most bytes of one input held in memory, for every
/// command that reads inputs.
struct InputSizeOption: ParsableArguments {
    @Option(
        name: .customLong("max-input-size"),
        help: ArgumentHelp(
            "The largest input read whole into memory (default: 256M; K, M, G: powers of 1024);"
                + " a larger one is reported and the rest are read. XML files are streamed and exempt.",
            valueName: "size"),
        transform: { text in
            guard let size = ByteSize.parse(text) else {
                throw ValidationError(
                    "--max-input-size takes a number of bytes, optionally followed by K, M, G or T (e.g. 512M),"
                        + " not '\(text)'.")
            }
            return size
        })
    var maximum: Int?

    /// The limit: `--max-input-size`, else the default.
    var bytes: Int { maximum ?? TranscriptLoader.defaultMaximumInputSize }
}

/// How to tell the format of an input.
enum InputFormat: String, ExpressibleByArgument, CaseIterable {
    /// From its content, then its extension.
    case auto
    /// Plain text.
    case text
    /// XML: CallQA's own, Transcriber (.trs) or ELAN (.eaf), by the root element.
    case xml
    /// WebVTT captions.
    case vtt
    /// SubRip captions.
    case srt
    /// Amazon Transcribe, Call Analytics or Contact Lens JSON.
    case json

    var transcriptFormat: TranscriptFormat? {
        self == .auto ? nil : TranscriptFormat(rawValue: rawValue)
    }
}
