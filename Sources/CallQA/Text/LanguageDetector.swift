/// Recognises the language of a call from its words.
///
/// Used when a transcript does not declare its language. Counts Han
/// characters against Latin letters (one Han character carries about as much
/// as a short English word, so Han text wins at a third of the letters), then
/// tells simplified from traditional Chinese by characters that exist in one
/// script only (们/們, 这/這, 说/說, …).
public enum LanguageDetector {
    /// The language most of the text is written in, or ``Language/unknown``.
    public static func detect<S: Sequence>(_ texts: S) -> Language where S.Element: StringProtocol {
        var counts = Counts()
        for text in texts { counts.add(text) }
        return counts.language
    }

    /// The script of Chinese text: traditional when it has more traditional-only
    /// characters than simplified-only ones, simplified otherwise.
    public static func chineseScript<S: Sequence>(_ texts: S) -> Language where S.Element: StringProtocol {
        var counts = Counts()
        for text in texts { counts.add(text) }
        return counts.traditional > counts.simplified ? .traditionalChinese : .simplifiedChinese
    }

    private struct Counts {
        var han = 0, latin = 0, simplified = 0, traditional = 0

        mutating func add<S: StringProtocol>(_ text: S) {
            for scalar in text.unicodeScalars {
                let value = scalar.value
                if (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) {
                    latin += 1
                } else if UnicodeFacts.isHan(scalar) {
                    han += 1
                    if LanguageDetector.simplifiedOnly.contains(value) {
                        simplified += 1
                    } else if LanguageDetector.traditionalOnly.contains(value) {
                        traditional += 1
                    }
                }
            }
        }

        var language: Language {
            if han > 0 && han * 3 >= latin {
                return traditional > simplified ? .traditionalChinese : .simplifiedChinese
            }
            return latin > 0 ? .english : .unknown
        }
    }

    /// Frequent characters in pairs: simplified form, then traditional form.
    private static let pairs = Array(
        """
        们們这這说說个個来來时時会會为為对對请請谢謝问問题題务務户戶电電话話号號费費经經过過还還\
        没沒钱錢银銀险險单單办辦发發让讓帐帳后後见見应應关關欢歡产產实實现現间間当當从從认認确確动動\
        复復满滿帮幫联聯给給样樣么麼吗嗎难難处處报報开開门門东東车車长長业業与與专專网網线線贵貴买買\
        卖賣换換级級约約设設记記订訂讯訊该該语語总總员員运運进進远遠几幾听聽边邊气氣觉覺额額\
        账賬馈饋续續终終结結态態负負责責诉訴愿願谅諒声聲乐樂烦煩别別种種户戶专專决決证證据據双雙
        """.unicodeScalars.filter { !$0.isTranscriptWhitespace })
    private static let simplifiedOnly: Set<UInt32> = Set(
        pairs.enumerated().filter { $0.offset % 2 == 0 }.map { $0.element.value })
    private static let traditionalOnly: Set<UInt32> = Set(
        pairs.enumerated().filter { $0.offset % 2 == 1 }.map { $0.element.value })
}
