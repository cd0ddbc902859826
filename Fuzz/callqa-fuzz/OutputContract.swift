import CallQA
import Foundation

/// The contracts of the machine-readable outputs. A broken contract stops the
/// process with a message, so the fuzzer records the input like a crash.
enum OutputContract {
    /// `text` is one JSON document.
    static func json(_ text: String, _ output: String) {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            fatalError("\(output) wrote text that is not JSON (\(error)): \(text.prefix(2_000))")
        }
    }

    /// Each line of `text` is one JSON document.
    static func jsonLines(_ text: String, _ output: String) {
        for line in text.split(separator: "\n") { json(String(line), output) }
    }

    /// `text` reads back as CSV without a problem, and every row has as many
    /// fields as its first row, the header.
    static func csv(_ text: String, _ output: String) {
        let table = CSVReader.read(text)
        if let problem = table.problems.first {
            fatalError("\(output) wrote CSV that does not read back (line \(problem.line): \(problem.message))")
        }
        guard let header = table.rows.first else { fatalError("\(output) wrote no header") }
        for row in table.rows.dropFirst() where row.fields.count != header.fields.count {
            fatalError(
                "\(output) wrote a row of \(row.fields.count) fields under a header of \(header.fields.count) "
                    + "(line \(row.line)): \(text.prefix(2_000))")
        }
    }

    /// An HTML page holds no element its input could have brought: exactly
    /// `scripts` script elements (the page's own), and none of the elements
    /// that load or run something, which the pages never write themselves.
    static func html(_ page: String, scripts: Int, _ output: String) {
        let found = page.components(separatedBy: "<script").count - 1
        if found != scripts {
            fatalError("\(output) wrote \(found) script elements where the page has \(scripts): \(page.prefix(2_000))")
        }
        for element in ["<img", "<iframe", "<object", "<embed", "<form", "<base", "<link", "<a href=\"javascript"]
        where page.localizedCaseInsensitiveContains(element) {
            fatalError("\(output) wrote an element '\(element)' of its input: \(page.prefix(2_000))")
        }
    }

    /// A line of `score --format jsonl` reads back as a result, as `report` reads it.
    static func readsBack(_ line: String) {
        do {
            _ = try JSONDecoder().decode(ScoreRecord.self, from: Data(line.utf8))
        } catch {
            fatalError(
                "a line of score --format jsonl does not read back as a result (\(error)): \(line.prefix(2_000))")
        }
    }
}
