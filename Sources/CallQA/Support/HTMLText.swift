import Foundation

/// Text from transcripts, rubrics and results prepared for an HTML page.
///
/// The page's template engine escapes every value it inserts (`&`, `<`,
/// `>`, `"` and `'` become entities), so no text can open an element, an
/// attribute or a script. What escaping leaves alone is made visible here,
/// as on a terminal (``TerminalText``): control characters as their Control
/// Pictures sign, and bidirectional formatting characters (U+202E and the
/// like), C1 controls and line separators as `\u{…}`, so that no input can
/// reorder the words shown around it. Line breaks stay line breaks.
///
/// ```swift
/// HTMLText.visible("refund\u{202E}gnp.exe")  // "refund\\u{202E}gnp.exe"
/// ```
package enum HTMLText {
    /// `text` with every control and bidirectional formatting character made visible.
    package static func visible(_ text: String) -> String {
        TerminalText.visible(text, keepingLineBreaks: true)
    }

    /// A Content-Security-Policy hash source for an inline `<script>` or
    /// `<style>` element holding exactly `content`: `'sha256-…'`, the
    /// base64 SHA-256 of its UTF-8 bytes.
    package static func hashSource(_ content: String) -> String {
        "'sha256-" + Data(SHA256.digest(Array(content.utf8))).base64EncodedString() + "'"
    }
}
