// The words notes, warnings and errors are made of, wherever they are written:
// checks, readers, the matcher, rubrics.

/// A count with its noun: "1 turn", "3 turns".
func counted(_ count: Int, _ noun: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
}

/// Phrases quoted for a note: `"a", "b"`, at most `limit` of them.
func quoted(_ phrases: [String], limit: Int = 3) -> String {
    let shown = phrases.prefix(limit).map { "\"\($0)\"" }.joined(separator: ", ")
    return phrases.count > limit ? shown + ", …" : shown
}
