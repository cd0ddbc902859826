/// What CallQA knows about the scalars of East Asian text: the Unicode blocks
/// it names, and the few notions built from them, each for one purpose.
///
/// The notions differ on purpose, and only where their purposes differ:
///
/// | notion | Han | kana, Bopomofo | Hangul | CJK and full-width punctuation | used by |
/// | --- | --- | --- | --- | --- | --- |
/// | ``isHan(_:)`` | yes | – | – | – | recognising Chinese, short Chinese names |
/// | ``isIdeograph(_:)`` | yes | – | – | 〆 〇 〡–〩 〸–〺 only | speaking rates |
/// | ``isWrittenWithoutSpaces(_:)`` | yes, and radicals | yes | – | – | matching, content units |
/// | ``joinsWithoutSpace(_:)`` | yes, and radicals | yes | yes | yes | joining pieces of speech |
/// | ``isDoubleWidth(_:)`` | yes, and radicals | yes | yes | yes, but half-width forms | terminal columns |
///
/// A notion is a `switch` over ranges, with no look-up per scalar, as the
/// normaliser, the matcher and the readers call them for every scalar.
/// Unassigned code points inside a block count as the block does.
enum UnicodeFacts {
    // MARK: - Blocks

    /// Basic Latin (ASCII), U+0000–U+007F.
    static let basicLatin: ClosedRange<UInt32> = 0x0000...0x007F
    /// Hangul Jamo, U+1100–U+11FF: the letters Hangul syllables are made of.
    static let hangulJamo: ClosedRange<UInt32> = 0x1100...0x11FF
    /// The leading consonants and fillers of Hangul Jamo, U+1100–U+115F: the
    /// part of the block drawn two columns wide.
    static let hangulLeadingJamo: ClosedRange<UInt32> = 0x1100...0x115F
    /// General Punctuation, U+2000–U+206F: typographic spaces, dashes and
    /// quotes, `…`, `‰`; no letter or number.
    static let generalPunctuation: ClosedRange<UInt32> = 0x2000...0x206F
    /// CJK Radicals Supplement and Kangxi Radicals, U+2E80–U+2FDF: the
    /// components Han characters are indexed by (⺀, ⼀).
    static let cjkRadicals: ClosedRange<UInt32> = 0x2E80...0x2FDF
    /// Ideographic Description Characters, U+2FF0–U+2FFF (⿰, ⿱).
    static let ideographicDescriptionCharacters: ClosedRange<UInt32> = 0x2FF0...0x2FFF
    /// CJK Symbols and Punctuation, U+3000–U+303F: the ideographic space,
    /// `、。`, brackets (`「」《》【】`), and a few letters and numbers (々 〆 〇,
    /// the Hangzhou numerals 〡–〩 and 〸–〺, the kana repeat marks).
    static let cjkSymbolsAndPunctuation: ClosedRange<UInt32> = 0x3000...0x303F
    /// The head of CJK Symbols and Punctuation, U+3000–U+3004: the
    /// ideographic space, `、`, `。`, `〃`, `〄` — no letter or number.
    static let cjkPunctuationMarks: ClosedRange<UInt32> = 0x3000...0x3004
    /// The brackets and marks of CJK Symbols and Punctuation, U+3008–U+3020
    /// (`〈〉《》「」『』【】〔〕〖〗〘〙〚〛`, `〜`, `〝〞〟`, `〠`) — no letter or number.
    static let cjkBrackets: ClosedRange<UInt32> = 0x3008...0x3020
    /// U+303F IDEOGRAPHIC HALF FILL SPACE: in CJK Symbols and Punctuation,
    /// but one column wide.
    static let ideographicHalfFillSpace: UInt32 = 0x303F
    /// Hiragana and Katakana, U+3040–U+30FF.
    static let kana: ClosedRange<UInt32> = 0x3040...0x30FF
    /// Bopomofo, U+3100–U+312F: the phonetic letters of Mandarin (ㄅㄆㄇ).
    static let bopomofo: ClosedRange<UInt32> = 0x3100...0x312F
    /// Hangul Compatibility Jamo, U+3130–U+318F: Hangul letters standing
    /// alone (ㄱ, ㅎ), which compatibility normalisation makes Hangul Jamo.
    static let hangulCompatibilityJamo: ClosedRange<UInt32> = 0x3130...0x318F
    /// Kanbun, Bopomofo Extended, CJK Strokes and Katakana Phonetic
    /// Extensions, U+3190–U+31FF: reading marks, more phonetic letters, the
    /// strokes Han characters are written with, small katakana (ㇰ).
    static let kanbunToKatakanaExtensions: ClosedRange<UInt32> = 0x3190...0x31FF
    /// Enclosed CJK Letters and Months and CJK Compatibility, U+3200–U+33FF:
    /// `㈱`, `㊤`, `㍻`, `㎏`.
    static let enclosedCJKAndCompatibility: ClosedRange<UInt32> = 0x3200...0x33FF
    /// CJK Unified Ideographs Extension A, U+3400–U+4DBF: less common Han characters.
    static let cjkExtensionA: ClosedRange<UInt32> = 0x3400...0x4DBF
    /// CJK Unified Ideographs, U+4E00–U+9FFF: the common Han characters,
    /// simplified and traditional. The tables of Han characters (simplified
    /// forms, function characters) cover this block.
    static let cjkUnifiedIdeographs: ClosedRange<UInt32> = 0x4E00...0x9FFF
    /// Yi Syllables and Yi Radicals, U+A000–U+A4CF.
    static let yi: ClosedRange<UInt32> = 0xA000...0xA4CF
    /// Hangul Syllables, U+AC00–U+D7AF (가, 한).
    static let hangulSyllables: ClosedRange<UInt32> = 0xAC00...0xD7AF
    /// The surrogate code points and the Private Use Area, U+D800–U+F8FF.
    static let surrogatesAndPrivateUse: ClosedRange<UInt32> = 0xD800...0xF8FF
    /// CJK Compatibility Ideographs, U+F900–U+FAFF: Han characters kept apart
    /// for older character sets, mostly twins of unified ideographs.
    static let cjkCompatibilityIdeographs: ClosedRange<UInt32> = 0xF900...0xFAFF
    /// CJK Compatibility Forms, U+FE30–U+FE4F: punctuation for vertical text.
    static let cjkCompatibilityForms: ClosedRange<UInt32> = 0xFE30...0xFE4F
    /// Halfwidth and Fullwidth Forms, U+FF00–U+FFEF: full-width ASCII
    /// (`ＡＢＣ１２３，：`), half-width katakana and Hangul, full-width signs.
    static let halfwidthAndFullwidthForms: ClosedRange<UInt32> = 0xFF00...0xFFEF
    /// The full-width ASCII of Halfwidth and Fullwidth Forms, with the white
    /// parentheses, U+FF00–U+FF60: two columns wide.
    static let fullwidthASCII: ClosedRange<UInt32> = 0xFF00...0xFF60
    /// The full-width signs of Halfwidth and Fullwidth Forms, U+FFE0–U+FFE6
    /// (`￠￡￢￣￤￥￦`): two columns wide.
    static let fullwidthSigns: ClosedRange<UInt32> = 0xFFE0...0xFFE6
    /// Miscellaneous Symbols and Pictographs, and Emoticons, U+1F300–U+1F64F.
    static let pictographsAndEmoticons: ClosedRange<UInt32> = 0x1F300...0x1F64F
    /// Supplemental Symbols and Pictographs, U+1F900–U+1F9FF.
    static let supplementalPictographs: ClosedRange<UInt32> = 0x1F900...0x1F9FF
    /// The Supplementary and Tertiary Ideographic Planes, U+20000–U+3FFFF:
    /// rare Han characters (CJK Extensions B and after) and more
    /// compatibility ideographs.
    static let supplementaryIdeographicPlanes: ClosedRange<UInt32> = 0x20000...0x3FFFF

