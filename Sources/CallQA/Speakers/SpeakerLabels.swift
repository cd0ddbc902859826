import Foundation

/// Maps speaker labels as transcripts write them to speaker roles.
///
/// Known labels (case-insensitive): agent = `Agent`, `A`, `T` (telephone
/// agent), `Rep`, `坐席`, `客服`, `话务员`/`話務員`, `员工`/`員工`;
/// customer = `Customer`, `C`, `Caller`, `Client`, `客户`/`客戶`, `顾客`/`顧客`,
/// `用户`/`用戶`, `来电人`/`來電人`. A label may carry a qualifier after the
/// role word — `Agent Maria`, `Customer (Mr Liu)`, `客服-小王`, `坐席1` — and a
/// label equal to the call's declared agent or customer name maps to that role.
/// A ``SpeakerMapping`` the user gives comes before all of these.
package struct SpeakerLabels: Sendable, Equatable {
    /// The agent's name or ID declared by the transcript, if any.
    package var agent: String?
    /// The customer's name declared by the transcript, if any.
    package var customer: String?
    /// The labels the user mapped to roles.
    package var mapping: SpeakerMapping

    /// Creates a mapping that also knows the call's declared names.
    package init(agent: String? = nil, customer: String? = nil, mapping: SpeakerMapping = SpeakerMapping()) {
        self.agent = agent
        self.customer = customer
        self.mapping = mapping
    }

    /// The role a label stands for, or `nil` when the label names no known role.
    package func role(for label: String) -> SpeakerRole? {
        if let role = mapping.role(for: label) { return role }
        let key = label.trimmingWhitespace().lowercased()
        guard !key.isEmpty else { return nil }
        if let role = Self.exact[key] { return role }
        if let agent, key == agent.trimmingWhitespace().lowercased() { return .agent }
        if let customer, key == customer.trimmingWhitespace().lowercased() { return .customer }
        return Self.qualifiedRole(key)
    }

    /// Whether a label that names no role still looks like a speaker: a name
    /// or title (`Supervisor`, `Mr. Chen`, `Dr O'Brien`), a short Han name or
    /// role (`班长`, `客户经理`), or a speaker ID from a speech engine (`spk_0`,
    /// `SPEAKER_01`, `Speaker 2`).
    ///
    /// Plain-text readers use it to tell a speaker label from a continuation
    /// line that happens to contain a colon (`and then: we agreed`).
    package static func looksLikeSpeaker(_ label: String) -> Bool {
        let words = label.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard !words.isEmpty, words.count <= 4 else { return false }
        let scalars = label.unicodeScalars
        let han = scalars.filter(UnicodeFacts.isHan).count
        if han > 0 {
            // Names and roles are short; anything else in the label is a qualifier.
            return han <= 6
        }
        if words.count == 1, isEngineID(words[0]) { return true }
        return words.allSatisfy { word in
            guard let first = word.unicodeScalars.first(where: { !"(（[\"'".unicodeScalars.contains($0) }) else {
                return true
            }
            return first.properties.isUppercase || first.properties.numericType != nil
        }
    }

    /// The person a label names besides their role: `Maria` in `Agent Maria`,
    /// `小王` in `客服-小王`; or the label itself when it is a name and names
    /// no role (`Maria`). `nil` for a bare role (`Agent`), a number (`坐席1`)
    /// or a speech engine's speaker ID (`spk_0`).
    package static func personName(in label: String) -> String? {
        let trimmed = label.trimmingWhitespace()
        let key = trimmed.lowercased()
        guard !key.isEmpty, exact[key] == nil else { return nil }
        let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" })
        if words.count == 1, isEngineID(words[0]) { return nil }
        var rest = Substring(trimmed)
        if qualifiedRole(key) != nil, let word = qualifiable.first(where: { key.hasPrefix($0.word) })?.word {
            rest = trimmed.dropFirst(word.count)
        }
        let separators = CharacterSet(charactersIn: " \t-_#·.:()（）[]")
        let name = rest.trimmingCharacters(in: separators)
        guard name.contains(where: \.isLetter), !isEngineID(name) else { return nil }
        return name
    }

    /// `spk_0`, `speaker1`, `SPEAKER_01`: letters, an optional `_` or `-`, digits.
    static func isEngineID<S: StringProtocol>(_ word: S) -> Bool {
        let letters = word.prefix { $0.isLetter }
        var rest = word.dropFirst(letters.count)
        if rest.first == "_" || rest.first == "-" { rest = rest.dropFirst() }
        return !letters.isEmpty && !rest.isEmpty && rest.allSatisfy(\.isNumber)
    }

    private static let exact: [String: SpeakerRole] = {
        var table: [String: SpeakerRole] = [:]
        for label in ["agent", "a", "t", "rep", "representative", "坐席", "客服", "话务员", "話務員", "员工", "員工"] {
            table[label] = .agent
        }
        for label in ["customer", "c", "caller", "client", "客户", "客戶", "顾客", "顧客", "用户", "用戶", "来电人", "來電人"] {
            table[label] = .customer
        }
        for label in ["other", "system", "ivr"] {
            table[label] = .other
        }
        return table
    }()

    /// Role words that may be followed by a qualifier (a name, a number).
    private static let qualifiable: [(word: String, role: SpeakerRole)] = [
        ("agent", .agent), ("rep", .agent), ("representative", .agent),
        ("坐席", .agent), ("客服", .agent), ("话务员", .agent), ("話務員", .agent), ("员工", .agent), ("員工", .agent),
        ("customer", .customer), ("caller", .customer), ("client", .customer),
        ("客户", .customer), ("客戶", .customer), ("顾客", .customer), ("顧客", .customer),
        ("用户", .customer), ("用戶", .customer), ("来电人", .customer), ("來電人", .customer),
    ]

    /// `agent maria`, `customer (mr liu)`, `客服-小王`, `坐席1`: a role word
    /// followed by something that is not a letter or a Han character, so that
    /// `Agentur` or `客户经理` (an account manager) are not taken for a role.
    private static func qualifiedRole(_ key: String) -> SpeakerRole? {
        for (word, role) in qualifiable where key.hasPrefix(word) {
            let rest = key.unicodeScalars.dropFirst(word.unicodeScalars.count)
            guard let next = rest.first else { continue }
            if next.isTranscriptWhitespace || "-_#(（[·.:0123456789".unicodeScalars.contains(next) {
                return role
            }
        }
        return nil
    }
}
