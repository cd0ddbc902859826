import Yams

/// `forbid`: phrases that must not be said.
public struct ForbidCheck: Sendable, Equatable {
    /// Whose turns count.
    public var speaker: SpeakerRole
    /// The forbidden phrases.
    public var group: PhraseGroup
    /// Whether one occurrence fails the call (see ``Rubric/critical``).
    public var critical: Bool
}

extension ForbidCheck: CheckKind {
    static let kind = "forbid"

    static func decode(_ site: CheckSite, parser: inout RubricParser) -> ForbidCheck? {
        guard let entries = parser.entries(of: site, allowed: ["speaker", "critical"] + PhraseGroup.sourceKeys)
        else { return nil }
        let speaker = parser.speaker(entries["speaker"])
        let group = parser.phraseGroup(entries, node: site.node, item: site.item, label: kind, name: nil)
        let critical = entries["critical"].map { parser.reader.bool($0, "'critical'") } ?? false
        guard let speaker, let group, let critical else { return nil }
        return ForbidCheck(speaker: speaker, group: group, critical: critical)
    }

    func writeCanonical(to json: inout JSONWriter) {
        json.field("speaker", speaker.rawValue)
        json.field("critical", critical)
        json.key("group")
        group.writeCanonical(to: &json)
    }

    var lintFacts: CheckLintFacts {
        CheckLintFacts(penalised: group.lists)
    }

    var isCritical: Bool { critical }

    func evaluate(in analysis: CallAnalysis) -> CheckOutcome {
        let turns = analysis.turns(by: speaker)
        let hits = analysis.matches(of: group, inTurns: turns)
        guard !hits.isEmpty else {
            return CheckOutcome(
                status: .pass, share: 1,
                note: "no forbidden phrase in the \(speaker.rawValue)'s \(CallAnalysis.turnCount(turns.count))")
        }
        let evidence = hits.map { analysis.evidence($0.match, inTurn: $0.turn) }
        let phrases = evidence.map(\.text)
        return CheckOutcome(
            status: .fail, share: 0, evidence: evidence, missing: [],
            note: "said \(counted(hits.count, "forbidden phrase")): \(quoted(phrases))"
                + (critical ? " — a critical failure" : ""))
    }
}
