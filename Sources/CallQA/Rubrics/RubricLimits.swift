/// The most a rubric may hold, so that compiling it takes bounded memory
/// and time whatever file it is given. Loading checks them (so `rubric lint`
/// and every command that scores agree: a rubric that lints is a rubric that
/// loads), and a rubric over any limit is refused with the figure and the
/// limit.
///
/// The defaults are far above what rubrics need — the shipped rubrics are
/// about 18 KB with about 1,100 phrases and under 20,000 automaton states —
/// and bound what a compiled rubric takes: its automaton has at most
/// ``automatonStates`` states, and its table of transitions takes
/// states × byte classes (at most 244) × 4 bytes, so at most 128 MiB
/// (a few hundred KB for the shipped rubrics); the rest of a compiled rubric
/// grows with its phrases' bytes.
package struct RubricLimits: Sendable, Equatable {
    /// The most bytes a rubric file may have.
    package var fileBytes: Int
    /// The most phrases its lists, negators and checks may hold in all.
    package var phrases: Int
    /// The most states its phrase automaton may have, counted as one more
    /// than the bytes of the literal words it searches for, normalised (a
    /// bound the compiled automaton never exceeds).
    package var automatonStates: Int
    /// The most values (scalars, lists and mappings) its YAML may hold, an
    /// alias counted each time it is used.
    package var yamlValues: Int

    /// The limits every rubric is held to.
    package static let standard = RubricLimits(
        fileBytes: 1 << 20, phrases: 20_000, automatonStates: 1 << 17, yamlValues: 100_000)

    /// What a rubric holds, measured as the limits count it.
    package struct Size: Sendable, Equatable {
        /// Its phrases: every list's, the negators and what checks add.
        package var phrases: Int
        /// The most states its automaton can have.
        package var automatonStates: Int
    }

    /// What `rubric` holds.
    package static func size(of rubric: Rubric) -> Size {
        let (lists, negation) = rubric.matcherSettings
        var phrases = negation.negators.count
        var bytes = 0
        for negator in negation.negators { bytes += TextNormalizer.shared.normalizePhrase(negator).utf8.count }
        for list in lists {
            phrases += list.phrases.count
            for phrase in list.phrases { bytes += literalBytes(phrase) }
        }
        return Size(phrases: phrases, automatonStates: bytes + 1)
    }

    /// The bytes of a phrase's literal words once normalised: what the
    /// automaton searches for (stems and readings are never longer).
    private static func literalBytes(_ phrase: String) -> Int {
        guard case .success(let pattern) = PhrasePattern.parse(phrase) else {
            return TextNormalizer.shared.normalizePhrase(phrase).utf8.count
        }
        var bytes = 0
        for item in pattern.parts.joined() {
            switch item {
            case .text(let text), .prefix(let text): bytes += text.utf8.count
            case .slot, .any: break
            }
        }
        return bytes
    }

    /// The problems of a rubric over the limits, at the line of the rubric's start.
    func problems(for rubric: Rubric) -> [RubricError.Problem] {
        let size = Self.size(of: rubric)
        var problems: [RubricError.Problem] = []
        if size.phrases > phrases {
            problems.append(
                .init(
                    line: 1, column: 1,
                    message: "the rubric holds \(size.phrases) phrases; the limit is \(phrases)"))
        }
        if size.automatonStates > automatonStates {
            problems.append(
                .init(
                    line: 1, column: 1,
                    message: "the rubric's phrases compile to up to \(size.automatonStates) automaton states"
                        + " (one a byte of their words); the limit is \(automatonStates)"))
        }
        return problems
    }

    /// The problem of a rubric file of `bytes` bytes, when it is over the limit.
    func fileProblem(bytes: Int) -> RubricError.Problem? {
        guard bytes > fileBytes else { return nil }
        return .init(line: nil, column: nil, message: "the file has \(bytes) bytes; the limit is \(fileBytes)")
    }
}
