import CallQA
import Foundation

extension FuzzHarness {
    /// Reads results of `score --format jsonl` as `report` does — a line at a
    /// time, blank lines skipped — and renders the report in every form.
    func readResults(_ bytes: [UInt8], name: String) {
        let decoder = JSONDecoder()
        var results = ScoreResults()
        var diagnostics: [Diagnostic] = []
        for (index, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            do {
                results.add(try decoder.decode(ScoreRecord.self, from: Data(line)), source: name)
            } catch {
                diagnostics.append(
                    Diagnostic(.error, source: name, line: index + 1, message: "not a result: \(error)"))
            }
        }
        for mixed in results.mixedRubrics { _ = mixed.description }
        let summary = results.summary
        OutputContract.json(
            ScoreJSONStream.summaryDocument(summary, diagnostics: diagnostics), "report --format json")
        for (width, colour) in [(100, false), (60, true)] {
            _ = ScoreTable(width: width, style: TerminalStyle(enabled: colour)).summary(summary, byAgent: true)
        }
        let csv = ScoreCSV(itemIDs: summary.items.map(\.id))
        OutputContract.csv(
            csv.agentHeader + summary.agents().map(csv.row(for:)).joined(), "report --format csv")
    }
}
