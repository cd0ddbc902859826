import ArgumentParser

/// `--any-language`: apply a rubric to calls in languages it does not name.
struct LanguageOption: ParsableArguments {
    @Flag(
        name: .customLong("any-language"),
        help: ArgumentHelp(
            "Apply --rubric to calls in any language.",
            discussion: "By default a call in a language the rubric does not name is reported and not scored.")
    )
    var anyLanguage = false
}
