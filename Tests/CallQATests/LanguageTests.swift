import CallQA
import Testing

@Suite("Languages")
struct LanguageTests {
    @Test(
        "Tags as users write them",
        arguments: [
            ("zh-Hans", Language.Tag.language(.simplifiedChinese)), ("zh_CN", .language(.simplifiedChinese)),
            ("简体中文", .language(.simplifiedChinese)), ("zh-Hant-TW", .language(.traditionalChinese)),
            ("zh-HK", .language(.traditionalChinese)), ("繁體", .language(.traditionalChinese)),
            ("EN", .language(.english)), ("en-GB", .language(.english)), ("English", .language(.english)),
            ("zh", .chineseOfUnstatedScript), ("中文", .chineseOfUnstatedScript),
            (" zh_Hant_TW ", .language(.traditionalChinese)), ("en_US", .language(.english)),
        ])
    func tags(tag: String, expected: Language.Tag) {
        #expect(Language.parse(tag: tag) == expected)
    }

    @Test("Unknown tags", arguments: ["fr", "", "Klingon", "zh-Latn"])
    func unknownTags(tag: String) {
        #expect(Language.parse(tag: tag) == nil)
    }

    @Test(
        "Recognition from text",
        arguments: [
            ("您好，欢迎致电，请问有什么可以帮您？", Language.simplifiedChinese),
            ("您好，歡迎致電，請問有什麼可以幫您？", .traditionalChinese),
            ("Hello, thank you for calling, how can I help?", .english),
            ("好的 OK, 没问题", .simplifiedChinese),
            ("12345 !!!", .unknown),
        ])
    func detect(text: String, expected: Language) {
        #expect(LanguageDetector.detect([text]) == expected)
    }

    @Test("A bare zh header takes its script from the text")
    func bareChinese() throws {
        let bytes = Array("# language: zh\n客服：您好，請問有什麼可以幫您？\n客戶：我想查詢帳單。\n".utf8)
        let events = PlainTextReader().read(bytes, source: "zh.txt", defaultID: "zh")
        guard case .call(let call)? = events.last else {
            Issue.record("expected a call")
            return
        }
        #expect(call.language == .traditionalChinese)
    }
}
