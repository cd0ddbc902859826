/// A phrase of a rubric list, parsed: the matching language a coach writes.
///
/// | written | meaning |
/// | --- | --- |
/// | `apologize for` | the words in any form (Snowball English stems): "apologized for", "apologizing for" |
/// | `=sorry` | only this form (a list can say `exact: true`) |
/// | `frustrat*` | a word starting so: "frustrated", "frustrating" |
/// | `refund ... card` | `card` after `refund`, at most the list's `near` units (default 8) between |
/// | `refund ...3 card` | the same, at most 3 units between |
/// | `late ~5 delivery` | both within 5 units of each other, either order (`~` alone: the list's `near`) |
/// | `{number}` `{name}` `{agent}` `{company}` | a number, the customer's name, the agent's name or ID, the company |
/// | `请问{any:4}吗` | up to 4 units (words or Han characters) between |
/// | `^您好` / `是吗$` | at the start / end of a turn or a sentence |
///
/// A unit is a word of a spaced script or one Han character. `\` takes the
/// next character literally (`\$5`, `\*`). Operators are ASCII; `…` is text.
struct PhrasePattern: Sendable, Equatable {
    /// What a slot stands for.
    enum Slot: String, Sendable, Equatable, CaseIterable {
        /// Digits, English number words, Chinese numerals, number redaction tokens.
        case number
        /// The customer's name, or a name redaction token.
        case name
        /// The agent's name or staff number, or a name redaction token.
        case agent
        /// The company's name, or an organisation redaction token.
        case company

        /// The slot's place among ``allCases``.
        var position: Int {
            switch self {
            case .number: 0
            case .name: 1
            case .agent: 2
            case .company: 3
            }
        }
    }

    /// One element of a part, in the order written.
    enum Item: Sendable, Equatable {
        /// Literal text, normalised, with no space at either end.
        case text(String)
        /// A word written with a trailing `*`, normalised, without the `*`.
        case prefix(String)
        /// A slot.
        case slot(Slot)
        /// `{any:N}`: up to N units.
        case any(Int)
    }

    /// How a part relates to the part before it.
    enum Link: Sendable, Equatable {
        /// `...`: after it, with at most this many units between (`nil`: the list's `near`).
        case after(Int?)
        /// `~`: on either side, with at most this many units between (`nil`: the list's `near`).
        case near(Int?)
    }

    /// `=`: literal forms only.
    var exact: Bool
    /// `^`: starts a turn or a sentence.
    var atStart: Bool
    /// `$`: ends a turn or a sentence.
    var atEnd: Bool
    /// The parts between `...` and `~`, each a sequence of items.
    var parts: [[Item]]
    /// How each part after the first relates to the one before it.
    var links: [Link]

    /// Why a phrase cannot be read.
    struct Problem: Error, Sendable, Equatable {
        /// What is wrong.
        var message: String
    }

    /// The largest `N` of `{any:N}`.
    static let largestAny = 50

    /// Whether the phrase is one piece of literal text, as phrases were
    /// before the matching language had operators.
    var isPlainText: Bool {
        !atStart && !atEnd && parts.count == 1 && parts[0].count == 1
            && { if case .text = parts[0][0] { true } else { false } }()
    }

    /// Reads `phrase`.
    static func parse(_ phrase: String) -> Result<PhrasePattern, Problem> {
        var reader = Reader(phrase)
        do {
            return .success(try reader.read())
        } catch {
            return .failure(error)
        }
    }

    private struct Reader {
        let scalars: [Unicode.Scalar]
        var index = 0
        var end: Int
        var parts: [[Item]] = [[]]
        var links: [Link] = []
        var buffer = ""

        init(_ phrase: String) {
            scalars = Array(phrase.trimmingWhitespace().unicodeScalars)
            end = scalars.count
        }

        /// A problem at the current character (1-based in messages).
        func problem(_ message: String, at position: Int? = nil) -> Problem {
            Problem(message: "\(message) (character \((position ?? index) + 1))")
        }

