extension NameCheck {
    /// The phrases the check looks for in customer turns: compiled into the
    /// rubric's matcher under this list name.
    static let introductionList = "#name-introductions"

    func evaluate(in analysis: CallAnalysis) -> CheckOutcome {
        let introductions = PhraseGroup(name: "introductions", lists: [Self.introductionList])
        var name: CustomerName?
        if let declared = analysis.call.customer { name = CustomerName.fromHeader(declared, check: self) }
        if name == nil {
            for turn in analysis.turns(by: .customer) {
                if let said = CustomerName.said(in: turn, analysis: analysis, introductions: introductions) {
                    name = said
                    break
                }
            }
        }
        guard let name else { return .notApplicable("the customer's name never became known") }

        var evidence: [Evidence] = []
        var knownFrom = "the transcript's header"
        if let turn = name.turn, let revealed = name.revealed {
            knownFrom = "turn \(turn)"
            evidence.append(analysis.evidence(turn: turn, utf8: revealed.range, phrase: revealed.phrase))
        }

        let forms = name.addressForms(self)
        let matcher = PhraseMatcher(lists: [(name: "name", phrases: forms)], negation: .init(negators: []))
        for turn in analysis.turns(by: .agent) where turn > (name.turn ?? -1) {
            if let used = matcher.matches(in: analysis.normalized[turn]).first {
                evidence.append(analysis.evidence(used, inTurn: turn))
                return CheckOutcome(status: .pass, share: 1, evidence: evidence,
                                    note: "used the customer's name at turn \(turn), known from \(knownFrom)")
            }
        }
        let example = forms.isEmpty ? (name.fullName ?? name.surname ?? "") : forms.prefix(2).joined(separator: "/")
        return CheckOutcome(status: .fail, share: 0, evidence: evidence, missing: ["the customer's name (\(example))"],
                            note: "the customer's name was known from \(knownFrom) but the agent never used it (e.g. \(example))")
    }
}
