import Yams

/// `wording`: how many phrases of a list the agent says, turned into points.
public struct WordingCheck: Sendable, Equatable {
    /// What to aim for.
    public enum Target: Sendable, Equatable {
        /// Say them: full points at `full` occurrences, a share below.
        case use(full: Int)
        /// Avoid them: full points up to `allow`, none from `zero`, a share between.
        case avoid(allow: Int, zero: Int)
    }
    /// The phrases counted.
    public var group: PhraseGroup
    /// What to aim for.
    public var target: Target
}

extension WordingCheck: CheckKind {
    static let kind = "wording"

    static func decode(_ site: CheckSite, parser: inout RubricParser) -> WordingCheck? {
        guard
            let entries = parser.entries(
                of: site, allowed: ["target", "full", "allow", "zero"] + PhraseGroup.sourceKeys,
                required: ["target"])
        else { return nil }
        let group = parser.phraseGroup(entries, node: site.node, item: site.item, label: kind, name: nil)
        let target: Target?
        switch entries["target"].flatMap({ parser.reader.string($0, "'target'") }) {
        case "use":
            target = (entries["full"].map { parser.reader.integer($0, "'full'", minimum: 1) } ?? 3).map {
                .use(full: $0)
            }
        case "avoid":
            let allow = entries["allow"].map { parser.reader.integer($0, "'allow'", minimum: 0) } ?? 0
            let zero = entries["zero"].map { parser.reader.integer($0, "'zero'", minimum: 1) } ?? 3
            if let allow, let zero, zero <= allow {
                parser.reader.problem(
                    entries["zero"] ?? site.node, "'zero' (\(zero)) must be more than 'allow' (\(allow))")
                target = nil
            } else if let allow, let zero {
                target = .avoid(allow: allow, zero: zero)
            } else {
                target = nil
            }
        case let other?:
            parser.reader.problem(entries["target"], "'target' must be use or avoid, not '\(other)'")
            target = nil
        case nil:
            target = nil
        }
        guard let group, let target else { return nil }
        return WordingCheck(group: group, target: target)
    }

    func writeCanonical(to json: inout JSONWriter) {
        json.key("group")
        group.writeCanonical(to: &json)
        switch target {
        case .use(let full): json.field("use-full", full)
        case .avoid(let allow, let zero):
            json.field("avoid-allow", allow)
            json.field("avoid-zero", zero)
        }
    }

    var lintFacts: CheckLintFacts {
        if case .use = target { CheckLintFacts(rewarded: group.lists) } else { CheckLintFacts(penalised: group.lists) }
    }

    func evaluate(in analysis: CallAnalysis) -> CheckOutcome {
        let hits = analysis.matches(of: group, inTurns: analysis.turns(by: .agent))
        let evidence = hits.map { analysis.evidence($0.match, inTurn: $0.turn) }
        let count = hits.count
        let said = count == 0 ? "said none" : "said \(counted(count, "phrase")): \(quoted(evidence.map(\.text)))"
        switch target {
        case .use(let full):
            return .graded(
                share: Double(count) / Double(full), partialCredit: true, evidence: evidence,
                missing: count >= full ? [] : ["\(full - count) more of \(group.name)"],
                note: "\(said) (full points at \(full))")
        case .avoid(let allow, let zero):
            let share = count <= allow ? 1 : count >= zero ? 0 : 1 - Double(count - allow) / Double(zero - allow)
            return .graded(
                share: share, partialCredit: true, evidence: evidence, missing: [],
                note: "\(said) (full points up to \(allow), none from \(zero))")
        }
    }
}
