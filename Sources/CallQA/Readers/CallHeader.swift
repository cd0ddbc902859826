/// What a transcript says about its call, before the turns: the header lines
/// of the text form, the `<call>` attributes of the XML form.
struct CallHeader {
    var id: String?
    var agent: String?
    var customer: String?
    var declaredLanguage: Language.Tag?
    var metadata: [String: String] = [:]

    /// Records one key/value pair; unknown keys become metadata, empty values are ignored.
    mutating func set(key: String, value: String, line: Int, warn: (Int, String) -> Void) {
        let value = String(value.trimmingWhitespace())
        guard !value.isEmpty else { return }
        switch key.lowercased() {
        case "call", "id", "call-id", "call_id", "callid": id = value
        case "agent", "agent-id", "agent_id": agent = value
        case "customer", "customer-name", "customer_name": customer = value
        case "language", "lang":
            declaredLanguage = Language.parse(tag: value)
            if declaredLanguage == nil {
                warn(line, "unknown language \"\(value)\"; the language is recognised from the text")
            }
        default: metadata[key.lowercased()] = value
        }
    }

    /// The declared language, or the one recognised from the turns.
    func language(for turns: [Turn]) -> Language {
        switch declaredLanguage {
        case .language(let language)?: language
        case .chineseOfUnstatedScript?: LanguageDetector.chineseScript(turns.lazy.map(\.text))
        case nil: LanguageDetector.detect(turns.lazy.map(\.text))
        }
    }
}
