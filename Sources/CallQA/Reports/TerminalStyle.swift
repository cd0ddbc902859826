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
        case bold = "1"
        case dim = "2"
        case red = "31"
        case green = "32"
        case yellow = "33"
        case blue = "34"
        case magenta = "35"
        case cyan = "36"
        case boldRed = "1;31"
        case underline = "4"
        case inverseRed = "7;31"
    }

    /// `text` in `style`, or unchanged when styles are off.
    package func apply(_ style: Style, _ text: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
