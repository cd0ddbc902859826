/// Gives roles to speakers whose labels name none (`spk_0`, `ch_1`,
/// `SPEAKER_00`, a voice called `Maria`), from what they say.
///
/// Inbound service calls open with the agent's company greeting, so:
/// 1. the speaker who first gives a **company opening** (欢迎致电, 很高兴为您服务,
///    有什么可以帮您, 工号, "thank you for calling", "how can I help", …) in
///    one of their first three turns is the agent;
/// 2. failing that, the first to **greet** (您好, "hello", "good morning");
/// 3. failing that, whoever speaks first.
///
/// When the call has no customer turns, the unlabelled speaker who says most
/// of the rest is the customer; any others stay ``SpeakerRole/other``. The
/// guess runs only when the call lacks an agent or a customer; every guess is
/// reported as a warning naming the words it rests on, and a
/// ``SpeakerMapping`` (`--agent-label`) replaces it.
package enum SpeakerRoleGuess {
    /// A guess made for one call.
    package struct Guess: Sendable, Equatable {
        /// The label taken for the agent, if one was.
        package var agent: String?
        /// The label taken for the customer, if one was.
        package var customer: String?
        /// Why: the agent's opening words, or how the agent was chosen.
        package var reason: String
    }

    /// Assigns roles to `call`'s unlabelled speakers in place.
    ///
    /// - Parameter labels: the mapping the turns were read with; labels it
    ///   resolves (to any role) are never changed.
    /// - Returns: the guess, or `nil` when nothing was guessed.
    @discardableResult
    package static func apply(to call: inout Call, labels: SpeakerLabels) -> Guess? {
        guard labels.mapping.guessesRoles else { return nil }
        let hasAgent = call.turns.contains { $0.role == .agent }
        let hasCustomer = call.turns.contains { $0.role == .customer }
        guard !hasAgent || !hasCustomer else { return nil }

        // Speakers with no role, in order of first turn.
        var candidates: [String] = []
        var turnsOf: [String: [Int]] = [:]
        for (index, turn) in call.turns.enumerated()
        where turn.role == .other && turn.label != SpeakerRoles.noSpeaker && labels.role(for: turn.label) == nil
            && !isThirdParty(turn.label)
        {
            if turnsOf[turn.label] == nil { candidates.append(turn.label) }
            turnsOf[turn.label, default: []].append(index)
        }
        guard !candidates.isEmpty else { return nil }

        var guess = Guess(agent: nil, customer: nil, reason: "")
        var remaining = candidates
        if !hasAgent {
            let (agent, reason) = chooseAgent(among: candidates, turnsOf: turnsOf, in: call)
            guess.agent = agent
            guess.reason = reason
            remaining.removeAll { $0 == agent }
        }
        if !hasCustomer, !remaining.isEmpty {
            func spoken(_ label: String) -> Int {
                turnsOf[label]!.reduce(0) { $0 + call.turns[$1].text.unicodeScalars.count }
            }
            guess.customer = remaining.max { spoken($0) < spoken($1) }
        }
        guard guess.agent != nil || guess.customer != nil else { return nil }
        for index in call.turns.indices {
            let label = call.turns[index].label
            if label == guess.agent {
                call.turns[index].role = .agent
            } else if label == guess.customer {
                call.turns[index].role = .customer
            }
        }
        if call.agent == nil, let agent = guess.agent { call.agent = SpeakerLabels.personName(in: agent) }
        return guess
    }

    private static func chooseAgent(among candidates: [String], turnsOf: [String: [Int]], in call: Call)
        -> (label: String, reason: String)
    {
        var firstOpening: (turn: Int, label: String, words: String)?
        var firstGreeting: (turn: Int, label: String, words: String)?
        for label in candidates {
            for index in turnsOf[label]!.prefix(3) {
                let found = cues.matches(in: TextNormalizer.shared.normalize(call.turns[index].text))
                if let opening = found.first(where: { $0.list == "opening" }), index < (firstOpening?.turn ?? .max) {
                    firstOpening = (index, label, opening.phrase)
                }
                if let greeting = found.first(where: { $0.list == "greeting" }), index < (firstGreeting?.turn ?? .max) {
                    firstGreeting = (index, label, greeting.phrase)
                }
            }
        }
        if let opening = firstOpening {
            return (opening.label, "gives the company opening \"\(opening.words)\" in turn \(opening.turn)")
        }
        if let greeting = firstGreeting {
            return (greeting.label, "greets first (\"\(greeting.words)\" in turn \(greeting.turn))")
        }
        return (candidates[0], "speaks first; no company opening or greeting was found")
    }

    /// Titles of people who are neither side of the call (`Supervisor`,
    /// `班长`): never guessed to be the agent or the customer.
    static func isThirdParty(_ label: String) -> Bool {
        let key = label.trimmingWhitespace().lowercased()
        return thirdParties.contains { key == $0 || key.hasPrefix($0 + " ") }
    }

    private static let thirdParties = [
        "supervisor", "manager", "team lead", "team leader", "interpreter", "translator",
        "ivr", "bot", "system", "班长", "班長", "主管", "组长", "組長", "经理", "經理", "翻译", "翻譯",
    ]

    /// A warning describing `guess`.
    static func warning(for guess: Guess) -> String {
        var parts: [String] = []
        if let agent = guess.agent { parts.append("\"\(agent)\" read as the agent (\(guess.reason))") }
        if let customer = guess.customer { parts.append("\"\(customer)\" as the customer") }
        let labels = [guess.agent, guess.customer].compactMap { $0 }
        let option = guess.agent.map { "--agent-label \($0)" } ?? "--customer-label \(guess.customer!)"
        return "speaker\(labels.count == 1 ? "" : "s") "
            + labels.map { "\"\($0)\"" }.joined(separator: " and ")
            + " name\(labels.count == 1 ? "s" : "") no role: " + parts.joined(separator: ", ")
            + "; set roles with \(option) or --speakers FILE if this is wrong"
    }

    /// Company openings and plain greetings, Chinese (normalised to
    /// simplified, so traditional text matches too) and English.
    private static let cues = PhraseMatcher(
        lists: [
            (
                name: "opening",
                phrases: [
                    "欢迎致电", "欢迎来电", "感谢致电", "感谢您的来电", "很高兴为您服务", "有什么可以帮您", "有什么可以帮到您",
                    "有什么可以为您", "请问有什么可以", "工号", "客服中心", "客户服务", "客服部",
                    "thank you for calling", "thanks for calling", "thank you for contacting", "how can i help",
                    "how may i help", "how can i assist", "how may i assist", "how can i direct", "welcome to",
                ]
            ),
            (
                name: "greeting",
                phrases: ["您好", "你好", "早上好", "下午好", "hello", "hi", "good morning", "good afternoon", "good evening"]
            ),
        ], negation: PhraseMatcher.Negation(negators: []))
}
