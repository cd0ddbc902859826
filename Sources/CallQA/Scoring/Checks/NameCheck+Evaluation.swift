extension NameCheck {
    /// The phrases the check looks for in customer turns: compiled into the
    /// rubric's matcher under this list name.
    static let introductionList = "#name-introductions"

    func evaluate(in analysis: CallAnalysis) -> CheckOutcome {
        let introductions = PhraseGroup(name: "introductions", lists: [Self.introductionList])
        var name: CustomerName?
        if let declared = analysis.call.customer { name = CustomerName.fromHeader(declared, check: self) }
        if name == nil {
            // Only customer turns with an introduction phrase can reveal the name.
            let found = analysis.matches(of: introductions, inTurns: analysis.turns(by: .customer))
            let byTurn = Dictionary(grouping: found, by: \.turn)
            for turn in byTurn.keys.sorted() {
                if let said = CustomerName.said(in: turn, matches: byTurn[turn]!.map(\.match), analysis: analysis) {
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

        let forms = name.addressForms(self).map { (form: $0, bytes: Array(TextNormalizer.shared.normalizePhrase($0).utf8)) }
        for turn in analysis.turns(by: .agent) where turn > (name.turn ?? -1) {
            if let used = Self.firstUse(of: forms, in: analysis.normalized[turn].bytes) {
                evidence.append(analysis.evidence(used, inTurn: turn))
                return CheckOutcome(status: .pass, share: 1, evidence: evidence,
                                    note: "used the customer's name at turn \(turn), known from \(knownFrom)")
            }
        }
        let example = forms.isEmpty ? (name.fullName ?? name.surname ?? "") : forms.prefix(2).map(\.form).joined(separator: "/")
        return CheckOutcome(status: .fail, share: 0, evidence: evidence, missing: ["the customer's name (\(example))"],
                            note: "the customer's name was known from \(knownFrom) but the agent never used it (e.g. \(example))")
    }

    /// The earliest (then longest) use of an address form in normalised text,
    /// whole words only where the form starts or ends with a letter or digit.
    /// The forms are few and per call, so a plain search beats compiling them.
    static func firstUse(of forms: [(form: String, bytes: [UInt8])], in text: [UInt8]) -> PhraseMatch? {
        var best: PhraseMatch?
        for (form, needle) in forms where !needle.isEmpty && needle.count <= text.count {
            let first = needle[0]
            var start = 0
            while start + needle.count <= text.count {
                defer { start += 1 }
                guard text[start] == first, text[start..<(start + needle.count)].elementsEqual(needle) else { continue }
                let end = start + needle.count
                if let head = needle.first.flatMap({ _ in ScalarClass.scalar(at: 0, in: needle) }), ScalarClass.isWordCharacter(head),
                   let before = ScalarClass.scalar(before: start, in: text), ScalarClass.isWordCharacter(before) { continue }
                if let tail = ScalarClass.scalar(before: needle.count, in: needle), ScalarClass.isWordCharacter(tail),
                   let after = ScalarClass.scalar(at: end, in: text), ScalarClass.isWordCharacter(after) { continue }
                if best == nil || start < best!.range.lowerBound || (start == best!.range.lowerBound && end > best!.range.upperBound) {
                    best = PhraseMatch(list: "name", phrase: form, range: start..<end)
                }
                break
            }
        }
        return best
    }
}
