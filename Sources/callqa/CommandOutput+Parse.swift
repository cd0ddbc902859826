import ArgumentParser
import CallQA

extension CommandOutput {
    /// The output format a `--format` value names. A value that names an
    /// input format (`text`, `xml`, `vtt`, `srt`) is refused with the option
    /// that chooses it: `--format` names outputs only, `--input-format` inputs.
    static func parse(_ value: String) throws -> Self {
        if let format = Self(rawValue: value) { return format }
        let outputs = allCases.map(\.rawValue).joined(separator: ", ")
        if let input = InputFormat(rawValue: value), input != .auto {
            throw ValidationError(
                "'\(value)' is an input format: to read every input as \(value), give --input-format \(value)."
                    + " --format names the output: \(outputs).")
        }
        throw ValidationError("'\(value)' is not an output format: use one of \(outputs).")
    }
}
