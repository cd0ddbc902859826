extension Language {
    /// What a language tag written in a transcript says.
    package enum Tag: Sendable, Equatable {
        /// The tag names a language completely (`zh-TW`, `en-US`, `简体`).
        case language(Language)
        /// The tag says Chinese but not which script (`zh`, `中文`): the script
        /// has to be recognised from the text.
        case chineseOfUnstatedScript
    }

    /// Reads a language tag as users write it in headers and attributes.
    ///
    /// Accepts BCP 47 tags and common spellings, case-insensitively, with `-`
    /// or `_`: `zh-Hans`, `zh-CN`, `zh-SG`, `简体`; `zh-Hant`, `zh-TW`, `zh-HK`,
    /// `繁體`; `en`, `en-US`, `English`; and `zh`, `Chinese`, `中文` for Chinese
    /// of unstated script.
    ///
    /// - Returns: what the tag says, or `nil` when it is not recognised.
    package static func parse(tag: String) -> Tag? {
        var key = tag.trimmingWhitespace().lowercased()
        if key.utf8.contains(UInt8(ascii: "_")) {
            key = String(String.UnicodeScalarView(key.unicodeScalars.lazy.map { $0 == "_" ? "-" : $0 }))
        }
        if key.isEmpty { return nil }
        if let known = tagTable[key] { return known }
        // Region or script subtags not listed: decide by their start.
        if key.hasPrefix("zh-hans") { return .language(.simplifiedChinese) }
        if key.hasPrefix("zh-hant") { return .language(.traditionalChinese) }
        if key.hasPrefix("en-") { return .language(.english) }
        return nil
    }

    private static let tagTable: [String: Tag] = {
        var table: [String: Tag] = [:]
        for tag in [
            "zh-hans", "zh-cn", "zh-sg", "zh-my", "cmn-hans", "simplified chinese",
            "chinese (simplified)", "简体", "简体中文", "简中",
        ] {
            table[tag] = .language(.simplifiedChinese)
        }
        for tag in [
            "zh-hant", "zh-tw", "zh-hk", "zh-mo", "cmn-hant", "yue-hant",
            "traditional chinese", "chinese (traditional)", "繁體", "繁體中文", "繁体", "繁体中文", "繁中",
        ] {
            table[tag] = .language(.traditionalChinese)
        }
        for tag in ["en", "eng", "english", "英文", "英语", "英語"] {
            table[tag] = .language(.english)
        }
        for tag in ["zh", "cmn", "chinese", "中文", "汉语", "漢語", "普通话", "普通話", "国语", "國語"] {
            table[tag] = .chineseOfUnstatedScript
        }
        return table
    }()
}
