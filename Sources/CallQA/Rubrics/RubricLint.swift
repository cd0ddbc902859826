/// Warnings about a rubric that loads but may not do what its author meant.
///
/// - phrases that can never match once normalised (an ellipsis standing for
///   "something", an apostrophe at a word's edge, nothing but punctuation);
/// - phrases repeated in a list once normalised (繁體 and 简体 forms, case);
/// - a phrase both rewarded and penalised: in a list the rubric asks for
///   (positive wording, phrase groups, responses, cues) and in one it
///   counts against the agent (negative wording, forbidden, limited);
/// - items with zero weight;
/// - windows larger than typical calls (more than 10 turns, or 300 seconds).
public enum RubricLint {
    /// A warning, with its place in the rubric's file when known.
    public struct Warning: Sendable, Equatable, CustomStringConvertible {
        /// The 1-based line, when known.
        public var line: Int?
        /// The 1-based column, when known.
        public var column: Int?
        /// What may be wrong.
        public var message: String

        /// `line:column: message`.
        public var description: String {
            [line, column].compactMap { $0.map(String.init) }.joined(separator: ":") + (line == nil ? "" : ": ")
                + message
        }
    }

    /// Turns longer than this make a window cover most calls.
    public static let largeTurnWindow = 10
    /// Seconds beyond which a time window covers most calls.
    public static let largeSecondsWindow = 300.0

    /// Every warning about `rubric`, in file order.
    public static func warnings(for rubric: Rubric) -> [Warning] {
        var warnings: [Warning] = []
        let positions = rubric.positions
        func warn(_ place: RubricPositions.Place?, _ message: String) {
            warnings.append(Warning(line: place?.line, column: place?.column, message: message))
        }
        let normalizer = TextNormalizer.shared

        for list in rubric.lists {
            var seen: [String: String] = [:]
            for (index, phrase) in list.phrases.enumerated() {
                let place =
                    positions.phrases[list.name].flatMap { index < $0.count ? $0[index] : nil }
                    ?? positions.lists[list.name]
                let normalized = normalizer.normalizePhrase(phrase)
                if let reason = neverMatches(phrase: phrase) {
                    warn(place, "phrase \"\(phrase)\" in list '\(list.name)' can never match: \(reason)")
                }
                if let first = seen[normalized] {
                    warn(place, "phrase \"\(phrase)\" in list '\(list.name)' is \"\(first)\" again once normalised")
                } else {
                    seen[normalized] = phrase
                }
            }
        }

        let (rewarded, penalised) = polarities(rubric)
        var phraseLists: [String: [String]] = [:]
        for list in rubric.lists {
            for phrase in list.phrases {
                phraseLists[normalizer.normalizePhrase(phrase), default: []].append(list.name)
            }
        }
        for (normalized, lists) in phraseLists.sorted(by: { $0.key < $1.key }) {
            let good = lists.filter(rewarded.contains)
            let bad = lists.filter(penalised.contains)
            guard let goodList = good.first, let badList = bad.first, goodList != badList else { continue }
            let phrase =
                rubric.list(named: badList)!.phrases.first { normalizer.normalizePhrase($0) == normalized }
                ?? normalized
            let index = rubric.list(named: badList)!.phrases.firstIndex(of: phrase) ?? 0
            warn(
                positions.phrases[badList].flatMap { index < $0.count ? $0[index] : nil },
                "phrase \"\(phrase)\" is rewarded (list '\(goodList)') and penalised (list '\(badList)')")
        }

        for item in rubric.items {
            if item.weight == 0 {
                warn(
                    positions.weights[item.id] ?? positions.items[item.id],
                    "item '\(item.id)' has weight 0: it never changes a score")
            }
            if let window = item.check.lintFacts.window {
                let large: String?
                switch window {
                case .firstTurns(let count), .lastTurns(let count):
                    large = count > largeTurnWindow ? "\(count) turns" : nil
                case .firstSeconds(let seconds, _), .lastSeconds(let seconds, _):
                    large = seconds > largeSecondsWindow ? "\(NumberText.shortest(seconds)) seconds" : nil
                }
                if let large {
                    warn(
                        positions.windows[item.id] ?? positions.items[item.id],
                        "item '\(item.id)' looks at \(large): larger than most calls, so the window hardly limits it")
                }
            }
        }
        return warnings.sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
    }

    /// Why a phrase can never match, if it cannot: its literal text, once
    /// normalised, holds what transcripts never write.
    static func neverMatches(phrase: String) -> String? {
        if phrase.contains("…") {
            return "it contains an ellipsis, which transcripts do not write for the words it stands for"
        }
        guard case .success(let pattern) = PhrasePattern.parse(phrase) else { return nil }
        for case .text(let text) in pattern.parts.joined() where text.hasPrefix("'") || text.hasSuffix("'") {
            return "an apostrophe at its edge is part of a word, so the word boundary it needs never occurs"
        }
        let words = pattern.parts.joined().contains { item in
            switch item {
            case .text(let text), .prefix(let text):
                text.unicodeScalars.contains { ScalarClass.isWordCharacter($0) || ScalarClass.isUnspacedScript($0) }
            case .slot, .any: true
            }
        }
        if !words { return "it has no letters or characters, only punctuation" }
        return nil
    }

    /// The lists the rubric rewards saying, and those it penalises.
    private static func polarities(_ rubric: Rubric) -> (rewarded: Set<String>, penalised: Set<String>) {
        var rewarded: Set<String> = []
        var penalised: Set<String> = []
        if let positive = rubric.wording.positive { rewarded.insert(positive) }
        if let negative = rubric.wording.negative { penalised.insert(negative) }
        for item in rubric.items {
            let facts = item.check.lintFacts
            rewarded.formUnion(facts.rewarded)
            penalised.formUnion(facts.penalised)
        }
        return (rewarded, penalised)
    }
}
