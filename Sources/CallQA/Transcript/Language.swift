/// The language a call is held in.
///
/// Chinese is kept apart by script, because wording lists, normalisation and
/// reports differ: simplified (`zh-Hans`) and traditional (`zh-Hant`).
/// A call whose language is neither declared nor recognisable is ``unknown``.
public enum Language: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
    /// Chinese in simplified characters (mainland China, Singapore).
    case simplifiedChinese = "zh-Hans"
    /// Chinese in traditional characters (Taiwan, Hong Kong, Macau).
    case traditionalChinese = "zh-Hant"
    /// English.
    case english = "en"
    /// Not declared and not recognised from the text.
    case unknown
}
