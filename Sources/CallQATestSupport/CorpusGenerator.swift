import CallQA
import Foundation

/// Generates realistic call transcripts, the same for the same seed.
///
/// Calls alternate agent and customer turns of natural length (Chinese turns
/// of about 15–70 characters, English turns of about 8–40 words) until the
/// call reaches its size, 8–15 KB by default — a 10-minute call. About one
/// turn in three carries a phrase the shipped rubrics tag; openings and
/// closings follow the rubrics' steps on most calls, and a few decoys
/// ("Maybelline" for "maybe", "不是马上" for "马上") must not match.
///
/// ```swift
/// var generator = CorpusGenerator(seed: 7)
/// let call = generator.call(number: 1, language: .simplifiedChinese)
/// print(CorpusGenerator.plainText(call))
/// ```
public struct CorpusGenerator: Sendable {
    /// The sizes a call is drawn from, in bytes of transcript text.
    public var callSize: ClosedRange<Int> = 8_000...15_000
    /// The chance that a middle turn carries a tagged phrase.
    public var phraseChance = 0.33
    /// The chance that a middle turn carries a decoy.
    public var decoyChance = 0.05
    /// How many agents calls are drawn among (`Agent 0`, `坐席0`, …).
    public var agentCount = 40
    /// The languages to draw from, each with its share.
    public var languages: [(language: Language, share: Double)] = [
        (.simplifiedChinese, 0.4), (.traditionalChinese, 0.2), (.english, 0.4),
    ]

    private var random: SeededGenerator

    /// Creates a generator whose output depends only on `seed`.
    public init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    /// The decoys calls in `language` may contain: text that holds a tagged
    /// phrase's letters (or a negated phrase) and must match nothing.
    public static func decoys(_ language: Language) -> [String] {
        switch language {
        case .english: Vocabulary.english.decoys
        case .traditionalChinese: Vocabulary.traditionalChinese.decoys
        default: Vocabulary.chinese.decoys
        }
    }

    /// The next call, in a language drawn from ``languages``.
    public mutating func call(number: Int) -> Call {
        var roll = Double.random(in: 0..<1, using: &random)
        for (language, share) in languages {
            if roll < share { return call(number: number, language: language) }
            roll -= share
        }
        return call(number: number, language: languages.last?.language ?? .english)
    }

    /// The next call, in `language`.
    public mutating func call(number: Int, language: Language) -> Call {
        let vocabulary =
            switch language {
            case .english: Vocabulary.english
            case .traditionalChinese: Vocabulary.traditionalChinese
            default: Vocabulary.chinese
            }
        let agentIndex = Int.random(in: 0..<max(1, agentCount), using: &random)
        let agent = language == .english ? "Agent \(agentIndex)" : "坐席\(agentIndex)"
        let target = Int.random(in: callSize, using: &random)
        var turns: [Turn] = []
        var size = 0
        var clock = 0.0

        func add(_ role: SpeakerRole, _ text: String) {
            let units = vocabulary.countsWords ? Double(text.split(separator: " ").count) : Double(text.count)
            let duration = NumberText.rounded(units / vocabulary.unitsPerSecond, places: 1)
            turns.append(
                Turn(
                    role: role, label: role == .agent ? vocabulary.agentLabel : vocabulary.customerLabel,
                    start: clock, end: clock + duration, text: text, line: turns.count + 1))
            clock = NumberText.rounded(clock + duration + Double.random(in: 0.3...2.5, using: &random), places: 1)
            size += text.utf8.count
        }

        let salutation = random.pick(vocabulary.salutations)
        var opening = fill(random.pick(vocabulary.openings), vocabulary)
            .replacingOccurrences(of: "{salutation}", with: salutation).replacingOccurrences(of: "{agent}", with: agent)
        if random.chance(0.2) { opening = vocabulary.curtOpening }
        add(.agent, opening)
        var role = SpeakerRole.customer
        while size < target {
            add(role, sentence(role, vocabulary))
            role = role == .agent ? .customer : .agent
        }
        if role == .customer { add(.customer, vocabulary.lastWords) }
        add(.agent, random.chance(0.8) ? random.pick(vocabulary.closings) : vocabulary.curtClosing)

        return Call(
            id: String(format: "gen-%06d", number), agent: agent, language: language,
            source: .init(path: "generated", index: number), turns: turns)
    }

    /// One turn's text: one to four clauses, sometimes with a tagged phrase or a decoy.
    private mutating func sentence(_ role: SpeakerRole, _ vocabulary: Vocabulary) -> String {
        let clauses = role == .agent ? vocabulary.agentClauses : vocabulary.customerClauses
        var parts = (0..<Int.random(in: 1...4, using: &random)).map { _ in fill(random.pick(clauses), vocabulary) }
        if random.chance(phraseChance) {
            let phrase = random.pick(role == .agent ? vocabulary.agentPhrases : vocabulary.customerPhrases)
            parts.insert(phrase, at: Int.random(in: 0...parts.count, using: &random))
        }
        if random.chance(decoyChance) { parts.append(random.pick(vocabulary.decoys)) }
        var text = parts.joined(separator: vocabulary.joiner) + random.pick(vocabulary.enders)
        if vocabulary.countsWords, let first = text.first { text = first.uppercased() + text.dropFirst() }
        return text
    }

    /// A clause with its numbers, amounts and dates filled in.
    private mutating func fill(_ template: String, _ vocabulary: Vocabulary) -> String {
        var text = template
        if text.contains("{number}") {
            text = text.replacingOccurrences(
                of: "{number}", with: String(Int.random(in: 10_000...99_999_999, using: &random)))
        }
        if text.contains("{amount}") {
            text = text.replacingOccurrences(
                of: "{amount}",
                with: String(
                    format: "%d.%02d", Int.random(in: 5...2_000, using: &random),
                    Int.random(in: 0...99, using: &random)))
        }
        if text.contains("{date}") {
            let month = Int.random(in: 1...12, using: &random)
            let day = Int.random(in: 1...28, using: &random)
            text = text.replacingOccurrences(
                of: "{date}", with: vocabulary.countsWords ? "\(month)/\(day)" : "\(month)月\(day)日")
        }
        return text
    }
}
