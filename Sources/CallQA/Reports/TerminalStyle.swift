/// ANSI styles for terminal output, or none: colour only when writing to a
/// terminal and `NO_COLOR` is not set (the caller decides which).
package struct TerminalStyle: Sendable {
    /// Whether styles are written at all.
    package let enabled: Bool

    /// Creates a style set, on or off.
    package init(enabled: Bool) {
        self.enabled = enabled
    }

    /// A style: its ANSI parameters.
    package enum Style: String, Sendable {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", blue = "34", magenta = "35", cyan = "36"
        case boldRed = "1;31", underline = "4", inverseRed = "7;31"
    }

    /// `text` in `style`, or unchanged when styles are off.
    package func apply(_ style: Style, _ text: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