    // MARK: - Notions

    /// Whether `scalar` is a Han character: a unified ideograph (Extension A,
    /// the main block, the supplementary planes) or a compatibility ideograph.
    ///
    /// What counts as Chinese when a call's language is recognised, and when
    /// a speaker label is taken for a short Chinese name or role.
    @inline(__always)
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case cjkExtensionA, cjkUnifiedIdeographs, cjkCompatibilityIdeographs, supplementaryIdeographicPlanes: true
        default: false
        }
    }

    /// Whether `scalar` is an ideograph: a Han character, or one of the
    /// ideographic letters and numbers of CJK Symbols and Punctuation (〆, 〇,
    /// the Hangzhou numerals) — Unicode's Ideographic property, within the
    /// CJK blocks.
    ///
    /// What a speaking rate counts one by one.
    @inline(__always)
    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case cjkSymbolsAndPunctuation, cjkExtensionA, cjkUnifiedIdeographs, cjkCompatibilityIdeographs,
            supplementaryIdeographicPlanes:
            scalar.properties.isIdeographic
        default:
            false
        }
    }

    /// Whether `scalar` is a letter of a script written without spaces
    /// between words: Han (with its radicals and strokes), kana, Bopomofo,
    /// Kanbun.
    ///
    /// Matching finds phrases in these scripts as plain substrings, with no
    /// word boundaries, and pairs their characters into content units. Hangul
    /// is not among them: Korean puts spaces between words.
    @inline(__always)
    static func isWrittenWithoutSpaces(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case cjkRadicals, kana, bopomofo, kanbunToKatakanaExtensions, cjkExtensionA, cjkUnifiedIdeographs,
            cjkCompatibilityIdeographs, supplementaryIdeographicPlanes:
            true
        default:
            false
        }
    }

    /// Whether two pieces of speech that meet at `scalar` and another such
    /// scalar join without a space: the scripts written without spaces
    /// (``isWrittenWithoutSpaces(_:)``), Hangul, CJK punctuation and the
    /// full-width and half-width forms.
    ///
    /// These are the characters East Asian text breaks lines between at any
    /// place, so a line break or a token boundary between two of them stands
    /// for no space: `您好` + `请问` is `您好请问`, `ok` + `您好` is `ok 您好`.
    @inline(__always)
    static func joinsWithoutSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case cjkSymbolsAndPunctuation, hangulCompatibilityJamo, hangulSyllables, cjkCompatibilityForms,
            halfwidthAndFullwidthForms:
            true
        default:
            isWrittenWithoutSpaces(scalar)
        }
    }

    /// Whether `scalar` is punctuation that holds no letter or number and
    /// often stands beside Han text: General Punctuation, and CJK Symbols and
    /// Punctuation but for its letters and numbers.
    ///
    /// A fast answer for what separates words, before any look-up of
    /// Unicode properties.
    @inline(__always)
    static func isPunctuationWithoutLetters(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case generalPunctuation, cjkPunctuationMarks, cjkBrackets: true
        default: false
        }
    }

    /// Whether a terminal draws `scalar` two columns wide: the East Asian Wide
    /// and Fullwidth characters (Unicode's UAX #11) that transcripts hold —
    /// Hangul, Han and its radicals, kana, Bopomofo, Yi, CJK punctuation and
    /// compatibility forms, full-width ASCII and signs, emoji. Half-width
    /// forms and the half fill space take one column.
    @inline(__always)
    static func isDoubleWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case ideographicHalfFillSpace:
            false
        case hangulLeadingJamo, cjkRadicals, ideographicDescriptionCharacters, cjkSymbolsAndPunctuation, kana, bopomofo,
            hangulCompatibilityJamo, kanbunToKatakanaExtensions, enclosedCJKAndCompatibility, cjkExtensionA,
            cjkUnifiedIdeographs, yi, hangulSyllables, cjkCompatibilityIdeographs, cjkCompatibilityForms,
            fullwidthASCII, fullwidthSigns, pictographsAndEmoticons, supplementalPictographs,
            supplementaryIdeographicPlanes:
            true
        default:
            false
        }
    }
}
