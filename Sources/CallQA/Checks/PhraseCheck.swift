import Yams

/// `phrase`: the speaker says phrases from all (or any) of the groups.
public struct PhraseCheck: Sendable, Equatable {
    /// How the groups combine.
    public enum Requirement: String, Sendable, Equatable {
        /// Every group must be said (`require: all`).
        case all
        /// One group is enough (`require: any`).
        case any
    }
    /// Whose turns count.
    public var speaker: SpeakerRole
    /// Which turns count; `nil` for the whole call.
    public var window: TurnWindow?
    /// How the groups combine.
    public var requirement: Requirement
    /// The groups.
    public var groups: [PhraseGroup]
    /// With `all`, whether saying some of the groups earns a share of the points.
    public var partialCredit: Bool
    /// Wording that closes a conversation without saying anything more
    /// (再见, "bye", "you're welcome"): the speaker's last turns that say only
    /// this are left out before a last-turns window is taken.
    public var trailing: PhraseGroup?
}

extension PhraseCheck: CheckKind {
    static let kind = "phrase"

    static func decode(_ site: CheckSite, parser: inout RubricParser) -> PhraseCheck? {
        guard
            let entries = parser.entries(
                of: site, allowed: ["speaker", "window", "require", "partial", "groups", "trailing"],
                required: ["groups"])
        else { return nil }
        let speaker = parser.speaker(entries["speaker"])
        let window = parser.window(entries["window"])
        var requirement = Requirement.all
        if let node = entries["require"], let text = parser.reader.string(node, "'require'") {
            if let value = Requirement(rawValue: text) {
                requirement = value
            } else {
                parser.reader.problem(node, "'require' must be all or any, not '\(text)'")
            }
        }
        let partial = entries["partial"].map { parser.reader.bool($0, "'partial'") } ?? true
        let trailing = parser.phraseGroup(under: "trailing", of: entries, item: site.item)
        if entries["trailing"] != nil, trailing == nil { return nil }
        var groups: [PhraseGroup] = []
        if let nodes = parser.reader.sequence(entries["groups"], "'groups'") {
            if nodes.isEmpty { parser.reader.problem(entries["groups"], "'groups' is empty") }
            for (index, node) in nodes.enumerated() {
                if let group = parser.phraseGroup(node, "a group", item: site.item, label: "group \(index + 1)") {
                    groups.append(group)
                }
            }
        }
        let turnWindow: TurnWindow?
        switch window {
        case .absent: turnWindow = nil
        case .valid(let value): turnWindow = value
        case .invalid: return nil
        }
        guard let speaker, let partial, !groups.isEmpty else { return nil }
        return PhraseCheck(
            speaker: speaker, window: turnWindow, requirement: requirement, groups: groups,
            partialCredit: partial, trailing: trailing)
    }

    func writeCanonical(to json: inout JSONWriter) {
        json.field("speaker", speaker.rawValue)
        if let window { json.field("window", window.canonicalText) }
        json.field("require", requirement.rawValue)
        json.field("partial", partialCredit)
        json.key("groups")
        json.array { json in groups.forEach { $0.writeCanonical(to: &json) } }
        if let trailing {
            json.key("trailing")
            trailing.writeCanonical(to: &json)
        }
    }

    var lintFacts: CheckLintFacts {
        CheckLintFacts(rewarded: groups.flatMap(\.lists), window: window)
    }

    func evaluate(in analysis: CallAnalysis) -> CheckOutcome {
        let skipped = trailing.map { analysis.trailingTurns(by: speaker, saying: $0) } ?? 0
        let (turns, windowNote) = analysis.turns(by: speaker, in: window, droppingLast: skipped)
        var scope = windowNote ?? scopeDescription(turnCount: turns.count)
        if skipped > 0 {
            scope +=
                " before \(skipped == 1 ? "a closing turn" : "\(skipped) closing turns") that only said"
                + " \(trailing!.name)"
        }
        guard !turns.isEmpty else {
            return CheckOutcome(
                status: .fail, share: 0, missing: groups.map(\.name),
                note: "the \(speaker.rawValue) has no turns to check (\(scope))")
        }
        var evidence: [Evidence] = []
        var said: [String] = []
        var missing: [String] = []
        for group in groups {
            if let first = analysis.matches(of: group, inTurns: turns).first {
                evidence.append(analysis.evidence(first.match, inTurn: first.turn))
                said.append(group.name)
            } else {
                missing.append(group.name)
            }
        }
        switch requirement {
        case .all:
            let share = Double(said.count) / Double(groups.count)
            let note =
                missing.isEmpty
                ? "said every part (\(said.joined(separator: ", "))) in \(scope)"
                : "said \(said.count) of \(groups.count) parts in \(scope); missing: \(missing.joined(separator: ", "))"
            return .graded(share: share, partialCredit: partialCredit, evidence: evidence, missing: missing, note: note)
        case .any:
            let note =
                said.isEmpty
                ? "said none of \(missing.joined(separator: ", ")) in \(scope)"
                : "said \(said.joined(separator: ", ")) in \(scope)"
            return .graded(
                share: said.isEmpty ? 0 : 1, partialCredit: false, evidence: evidence,
                missing: said.isEmpty ? missing : [], note: note)
        }
    }

    private func scopeDescription(turnCount: Int) -> String {
        switch window {
        case nil: "the \(speaker.rawValue)'s \(CallAnalysis.turnCount(turnCount))"
        case .firstTurns(let count)?: "the \(speaker.rawValue)'s first \(CallAnalysis.turnCount(count))"
        case .lastTurns(let count)?: "the \(speaker.rawValue)'s last \(CallAnalysis.turnCount(count))"
        case .firstSeconds(let seconds, _)?: "the first \(NumberText.shortest(seconds)) s"
        case .lastSeconds(let seconds, _)?: "the last \(NumberText.shortest(seconds)) s"
        }
    }
}
