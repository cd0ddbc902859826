import Testing

@testable import CallQA

@Suite("Numbers, clocks and table cells")
struct SharedTextTests {
    @Test(
        "Rounding is to the nearest, halves away from zero",
        arguments: [
            (87.45, 1, 87.5), (87.44, 1, 87.4), (0.125, 2, 0.13), (-2.5, 0, -3.0), (12.0, 3, 12.0), (0.3333, 2, 0.33),
        ])
    func rounding(value: Double, places: Int, expected: Double) {
        #expect(NumberText.rounded(value, places: places) == expected)
    }

    @Test(
        "A number is written shortest, as JSON writes it",
        arguments: [
            (0.0, "0"), (-0.0, "0"), (3.0, "3"), (3.1, "3.1"), (-2.5, "-2.5"), (1e15, "1000000000000000.0"),
            (1e16, "1e+16"), (Double.nan, "null"),
            (Double.infinity, "null"),
        ])
    func shortest(value: Double, expected: String) {
        #expect(NumberText.shortest(value) == expected)
    }

    @Test("Rounded, then shortest")
    func shortestRounded() {
        #expect(NumberText.shortest(41.549, places: 1) == "41.5")
        #expect(NumberText.shortest(31.96, places: 1) == "32")
        #expect(NumberText.shortest(1.125, places: 2) == "1.13")
        #expect(NumberText.seconds(31.96) == "32 s")
        #expect(NumberText.seconds(1.45) == "1.5 s")
    }

    @Test("Table cells: fixed decimals and whole percentages, a dash for no value")
    func cells() {
        #expect(NumberText.fixed(87, places: 1) == "87.0")
        #expect(NumberText.fixed(0.456, places: 2) == "0.46")
        #expect(NumberText.fixed(-0.25, places: 2) == "-0.25")
        #expect(NumberText.fixed(-12.34, places: 1) == "-12.3")
        #expect(NumberText.fixed(3.7, places: 0) == "4")
        #expect(NumberText.fixed(nil, places: 2) == "—")
        #expect(NumberText.percent(0.856) == "86%")
        #expect(NumberText.percent(1) == "100%")
        #expect(NumberText.percent(nil) == "—")
    }

    @Test(
        "Clocks: notes show whole seconds, begun",
        arguments: [
            (0.0, "00:00"), (12.7, "00:12"), (65.99, "01:05"), (3599.9, "59:59"), (3725.0, "1:02:05"),
            (36000.0, "10:00:00"),
        ])
    func noteClock(seconds: Double, expected: String) {
        #expect(ClockText.text(seconds) == expected)
    }

    @Test(
        "Clocks: tables of turns show tenths when there are any",
        arguments: [
            (1.25, "00:01.3"), (4.0, "00:04"), (4.04, "00:04"), (59.96, "01:00"), (3723.45, "1:02:03.5"),
        ])
    func tableClock(seconds: Double, expected: String) {
        #expect(ClockText.text(seconds, fraction: .tenths) == expected)
        #expect(InspectTable.clock(seconds) == expected)
    }

    @Test(
        "Clocks: transcripts show hours always and milliseconds without trailing zeros",
        arguments: [
            (0.0, "00:00:00"), (4.2, "00:00:04.2"), (4.25, "00:00:04.25"), (0.0004, "00:00:00"),
            (3725.125, "01:02:05.125"),
            (360000.5, "100:00:00.5"),
        ])
    func transcriptClock(seconds: Double, expected: String) {
        #expect(ClockText.text(seconds, hours: .always, fraction: .milliseconds) == expected)
    }

    @Test("A time before the start is the clock of its distance, after a minus sign")
    func negativeClock() {
        #expect(ClockText.text(-1.25, hours: .always, fraction: .milliseconds) == "-00:00:01.25")
        #expect(ClockText.text(-3725.45, fraction: .tenths) == "-1:02:05.5")
        #expect(ClockText.text(-12.7) == "-00:12")
        #expect(ClockText.text(-0.04, fraction: .tenths) == "00:00")
    }

    @Test("Padding counts terminal columns: Han takes two")
    func padding() {
        #expect(DisplayWidth.pad("张丽", to: 6) == "张丽  ")
        #expect(DisplayWidth.pad("87%", to: 6, alignment: .right) == "   87%")
        #expect(DisplayWidth.pad("too wide", to: 3) == "too wide")
        #expect(DisplayWidth.fit("zh-model-001-long", to: 8) == "zh-mode…")
        #expect(DisplayWidth.fit("客服", to: 6) == "客服  ")
    }

    @Test(
        "Speech units: each Han character, each word",
        arguments: [
            ("您好，请问有什么可以帮您？", 11), ("I'm checking the bill now", 5), ("您的VIP卡", 4), ("二〇〇八年", 5),
            ("customer’s 86.40", 3), ("", 0), ("……", 0),
        ])
    func speechUnits(text: String, expected: Int) {
        #expect(SpeechUnits.count(in: text) == expected)
    }

