/// Renders calls as a readable table for `callqa inspect --format table`.
///
/// ```text
/// corpora/zh-Hans/renewal-good.txt:1
/// call renewal-good · agent 张丽 · customer 刘先生 · zh-Hans · 8 turns
///   #  time         role      label      text
///   0  00:00-00:04  agent     T          中国人寿客户服务部,我是张丽,您需要什么帮助?
/// ```
package struct InspectTable: Sendable {
    /// The width the table fits in, in terminal columns.
    package var width: Int

    /// Creates a renderer for a terminal `width` columns wide.
    package init(width: Int = 100) {
        self.width = max(width, 60)
    }

    /// The table for one call, ending with a blank line.
    package func render(_ call: Call) -> String {
        let visible = { (text: String) in TerminalText.visible(text) }
        var facts = ["call \(visible(call.id))"]
        if let agent = call.agent { facts.append("agent \(visible(agent))") }
        if let customer = call.customer { facts.append("customer \(visible(customer))") }
        facts.append(call.language.rawValue)
        facts.append("\(call.turns.count) turn\(call.turns.count == 1 ? "" : "s")")
        var output = visible(call.source.description) + "\n" + facts.joined(separator: " · ") + "\n"
        if !call.metadata.isEmpty {
            output +=
                call.metadata.keys.sorted().map { "\(visible($0))=\(visible(call.metadata[$0]!))" }
                .joined(separator: " · ") + "\n"
        }

        let indexWidth = max(1, String(call.turns.count - 1).count)
        let times = call.turns.map(Self.time)
        let timeWidth = max(4, times.map(\.count).max() ?? 0)
        let labels = call.turns.map { visible($0.label) }
        let labelWidth = min(12, max(5, labels.map { DisplayWidth.of($0) }.max() ?? 0))
        let roleWidth = 8
        let lead = 2 + indexWidth + 2 + timeWidth + 2 + roleWidth + 2 + labelWidth + 2
        let textWidth = max(20, width - lead)

        output +=
            "  " + DisplayWidth.fit("#", to: indexWidth) + "  " + DisplayWidth.fit("time", to: timeWidth)
            + "  " + DisplayWidth.fit("role", to: roleWidth) + "  " + DisplayWidth.fit("label", to: labelWidth)
            + "  text\n"
        for (index, turn) in call.turns.enumerated() {
            let prefix =
                "  " + DisplayWidth.pad(String(index), to: indexWidth, alignment: .right) + "  "
                + DisplayWidth.fit(times[index], to: timeWidth) + "  "
                + DisplayWidth.fit(turn.role.rawValue, to: roleWidth)
                + "  " + DisplayWidth.fit(labels[index], to: labelWidth) + "  "
            let lines = DisplayWidth.wrap(TerminalText.visible(turn.text, keepingLineBreaks: true), width: textWidth)
            output += prefix + lines[0] + "\n"
            for line in lines.dropFirst() {
                output += String(repeating: " ", count: lead) + line + "\n"
            }
        }
        return output + "\n"
    }

    /// `mm:ss`, `h:mm:ss`, with tenths when the time has them; a range when
    /// the turn has an end; only valid times (``Turn/validStart``).
    static func time(_ turn: Turn) -> String {
        guard let start = turn.validStart else { return "" }
        return turn.validEnd.map { clock(start) + "-" + clock($0) } ?? clock(start)
    }

    /// A time as tables of turns show it: `mm:ss` or `h:mm:ss`, with tenths when it has them.
    static func clock(_ seconds: Double) -> String {
        ClockText.text(seconds, fraction: .tenths)
    }
}