        mutating func read() throws(Problem) -> PhrasePattern {
            var exact = false
            var atStart = false
            var atEnd = false
            if index < end, scalars[index] == "=" {
                exact = true
                index += 1
            }
            if index < end, scalars[index] == "^" {
                atStart = true
                index += 1
            }
            if end > index, scalars[end - 1] == "$", end < 2 || scalars[end - 2] != "\\" {
                atEnd = true
                end -= 1
            }
            while index < end {
                let scalar = scalars[index]
                switch scalar {
                case "\\":
                    guard index + 1 < end else { throw problem("'\\' must be followed by the character it escapes") }
                    buffer.unicodeScalars.append(scalars[index + 1])
                    index += 2
                case "{":
                    try readSlot()
                case "}":
                    throw problem("'}' without a '{' before it")
                case "*":
                    try readPrefix()
                case "^":
                    throw problem(
                        "'^' must come first (at the start of a turn or sentence); write '\\^' for the character")
                case "$":
                    throw problem(
                        "'$' must come last (at the end of a turn or sentence); write '\\$' for the character")
                case "~":
                    let at = index
                    index += 1
                    try startPart(.near(readCount()), operator: "~", at: at)
                case "." where index + 2 < end && scalars[index + 1] == "." && scalars[index + 2] == ".":
                    let at = index
                    index += 3
                    try startPart(.after(readCount()), operator: "...", at: at)
                default:
                    buffer.unicodeScalars.append(scalar)
                    index += 1
                }
            }
            flush()
            if parts.last!.isEmpty {
                throw Problem(
                    message: "'\(links.last.map(Self.symbol) ?? "...")' at the phrase's end has no words after it")
            }
            for part in parts {
                if case .any? = part.first { throw Problem(message: "'{any:N}' must stand between two words or slots") }
                if case .any? = part.last { throw Problem(message: "'{any:N}' must stand between two words or slots") }
            }
            let hasWord = parts.joined().contains { item in
                switch item {
                case .text(let text), .prefix(let text):
                    text.unicodeScalars.contains { ScalarClass.isWordCharacter($0) || ScalarClass.isUnspacedScript($0) }
                case .slot, .any: false
                }
            }
            let pattern = PhrasePattern(exact: exact, atStart: atStart, atEnd: atEnd, parts: parts, links: links)
            // Plain text of punctuation alone is a phrase as before (lint warns of it).
            guard hasWord || pattern.isPlainText else {
                throw Problem(message: "the phrase has no literal word: slots and operators need a word to anchor them")
            }
            return pattern
        }

        static func symbol(_ link: Link) -> String {
            switch link {
            case .after: "..."
            case .near: "~"
            }
        }

        /// Digits right after an operator: its count.
        mutating func readCount() -> Int? {
            var value = 0
            var digits = 0
            while index < end, scalars[index].isASCII, let digit = Int(String(scalars[index])) {
                value = min(value * 10 + digit, 1_000_000)
                digits += 1
                index += 1
            }
            return digits > 0 ? value : nil
        }

        mutating func startPart(_ link: Link, operator symbol: String, at: Int) throws(Problem) {
            flush()
            if parts.count == 1 && parts[0].isEmpty {
                throw problem("'\(symbol)' at the phrase's start has no words before it", at: at)
            }
            if parts.last!.isEmpty { throw problem("two operators with no words between them", at: at) }
            links.append(link)
            parts.append([])
        }

        /// The text read so far, normalised, as an item.
        mutating func flush() {
            let normalized = TextNormalizer.shared.normalizePhrase(buffer)
            buffer = ""
            if !normalized.isEmpty { parts[parts.count - 1].append(.text(normalized)) }
        }

        mutating func readSlot() throws(Problem) {
            let open = index
            var close = index + 1
            while close < end && scalars[close] != "}" {
                if scalars[close] == "{" { throw problem("'{' without a '}' after it", at: open) }
                close += 1
            }
            guard close < end else { throw problem("'{' without a '}' after it", at: open) }
            let name = String(String.UnicodeScalarView(scalars[(open + 1)..<close])).trimmingWhitespace()
            index = close + 1
            let item: Item
            if let slot = Slot(rawValue: String(name)) {
                item = .slot(slot)
            } else if name.hasPrefix("any") {
                let count = name.dropFirst(3).trimmingWhitespace()
                guard count.hasPrefix(":"), let value = Int(count.dropFirst().trimmingWhitespace()) else {
                    throw problem("'{any}' needs a count: '{any:3}'", at: open)
                }
                guard (1...PhrasePattern.largestAny).contains(value) else {
                    throw problem("'{any:\(value)}': the count must be from 1 to \(PhrasePattern.largestAny)", at: open)
                }
                item = .any(value)
            } else {
                throw problem(
                    "unknown slot '{\(name)}' (expected {number}, {name}, {agent}, {company} or {any:N})", at: open)
            }
            flush()
            parts[parts.count - 1].append(item)
        }

        /// `*` after a word: the word becomes a prefix.
        mutating func readPrefix() throws(Problem) {
            let words = buffer.unicodeScalars
            guard let last = words.last, ScalarClass.isWordCharacter(last), last != "'" else {
                throw problem("'*' must end a word of letters (frustrat*); write '\\*' for the character")
            }
            if index + 1 < end, ScalarClass.isWordCharacter(scalars[index + 1]) {
                throw problem("'*' must end a word (frustrat*), not stand inside one")
            }
            var start = words.endIndex
            while start > words.startIndex, ScalarClass.isWordCharacter(words[words.index(before: start)]) {
                start = words.index(before: start)
            }
            let word = String(String.UnicodeScalarView(words[start...]))
            buffer = String(String.UnicodeScalarView(words[..<start]))
            flush()
            parts[parts.count - 1].append(.prefix(TextNormalizer.shared.normalizePhrase(word)))
            index += 1
        }
    }
}