    @Test("Speech units: every scalar counts as its Unicode properties say, alone and inside a word")
    func speechUnitsOfEveryScalar() {
        let scalars = (UInt32(0x80)...0x3FFFF).compactMap(Unicode.Scalar.init)
        let differing = scalars.filter { scalar in
            let ideograph = UnicodeFacts.isIdeograph(scalar)
            let word = !ideograph && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
            let apostrophe = !ideograph && !word && scalar == "’"
            // Alone: one unit for an ideograph or a word character. Between
            // two letters: joins them (an apostrophe), starts a word of its
            // own after the first (an ideograph: "a", 中, "b" are three), or
            // separates them (anything else).
            let alone = ideograph || word ? 1 : 0
            let between = apostrophe || word ? 1 : ideograph ? 3 : 2
            return SpeechUnits.count(in: String(scalar)) != alone
                || SpeechUnits.count(in: "a\(scalar)b") != between
        }
        #expect(differing.isEmpty, "\(differing.prefix(10).map { String($0.value, radix: 16) })")
    }
}

@Suite("Unicode facts")
struct UnicodeFactsTests {
    static let scalars: [Unicode.Scalar] = (UInt32(0)...0x3FFFF).compactMap(Unicode.Scalar.init)

    @Test("The blocks are where Unicode puts them")
    func blocks() {
        let checks: [(ClosedRange<UInt32>, Unicode.Scalar)] = [
            (UnicodeFacts.cjkUnifiedIdeographs, "中"), (UnicodeFacts.cjkExtensionA, "㐀"), (UnicodeFacts.kana, "あ"),
            (UnicodeFacts.kana, "カ"), (UnicodeFacts.bopomofo, "ㄅ"), (UnicodeFacts.hangulSyllables, "한"),
            (UnicodeFacts.hangulCompatibilityJamo, "ㅎ"), (UnicodeFacts.cjkSymbolsAndPunctuation, "。"),
            (UnicodeFacts.halfwidthAndFullwidthForms, "，"), (UnicodeFacts.cjkCompatibilityIdeographs, "\u{F900}"),
            (UnicodeFacts.supplementaryIdeographicPlanes, "𠮷"), (UnicodeFacts.cjkRadicals, "⼀"),
            (UnicodeFacts.enclosedCJKAndCompatibility, "㈱"), (UnicodeFacts.kanbunToKatakanaExtensions, "ㇰ"),
        ]
        for (block, scalar) in checks { #expect(block.contains(scalar.value), "\(scalar)") }
    }

    @Test("Han characters are ideographs, and ideographs in the CJK blocks are what Unicode calls Ideographic")
    func ideographs() {
        let han = Self.scalars.filter(UnicodeFacts.isHan)
        #expect(han.allSatisfy { UnicodeFacts.isIdeograph($0) == $0.properties.isIdeographic })
        let outsideHan = Self.scalars.filter { UnicodeFacts.isIdeograph($0) && !UnicodeFacts.isHan($0) }
        #expect(outsideHan.allSatisfy { UnicodeFacts.cjkSymbolsAndPunctuation.contains($0.value) })
        #expect(outsideHan.contains("〇"))
    }

    @Test("Each notion holds the one it builds on")
    func nesting() {
        for scalar in Self.scalars {
            if UnicodeFacts.isIdeograph(scalar), !UnicodeFacts.cjkSymbolsAndPunctuation.contains(scalar.value) {
                #expect(UnicodeFacts.isWrittenWithoutSpaces(scalar))
            }
            if UnicodeFacts.isWrittenWithoutSpaces(scalar) {
                #expect(UnicodeFacts.joinsWithoutSpace(scalar))
                #expect(UnicodeFacts.isDoubleWidth(scalar) || scalar.properties.generalCategory == .unassigned)
            }
        }
    }

    @Test(
        "Written without spaces: Han and kana, not Hangul nor Latin",
        arguments: [
            ("中", true), ("あ", true), ("ㄅ", true), ("⼀", true), ("𠮷", true), ("한", false), ("ㅎ", false), ("a", false),
            ("。", false),
        ] as [(Unicode.Scalar, Bool)])
    func writtenWithoutSpaces(scalar: Unicode.Scalar, expected: Bool) {
        #expect(UnicodeFacts.isWrittenWithoutSpaces(scalar) == expected)
    }

    @Test(
        "Joined without a space: also Hangul, CJK and full-width punctuation",
        arguments: [
            ("中", true), ("한", true), ("。", true), ("，", true), ("ｶ", true), ("a", false), (",", false), ("—", false),
        ] as [(Unicode.Scalar, Bool)])
    func joinsWithoutSpace(scalar: Unicode.Scalar, expected: Bool) {
        #expect(UnicodeFacts.joinsWithoutSpace(scalar) == expected)
    }

    @Test(
        "Two columns: wide and full-width characters, not half-width ones",
        arguments: [
            ("中", 2), ("한", 2), ("。", 2), ("，", 2), ("😀", 2), ("ｶ", 1), ("a", 1), ("\u{303F}", 1), ("\u{301}", 0),
        ] as [(Unicode.Scalar, Int)])
    func columns(scalar: Unicode.Scalar, expected: Int) {
        #expect(DisplayWidth.of(scalar) == expected)
    }

    @Test("Punctuation without letters has none")
    func punctuationWithoutLetters() {
        let punctuation = Self.scalars.filter(UnicodeFacts.isPunctuationWithoutLetters)
        #expect(!punctuation.isEmpty)
        #expect(punctuation.allSatisfy { !$0.properties.isAlphabetic && $0.properties.numericType == nil })
    }
}
