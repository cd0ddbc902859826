extension Rubric {
    /// Whether the rubric scores calls in `language` (its `languages:`).
    public func scores(_ language: Language) -> Bool {
        languages.contains(language)
    }

    /// Why a call whose language is unknown cannot be matched to a rubric.
    package static let unrecognisedLanguage = "its language is not declared and could not be recognised"

    /// The error for a call whose language the rubric does not score, or
    /// `nil` when it scores it. A rubric is never applied to another
    /// language silently: its phrases would not be said, and the call would
    /// fail for the wrong reason.
    ///
    /// - Parameters:
    ///   - call: the call.
    ///   - verb: what was not done with the call ("scored", "compared").
    package func languageProblem(_ call: Call, verb: String = "scored") -> Diagnostic? {
        guard !scores(call.language) else { return nil }
        let language =
            call.language == .unknown
            ? Self.unrecognisedLanguage
            : "its language is \(call.language.rawValue)"
        return Diagnostic(
            .error, source: call.source.path, line: call.source.line,
            message: "call \(call.id) not \(verb): \(language), and rubric \(id) \(version) scores "
                + languages.map(\.rawValue).joined(separator: ", ") + " (--any-language applies it to any language)")
    }
}
