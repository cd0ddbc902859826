import Yams

/// Everything about one kind of check, kept in the kind's own file: how a
/// rubric file writes it, how it enters the rubric's fingerprint, what lint
/// needs to know about it, and how it is evaluated on a call.
///
/// ``Check`` holds a value of one kind and forwards each operation to it with
/// one switch (see `Check.swift`); adding a kind means a file conforming to
/// this protocol, a case there, and the documentation.
protocol CheckKind: Sendable, Equatable {
    /// The kind's name as rubric files write it (`kind: phrase`).
    static var kind: String { get }

    /// Reads the check from its mapping in a rubric file, recording a problem
    /// with line and column for everything wrong; `nil` when it cannot be read.
    static func decode(_ site: CheckSite, parser: inout RubricParser) -> Self?

    /// Writes the check's settings into its item's canonical JSON object,
    /// after the item's `kind` (see ``Rubric/canonicalJSON``).
    func writeCanonical(to json: inout JSONWriter)

    /// What lint needs to know about the check.
    var lintFacts: CheckLintFacts { get }

    /// Evaluates the check on a call normalised and matched once for every item.
    func evaluate(in analysis: CallAnalysis) -> CheckOutcome

    /// Whether failing the check fails the call whatever its score.
    var isCritical: Bool { get }

    /// Phrase lists the check needs compiled into the rubric's matcher beside
    /// the rubric's own; their occurrences are never negated.
    var matcherLists: [Rubric.PhraseList] { get }
}

extension CheckKind {
    var isCritical: Bool { false }

    var matcherLists: [Rubric.PhraseList] { [] }
}

/// What lint needs to know about a check (see ``RubricLint``).
struct CheckLintFacts {
    /// The lists whose phrases the check rewards saying.
    var rewarded: [String] = []
    /// The lists whose phrases the check counts against the speaker.
    var penalised: [String] = []
    /// The turns the check is limited to, if it is.
    var window: TurnWindow?
}

/// A check's mapping in a rubric file, and the item it belongs to.
struct CheckSite {
    /// The check's mapping (`check:` of an item).
    let node: Node
    /// The item's id, or `?` when it has none.
    let item: String

    /// How messages name the check: `the check of item 'greeting'`.
    var what: String { "the check of item '\(item)'" }
}

extension RubricParser {
    /// The entries of a check's mapping, `kind` allowed before the kind's own keys.
    mutating func entries(of site: CheckSite, allowed: [String], required: [String] = []) -> [String: Node]? {
        reader.mapping(site.node, site.what, allowed: ["kind"] + allowed, required: required)
    }

    /// Whose turns a check looks at: the agent's unless `speaker:` says otherwise.
    mutating func speaker(_ node: Node?) -> SpeakerRole? {
        guard let node else { return .agent }
        guard let text = reader.string(node, "'speaker'") else { return nil }
        guard let role = SpeakerRole(rawValue: text) else {
            reader.problem(node, "'speaker' must be agent, customer or other, not '\(text)'")
            return nil
        }
        return role
    }
}
