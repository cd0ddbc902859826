import ArgumentParser
import CallQA

/// The values of `--format`: output formats and input formats share the
/// option, and never a name, so `--format json` chooses the output and
/// `--format xml` reads every input as XML. It may be given once for each.
/// Only `text` and `xml` are taken as input formats here (`json` is an
/// output); every input format has its own `--input-format`.
struct FormatChoice<Output: RawRepresentable & CaseIterable>: Equatable
where Output.RawValue == String, Output: Equatable {
    /// The output format chosen, if any.
    var output: Output?
    /// The input format forced, if any.
    var input: TranscriptFormat?

    /// Sorts raw `--format` values into an output and an input choice.
    init(_ values: [String]) throws {
        for value in values {
            if let format = Output(rawValue: value) {
                if let output, output != format {
                    throw ValidationError("--format names two output formats: \(output.rawValue) and \(value).")
                }
                output = format
            } else if let format = TranscriptFormat(rawValue: value), Self.inputFormats.contains(format) {
                if let input, input != format {
                    throw ValidationError("--format names two input formats: \(input.rawValue) and \(value).")
                }
                input = format
            } else {
                throw ValidationError(
                    "'\(value)' is not a format: use one of \(Self.allValues.joined(separator: ", ")).")
            }
        }
    }

    /// Every value `--format` takes, outputs first.
    static var allValues: [String] {
        Output.allCases.map(\.rawValue) + inputFormats.map(\.rawValue)
    }

    /// The input formats `--format` takes.
    static var inputFormats: [TranscriptFormat] { [.text, .xml] }
}
