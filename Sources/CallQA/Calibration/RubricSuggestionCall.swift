/// Where a word, a phrase or a quoted rubric phrase was first said in a call.
struct RubricSuggestionPlace: Sendable, Equatable {
    /// The turn.
    var turn: Int
    /// Where in the turn's original text, in UTF-8 bytes.
    var utf8: Range<Int>
}

/// A rubric phrase the machine quoted as evidence, and whose turn it was in.
struct RubricSuggestionQuote: Sendable, Hashable {
    var speaker: SpeakerRole
    var phrase: String
}

/// What the people and the machine said of one item of one call.
enum RubricSuggestionJudgement: Sendable {
    /// The evaluators were evenly split: the call is left out for the item.
    case tied
    /// The majority human verdict, the machine's, and the call's wording.
    case judged(RubricSuggestionObservation)
}

/// One item of one call: the verdicts, and the words its suggestions can come from.
struct RubricSuggestionObservation: Sendable {
    /// The human verdict (the evaluators' majority).
    var human: HumanLabels.Verdict
    /// The machine's, in the same terms.
    var machine: HumanLabels.Verdict
    /// Every unit in the text the item looks at, with its first place.
    var words: [String: RubricSuggestionPlace] = [:]
    /// For `response` items the machine found not applicable, every unit the customer said.
    var triggerWords: [String: RubricSuggestionPlace] = [:]
    /// The rubric phrases the item's evidence quoted, with the first place of each.
    var quoted: [RubricSuggestionQuote: RubricSuggestionPlace] = [:]

    /// The item's group by the human and machine verdicts: pass or not.
    var group: RubricSuggestions.CallGroup {
        switch (human == .pass, machine == .pass) {
        case (true, true): .bothPass
        case (false, false): .bothNotPass
        case (true, false): .humanOnlyPass
        case (false, true): .machineOnlyPass
        }
    }

    /// The item's group by applicability, when the machine found it not applicable.
    var applicabilityGroup: RubricSuggestions.CallGroup? {
        guard machine == .na else { return nil }
        return human == .na ? .bothNA : .humanApplicableMachineNA
    }
}

/// One labelled, scored call, as rubric suggestions keep it.
struct RubricSuggestionCall: Sendable {
    /// The call's id.
    var callID: String
    /// The text of each turn, as written, for example quotes.
    var texts: [String]
    /// Per item id, what was judged (items the labels leave empty for the call are absent).
    var items: [String: RubricSuggestionJudgement]
}

/// What rubric suggestions need before looking at calls: the items, where
/// their wording is, and the human verdict of every labelled call.
struct RubricSuggestionPlan: Sendable {
    /// An item to suggest for, and its focus (`nil` for checks of no wording).
    struct PlannedItem: Sendable {
        var item: RubricItem
        var focus: RubricSuggestionFocus?
    }

    /// The human verdict on one item of one call: the majority, or a tie.
    enum HumanVerdict: Sendable {
        case verdict(HumanLabels.Verdict)
        case tied
    }

    let settings: RubricSuggestions.Settings
    let items: [PlannedItem]
    /// Human verdicts by call id, then by item id.
    let verdicts: [String: [String: HumanVerdict]]

    /// Plans suggestions for the `settings` items (else every rubric item the
    /// labels have a column for) of `rubric`; item ids the rubric lacks are skipped.
    init(rubric: Rubric, labels: HumanLabels, settings: RubricSuggestions.Settings) {
        self.settings = settings
        let ids = settings.items ?? rubric.items.map(\.id).filter(labels.items.contains)
        items = ids.compactMap { rubric.item($0) }.map { PlannedItem(item: $0, focus: RubricSuggestionFocus($0)) }
        var verdicts: [String: [String: HumanVerdict]] = [:]
        for (call, rows) in Dictionary(grouping: labels.labels, by: \.callID) {
            var byItem: [String: HumanVerdict] = [:]
            for planned in items {
                let given = rows.compactMap { $0.verdicts[planned.item.id] }
                guard !given.isEmpty else { continue }
                byItem[planned.item.id] = RubricSuggestions.majority(given).map(HumanVerdict.verdict) ?? .tied
            }
            verdicts[call] = byItem
        }
        self.verdicts = verdicts
    }

    /// Scores `call` and keeps what suggestions need of it; `nil` when it is not labelled.
    func observe(_ call: Call, with scorer: Scorer) -> RubricSuggestionCall? {
        guard let human = verdicts[call.id] else { return nil }
        let prepared = scorer.prepare(call)
        let card = scorer.score(prepared: prepared)
        let analysis = prepared.analysis
        var cache: [String: [String: RubricSuggestionPlace]] = [:]
        func words(_ scope: RubricSuggestionScope) -> [String: RubricSuggestionPlace] {
            if let known = cache[scope.key] { return known }
            var found: [String: RubricSuggestionPlace] = [:]
            for turn in scope.turns(in: analysis) {
                let text = analysis.quotedNormalized(turn) // masked, when the call was redacted
                for unit in RubricSuggestionUnits.units(in: text) where found[unit.text] == nil {
                    found[unit.text] = RubricSuggestionPlace(turn: turn, utf8: text.originalRange(of: unit.range))
                }
            }
            cache[scope.key] = found
            return found
        }

        var judged: [String: RubricSuggestionJudgement] = [:]
        for planned in items {
            let id = planned.item.id
            guard let verdict = human[id], let result = card.item(id) else { continue }
            guard case .verdict(let people) = verdict else {
                judged[id] = .tied
                continue
            }
            var observation = RubricSuggestionObservation(human: people, machine: HumanLabels.Verdict(result.status))
            if let focus = planned.focus {
                observation.words = words(focus.words)
                if let triggers = focus.triggers, observation.applicabilityGroup != nil {
                    observation.triggerWords = words(triggers)
                }
                for evidence in result.evidence where evidence.kind == .quote {
                    let key = RubricSuggestionQuote(speaker: evidence.speaker, phrase: evidence.phrase)
                    guard observation.quoted[key] == nil, call.turns.indices.contains(evidence.turn) else { continue }
                    let text = call.turns[evidence.turn].text
                    observation.quoted[key] = RubricSuggestionPlace(
                        turn: evidence.turn, utf8: Self.utf8Range(of: evidence.offsets ?? 0..<0, in: text))
                }
            }
            judged[id] = .judged(observation)
        }
        return RubricSuggestionCall(callID: call.id, texts: call.turns.map(\.text), items: judged)
    }

    /// The UTF-8 range of a range of Unicode scalars of `text`, clamped to the text.
    static func utf8Range(of scalars: Range<Int>, in text: String) -> Range<Int> {
        let view = text.unicodeScalars
        let start = view.index(view.startIndex, offsetBy: scalars.lowerBound, limitedBy: view.endIndex) ?? view.endIndex
        let end = view.index(start, offsetBy: scalars.count, limitedBy: view.endIndex) ?? view.endIndex
        let utf8 = text.utf8
        return utf8.distance(from: utf8.startIndex, to: start)..<utf8.distance(from: utf8.startIndex, to: end)
    }
}
