import Yams

/// `limit`: phrases that may be said at most `maximum` times in all.
public struct LimitCheck: Sendable, Equatable {
    /// Whose turns count.
    public var speaker: SpeakerRole
    /// The phrases counted.
    public var group: PhraseGroup
    /// How many times is still fine.
    public var maximum: Int
}

extension LimitCheck: CheckKind {
    static let kind = "limit"

    static func decode(_ site: CheckSite, parser: inout RubricParser) -> LimitCheck? {
        guard
            let entries = parser.entries(
                of: site, allowed: ["speaker", "max"] + PhraseGroup.sourceKeys,
                required: ["max"])
        else { return nil }
        let speaker = parser.speaker(entries["speaker"])
        let group = parser.phraseGroup(entries, node: site.node, item: site.item, label: kind, name: nil)
        let maximum = parser.reader.integer(entries["max"], "'max'", minimum: 0)
        guard let speaker, let group, let maximum else { return nil }
        return LimitCheck(speaker: speaker, group: group, maximum: maximum)
    }

    func writeCanonical(to json: inout JSONWriter) {
        json.field("speaker", speaker.rawValue)
        json.field("max", maximum)
        json.key("group")
        group.writeCanonical(to: &json)
    }

    var lintFacts: CheckLintFacts {
        CheckLintFacts(penalised: group.lists)
    }

    func evaluate(in analysis: CallAnalysis) -> CheckOutcome {
        let hits = analysis.matches(of: group, inTurns: analysis.turns(by: speaker))
        let evidence = hits.map { analysis.evidence($0.match, inTurn: $0.turn) }
        let times = counted(hits.count, "time")
        if hits.count <= maximum {
            return CheckOutcome(
                status: .pass, share: 1, evidence: evidence,
                note: "said \(times) (at most \(maximum) allowed)")
        }
        return CheckOutcome(
            status: .fail, share: 0, evidence: evidence, missing: [],
            note: "said \(times): \(quoted(evidence.map(\.text))); at most \(maximum) allowed")
    }
}
