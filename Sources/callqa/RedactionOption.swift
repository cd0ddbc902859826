import ArgumentParser
import CallQA

/// `--redact` and `--no-redact`: whether the transcript text a command
/// prints has its personal data masked.
struct RedactionOption: ParsableArguments {
    @Flag(
        inversion: .prefixedNo,
        help: ArgumentHelp(
            "Mask card, phone and ID numbers, e-mail addresses and long digit runs in every transcript text printed"
                + " (default: only when the rubric applied says 'redact: true'; --no-redact: never)."))
    var redact: Bool?

    /// The redactor calls are read through: with `--redact`; with neither
    /// flag, when any of `rubrics` asks for it; never with `--no-redact`.
    func redactor(for rubrics: [Rubric] = []) -> Redactor? {
        (redact ?? rubrics.contains(where: \.redacts)) ? Redactor() : nil
    }
}
