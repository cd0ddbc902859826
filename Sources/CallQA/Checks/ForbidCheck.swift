import Yams

/// `forbid`: phrases that must not be said.
public struct ForbidCheck: Sendable, Equatable {
    /// Whose turns count.
    public var speaker: SpeakerRole
    /// The forbidden phrases.
    public var group: PhraseGroup
    /// Whether one occurrence fails the call (see ``Rubric/critical``).
    public var critical: Bool
    /// Phrases forbidden only when the customer writes or speaks again after
    /// the turn that says them: closing a chat on a customer who is still
    /// there sends them away; closing it after they have gone quiet does not.
    public var whenCustomerReplies: PhraseGroup?
}

extension ForbidCheck: CheckKind {
    static let kind = "forbid"

    static func decode(_ site: CheckSite, parser: inout RubricParser) -> ForbidCheck? {
        guard
            let entries = parser.entries(
                of: site, allowed: ["speaker", "critical", "when-customer-replies"] + PhraseGroup.sourceKeys)
        else { return nil }
        let replies = parser.phraseGroup(under: "when-customer-replies", of: entries, item: site.item)
        if entries["when-customer-replies"] != nil, replies == nil { return nil }
        let speaker = parser.speaker(entries["speaker"])
        let group = parser.phraseGroup(entries, node: site.node, item: site.item, label: kind, name: nil)
        let critical = entries["critical"].map { parser.reader.bool($0, "'critical'") } ?? false
        guard let speaker, let group, let critical else { return nil }
        return ForbidCheck(speaker: speaker, group: group, critical: critical, whenCustomerReplies: replies)
    }

    func writeCanonical(to json: inout JSONWriter) {
        json.field("speaker", speaker.rawValue)
        json.field("critical", critical)
        json.key("group")
        group.writeCanonical(to: &json)
        if let whenCustomerReplies {
            json.key("when-customer-replies")
            whenCustomerReplies.writeCanonical(to: &json)
        }
    }

    var lintFacts: CheckLintFacts {
        CheckLintFacts(penalised: group.lists + (whenCustomerReplies?.lists ?? []))
    }

    var isCritical: Bool { critical }

    func evaluate(in analysis: CallAnalysis) -> CheckOutcome {
        let turns = analysis.turns(by: speaker)
        var hits = analysis.matches(of: group, inTurns: turns)
        if let whenCustomerReplies {
            let customerTurns = analysis.turns(by: .customer)
            let replied = analysis.matches(of: whenCustomerReplies, inTurns: turns).filter { found in
                customerTurns.contains { $0 > found.turn }
                    && !analysis.call.turns[(found.turn + 1)...].prefix { $0.role != .customer }.contains {
                        $0.role == speaker
                    }
            }
            hits = (hits + replied).sorted {
                ($0.turn, $0.match.range.lowerBound) < ($1.turn, $1.match.range.lowerBound)
            }
        }
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
