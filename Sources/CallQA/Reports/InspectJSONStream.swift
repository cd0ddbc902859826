/// Writes what `callqa inspect` read as one JSON document, a call at a time.
///
/// ```json
/// {
///   "calls": [ {…}, {…} ],
///   "errors": [ {"source": "bad.xml", "line": 7, "message": "…"} ],
///   "warnings": [ … ]
/// }
/// ```
///
/// Calls are written as they are read, so a large batch never has to be held
/// in memory; the diagnostics, which are few, close the document.
package struct InspectJSONStream: Sendable {
    private var wroteCall = false

    /// Creates a stream.
    package init() {}

    /// The text that opens the document.
    package func opening() -> String {
        "{\n  \"calls\": ["
    }

    /// The text for one more call.
    package mutating func call(_ call: Call) -> String {
        var json = JSONWriter(pretty: true, depth: 2)
        call.write(to: &json)
        defer { wroteCall = true }
        return (wroteCall ? "," : "") + json.text
    }

    /// The text that closes the document, with every error and warning.
    package func closing(diagnostics: [Diagnostic]) -> String {
        var json = JSONWriter(pretty: true, depth: 1)
        diagnostics.writeFields(to: &json)
        return (wroteCall ? "\n  ]," : "],") + json.text + "\n}\n"
    }
}
