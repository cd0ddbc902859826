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

    func validate() throws {
        if paths.isEmpty {
            throw ValidationError("Give at least one transcript file or directory ('-' for standard input).")
        }
    }

    /// Checks that an input format forced through `--format` agrees with `--input-format`.
    func validate(forced: TranscriptFormat?) throws {
        if let forced, let other = inputFormat.transcriptFormat, forced != other {
            throw ValidationError("--format \(forced.rawValue) and --input-format \(other.rawValue) disagree.")
        }
    }

    /// A loader reading the format forced through `--format`, else `--input-format`, and
    /// redacting calls as `--redact` or `--no-redact` say, else as any of `rubrics` asks.
    func loader(forced: TranscriptFormat?, rubrics: [Rubric] = []) throws -> TranscriptLoader {
        var loader = TranscriptLoader(format: forced ?? inputFormat.transcriptFormat, speakers: try speakers.mapping())
        loader.redactor = redaction.redactor(for: rubrics)
        return loader
    }
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
