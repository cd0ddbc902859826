/// Writes calls in CallQA's own transcript forms, which its readers read
/// back to the same calls: what `callqa convert` writes, so that archives in
/// any supported form can be normalised once.
///
/// ```swift
/// let text = TranscriptWriter.plainText(call)   // "# call: …\n[00:00:00 - 00:00:04.2] Agent: …"
/// let xml = TranscriptWriter.xmlDocument([call]) // "<?xml …?>\n<calls>\n<call …>…</call>\n</calls>\n"
/// ```
///
/// A turn keeps its speaker label when the label alone says its role
/// (`客服`, `Agent Maria`); otherwise the label becomes the role's name
/// (`spk_0` → `Agent`), so the written call needs no speaker mapping. In the
/// plain-text form a line break inside a turn becomes a space. Only valid
/// times are written (``Turn/validStart``): a time that is not one — which
/// no reader gives, but a call built in code may hold — is left out, so
/// every time written reads back.
package enum TranscriptWriter {
    /// A call in the plain-text form, with its header.
    package static func plainText(_ call: Call) -> String {
        var text = "# call: \(oneLine(call.id))\n"
        if let agent = call.agent { text += "# agent: \(oneLine(agent))\n" }
        if let customer = call.customer { text += "# customer: \(oneLine(customer))\n" }
        text += "# language: \(call.language.rawValue)\n"
        let labels = SpeakerLabels(agent: call.agent, customer: call.customer)
        for key in call.metadata.keys.sorted() where !reservedKeys.contains(key.lowercased()) {
            text += "# \(oneLine(key)): \(oneLine(call.metadata[key]!))\n"
        }
        for turn in call.turns {
            if let start = turn.validStart {
                text += "[" + clock(start) + (turn.validEnd.map { " - " + clock($0) } ?? "") + "] "
            }
            text += "\(label(turn, labels: labels)): \(oneLine(turn.text))\n"
        }
        return text
    }

    /// One `<call>` element in the XML form.
    package static func xmlElement(_ call: Call) -> String {
        var text = "<call id=\"\(escape(call.id))\""
        if let agent = call.agent { text += " agent=\"\(escape(agent))\"" }
        if let customer = call.customer { text += " customer=\"\(escape(customer))\"" }
        text += " language=\"\(call.language.rawValue)\">\n"
        let labels = SpeakerLabels(agent: call.agent, customer: call.customer)
        for key in call.metadata.keys.sorted() {
            text += "  <meta name=\"\(escape(key))\">\(escape(call.metadata[key]!))</meta>\n"
        }
        for turn in call.turns {
            text += "  <turn speaker=\"\(turn.role.rawValue)\""
            let label = label(turn, labels: labels)
            if label != turn.role.rawValue { text += " label=\"\(escape(label))\"" }
            if let start = turn.validStart { text += " start=\"\(NumberText.shortest(start, places: 3))\"" }
            if let end = turn.validEnd { text += " end=\"\(NumberText.shortest(end, places: 3))\"" }
            text += ">\(escape(turn.text))</turn>\n"
        }
        return text + "</call>\n"
    }

    /// A file of calls in the XML form.
    package static func xmlDocument(_ calls: [Call]) -> String {
        xmlOpening + calls.map(xmlElement).joined() + xmlClosing
    }

    /// What an XML file of calls starts with, for writing calls one at a time.
    package static let xmlOpening = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<calls>\n"
    /// What an XML file of calls ends with.
    package static let xmlClosing = "</calls>\n"

    /// Header keys the plain-text form gives a meaning of their own.
    private static let reservedKeys: Set<String> = [
        "call", "id", "call-id", "call_id", "callid", "agent", "agent-id",
        "agent_id", "customer", "customer-name", "customer_name", "language", "lang",
    ]

    /// The turn's label when it says the turn's role by itself, else the role's name.
    private static func label(_ turn: Turn, labels: SpeakerLabels) -> String {
        let label = oneLine(turn.label)
        if !label.contains(":"), !label.contains("："), labels.role(for: label) == turn.role,
            SpeakerLabels.looksLikeSpeaker(label) || SpeakerLabels().role(for: label) != nil
        {
            return label
        }
        switch turn.role {
        case .agent: return "Agent"
        case .customer: return "Customer"
        case .other: return "Other"
        }
    }

    /// `hh:mm:ss`, with milliseconds when the time has a fraction.
    private static func clock(_ seconds: Double) -> String {
        ClockText.text(seconds, hours: .always, fraction: .milliseconds)
    }

    private static func oneLine(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text }
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
