import CallQA

/// Prints diagnostics to standard error as they come, and remembers them for
/// the JSON output and the exit code.
struct DiagnosticReport {
    private(set) var diagnostics: [Diagnostic] = []
    private var failed: Set<String> = []

    /// How many inputs had at least one error.
    var failedSources: Int { failed.count }

    mutating func add(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
        if diagnostic.severity == .error { failed.insert(diagnostic.source) }
        StandardError.write(diagnostic.description + "\n")
    }

    /// Says how many inputs failed, when any did.
    ///
    /// - Parameters:
    ///   - inputs: the inputs that were read (failed ones included).
    ///   - summary: what was done with the rest, e.g. "12 calls read".
    func finish(inputs: [TranscriptInput], summary: String) {
        guard failedSources > 0 else { return }
        let total = failed.union(inputs.map(\.description)).count
        StandardError.write("callqa: \(failedSources) of \(total) input\(total == 1 ? "" : "s") failed; \(summary)\n")
    }
}
