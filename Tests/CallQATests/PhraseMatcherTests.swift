import Testing

@testable import CallQA

@Suite("Phrase matching")
struct PhraseMatcherTests {
    private func matcher(
        _ lists: [(String, [String])], negators: [String] = ["not", "no", "never", "不", "没", "没有"],
        exempt: Set<String> = []
    ) -> PhraseMatcher {
        PhraseMatcher(
            lists: lists.map { (name: $0.0, phrases: $0.1) },
            negation: .init(negators: negators, window: 2, exemptLists: exempt))
    }

    private func found(_ matcher: PhraseMatcher, in text: String) -> [String] {
        let normalized = TextNormalizer.shared.normalize(text)
        return matcher.matches(in: normalized).map { "\($0.list):" + normalized.original($0.range, in: text) }
    }

    @Test(
        "Latin phrases need word boundaries; Chinese phrases match inside text",
        arguments: [
            ("I'm sorry about that", ["apology:sorry"]),
            ("a sorryness of sorts", []),
            ("unsorry", []),
            ("Sorry, SORRY!", ["apology:Sorry", "apology:SORRY"]),
            ("真的很抱歉给您带来麻烦", ["apology:抱歉"]),
            ("I'll call you", ["promise:I'll"]),
            ("I will call you", ["promise:I will"]),
        ])
    func boundaries(text: String, expected: [String]) {
        let matcher = matcher([("apology", ["sorry", "抱歉"]), ("promise", ["I'll", "I will"])])
        #expect(found(matcher, in: text) == expected)
    }

    @Test(
        "A negator just before a phrase cancels it, unless punctuation stands between",
        arguments: [
            ("I'm not sorry", []),
            ("I'm not really sorry", []),
            ("not at all very sorry", ["apology:sorry"]),
            ("No, sorry, I can't", ["apology:sorry"]),
            ("没有问题", []),
            ("不是问题", []),
            ("这个问题很简单", ["problem:问题"]),
            ("没，问题是这样的", ["problem:问题"]),
            ("不好意思", ["apology:不好意思"]),
        ])
    func negation(text: String, expected: [String]) {
        let matcher = matcher([("apology", ["sorry", "不好意思"]), ("problem", ["问题"])])
        #expect(found(matcher, in: text) == expected)
    }

    @Test("Exempt lists are never negated")
    func exempt() {
        let matcher = matcher([("blame", ["your fault"])], exempt: ["blame"])
        #expect(found(matcher, in: "it's not your fault") == ["blame:your fault"])
    }

    @Test("Simplified phrases find traditional and full-width text")
    func scripts() {
        let matcher = matcher([("offer", ["有什么可以帮您", "ok"])])
        #expect(found(matcher, in: "請問有什麼可以幫您？ＯＫ") == ["offer:有什麼可以幫您", "offer:ＯＫ"])
    }

    @Test("Within a list the leftmost, then longest, occurrence counts; other lists count on their own")
    func overlaps() {
        let matcher = matcher([("hedge", ["我尽量", "尽量", "尽量试试"]), ("try", ["试试"])])
        #expect(found(matcher, in: "我尽量试试") == ["hedge:我尽量", "try:试试"])
    }

    @Test("The automaton finds exactly what a naive search finds", arguments: 0..<20)
    func automatonAgainstNaiveSearch(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed + 1))
        let alphabet = Array("ab您好c".utf8)
        func random(_ length: Int) -> [UInt8] {
            (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
        }
        let patterns = (0..<12).map { _ in random(Int(generator.next() % 4) + 1) }
        let text = random(300)
        var fast: [[Int]] = []
        PhraseAutomaton(patterns: patterns).scan(text) { fast.append([$0, $1]) }
        var naive: [[Int]] = []
        for end in 1...text.count {
            for (index, pattern) in patterns.enumerated()
            where pattern.count <= end
                && Array(text[(end - pattern.count)..<end]) == pattern
            {
                naive.append([index, end])
            }
        }
        #expect(fast.sorted { ($0[1], $0[0]) < ($1[1], $1[0]) } == naive)
    }

    @Test(
        "Two texts scanned side by side, of one length or two, give each text's occurrences in order, as alone",
        arguments: 0..<20)
    func pairedScan(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed + 101))
        let alphabet = Array("ab您好c".utf8)
        func random(_ length: Int) -> [UInt8] {
            (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
        }
        let automaton = PhraseAutomaton(patterns: (0..<12).map { _ in random(Int(generator.next() % 4) + 1) })
        let length = Int(generator.next() % 300)
        let first = random(length)
        // The same length, or another (a stemmed view is shorter than its text).
        let second = random(seed % 2 == 0 ? length : Int(generator.next() % 300))
        var alone: [[[Int]]] = [[], []]
        automaton.scan(first) { alone[0].append([$0, $1]) }
        automaton.scan(second) { alone[1].append([$0, $1]) }
        var paired: [[[Int]]] = [[], []]
        first.withUnsafeBufferPointer { one in
            second.withUnsafeBufferPointer { two in
                automaton.scan(one, two) { text, pattern, end in paired[text].append([pattern, end]) }
            }
        }
        #expect(paired == alone)
    }
}

/// A small deterministic random number generator (SplitMix64), so property
/// tests see the same inputs on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
