/// What a call tells the matcher about its people, for the slots that depend
/// on the call: `{name}` (the customer), `{agent}` and `{company}`.
///
/// Every value is matched in any case and script form, as whole words where
/// it starts or ends with a letter. A name of several words also matches by
/// each word ("Anna Lee": "anna", "lee"), a Chinese name of two to four
/// characters also by its first character, the surname (张伟: 张, so that
/// `{name}先生` finds 张先生).
struct MatchContext: Sendable, Equatable {
    /// The customer's name as the call gives it, and other forms of it.
    var customerNames: [String] = []
    /// The agent's name or ID as the call gives it.
    var agentNames: [String] = []
    /// The company's names as the call gives them.
    var companyNames: [String] = []

    /// A context with the given names.
    init(customerNames: [String] = [], agentNames: [String] = [], companyNames: [String] = []) {
        self.customerNames = customerNames
        self.agentNames = agentNames
        self.companyNames = companyNames
    }

    /// The context a call's header gives: its `customer`, its `agent` and its
    /// `company` metadata, with `customerNames` added (names found in the
    /// conversation).
    init(call: Call, customerNames: [String] = []) {
        self.init(
            customerNames: (call.customer.map { [$0] } ?? []) + customerNames,
            agentNames: call.agent.map { [$0] } ?? [],
            companyNames: call.metadata["company"].map { [$0] } ?? [])
    }

    /// The normalised forms each slot looks for.
    struct Forms: Sendable, Equatable {
        /// Forms of the customer's name.
        var customer: [[UInt8]] = []
        /// Forms of the agent's name or ID.
        var agent: [[UInt8]] = []
        /// Company names.
        var company: [[UInt8]] = []
    }

    /// The context's forms, normalised.
    var forms: Forms {
        Forms(
            customer: Self.nameForms(customerNames), agent: Self.nameForms(agentNames),
            company: Self.distinct(companyNames.map { Array(TextNormalizer.shared.normalizePhrase($0).utf8) }))
    }

    /// Each name, normalised, and its parts: the words of a spaced name (of
    /// two letters or more), the surname of a Chinese one.
    static func nameForms(_ names: [String]) -> [[UInt8]] {
        var forms: [[UInt8]] = []
        for name in names {
            let normalized = TextNormalizer.shared.normalizePhrase(name)
            guard !normalized.isEmpty else { continue }
            forms.append(Array(normalized.utf8))
            let words = normalized.split(separator: " ")
            if words.count > 1 {
                for word in words where word.unicodeScalars.count >= 2 { forms.append(Array(word.utf8)) }
            }
            let scalars = Array(normalized.unicodeScalars)
            if (2...4).contains(scalars.count), scalars.allSatisfy(ScalarClass.isUnspacedScript) {
                forms.append(Array(String(scalars[0]).utf8))
            }
        }
        return distinct(forms)
    }

    private static func distinct(_ forms: [[UInt8]]) -> [[UInt8]] {
        var seen: Set<[UInt8]> = []
        return forms.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
