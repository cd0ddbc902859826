import ArgumentParser

/// `--any-language`: apply a rubric to calls in languages it does not name.
struct LanguageOption: ParsableArguments {
    @Flag(
        name: .customLong("any-language"),
        help: "Apply --rubric to calls in any language (by default a call in a language the rubric does not name is reported and not scored)."
    )
    var anyLanguage = false
}
