extension Call {
    /// Writes the call as a JSON object, fields in a fixed order.
    ///
    /// The fields match the call's `Codable` form (so the output decodes as a
    /// ``Call``), and each turn also carries its 0-based `index`, the number
    /// evidence refers to:
    ///
    /// ```json
    /// {"id": "…", "source": {"path": "…", "line": 1, "index": 0}, "agent": "…", "customer": "…",
    ///  "language": "zh-Hans", "metadata": {"date": "…"},
    ///  "turns": [{"index": 0, "role": "agent", "label": "T", "start": 0, "end": 3.1, "text": "…", "line": 5}]}
    /// ```
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("id", id)
            json.key("source")
            source.write(to: &json)
            json.field("agent", agent)
            json.field("customer", customer)
            json.field("language", language.rawValue)
            json.field("metadata", metadata)
            json.key("turns")
            json.array { json in
                for (index, turn) in turns.enumerated() {
                    json.object { json in
                        json.field("index", index)
                        json.field("role", turn.role.rawValue)
                        json.field("label", turn.label)
                        json.field("start", turn.validStart)
                        json.field("end", turn.validEnd)
                        json.field("text", turn.text)
                        json.field("line", turn.line)
                    }
                }
            }
        }
    }
}

extension Call.Source {
    /// Writes the source as `{"path": …, "line": …, "index": …}`.
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("path", path)
            json.field("line", line)
            json.field("index", index)
        }
    }
}

extension Diagnostic {
    /// Writes the diagnostic as `{"source": …, "line": …, "message": …}`.
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("source", source)
            json.field("line", line)
            json.field("message", message)
        }
    }
}

extension Array where Element == Diagnostic {
    /// Writes the `errors` and `warnings` fields: each diagnostic as
    /// `{"source": …, "line": …, "message": …}`, sorted by severity.
    package func writeFields(to json: inout JSONWriter) {
        for (name, severity) in [("errors", Diagnostic.Severity.error), ("warnings", .warning)] {
            json.key(name)
            json.array { json in
                for diagnostic in self where diagnostic.severity == severity { diagnostic.write(to: &json) }
            }
        }
    }
}
