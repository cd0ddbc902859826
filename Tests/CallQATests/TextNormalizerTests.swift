import Foundation
import Testing

@testable import CallQA

@Suite("Text normalisation")
struct TextNormalizerTests {
    @Test(
        "Full-width forms, case, traditional characters, quotes and white space",
        arguments: [
            ("ＯＫ，ＡＢＣ１２３：", "ok,abc123:"),
            ("Thank  You\tFOR\ncalling", "thank you for calling"),
            ("您好，請問有什麼可以幫您？", "您好,请问有什么可以帮您?"),
            ("I’m sorry", "i'm sorry"),
            ("“quoted”", "\"quoted\""),
            ("  leading and trailing  ", "leading and trailing"),
            ("Straße ÉCOLE", "straße école"),
            ("全角　空格", "全角 空格"),
        ])
    func normalize(text: String, expected: String) {
        #expect(TextNormalizer.shared.normalize(text).string == expected)
    }

    @Test("Every normalised byte maps back to the original words")
    func originalRanges() throws {
        let text = "請問ＯＫ嗎？  I’m FINE"
        let normalized = TextNormalizer.shared.normalize(text)
        let okStart = try #require(normalized.string.range(of: "ok"))
        let bytes = normalized.string.utf8.distance(from: normalized.string.startIndex, to: okStart.lowerBound)
        #expect(normalized.original(bytes..<(bytes + 2), in: text) == "ＯＫ")
        let fine = try #require(normalized.string.range(of: "i'm fine"))
        let start = normalized.string.utf8.distance(from: normalized.string.startIndex, to: fine.lowerBound)
        #expect(normalized.original(start..<(start + 8), in: text) == "I’m FINE")
    }

    @Test("The traditional-to-simplified table agrees with ICU's Hant-Hans transform")
    func hanTable() {
        let scalars = Array(HanSimplification.pairs.unicodeScalars)
        #expect(scalars.count % 2 == 0)
        #expect(scalars.count / 2 > 2500)
        var disagreements: [String] = []
        for index in stride(from: 0, to: scalars.count, by: 2) {
            let traditional = String(scalars[index])
            let simplified = String(scalars[index + 1])
            if traditional.applyingTransform(StringTransform("Hant-Hans"), reverse: false) != simplified {
                disagreements.append(traditional + simplified)
            }
        }
        #expect(disagreements.isEmpty, "pairs ICU converts differently: \(disagreements.prefix(20))")
    }
}
