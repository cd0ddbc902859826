import Foundation
import Testing

/// Output compared with a file in `Tests/Fixtures/snapshots`, byte for byte.
///
/// To re-record after an intended change, run the tests with
/// `CALLQA_RECORD_SNAPSHOTS=1` (for example
/// `CALLQA_RECORD_SNAPSHOTS=1 swift test --filter Snapshot`): every snapshot
/// checked is written anew, and each test records an issue saying so, so
/// that a recording run never passes by accident. Review the change with
/// `git diff Tests/Fixtures/snapshots`. On a mismatch, the issue shows a line
/// diff of the snapshot (`-`) against the output (`+`).
///
/// A snapshot is named after its command and its format: `.table`, `.csv`,
/// `.md` — never an extension read as a transcript (`.txt`, `.xml`, `.json`,
/// …), since tests and comparisons score `Tests/Fixtures` as a whole.
enum Snapshot {
    /// The folder of snapshot files.
    static let folder = CLI.packageRoot.appendingPathComponent("Tests/Fixtures/snapshots")

    /// Whether this run writes snapshots instead of comparing with them.
    static var isRecording: Bool {
        ProcessInfo.processInfo.environment["CALLQA_RECORD_SNAPSHOTS"].map { !$0.isEmpty && $0 != "0" } ?? false
    }

    /// Compares `output` with the snapshot `name`, or records it.
    static func check(_ output: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = folder.appendingPathComponent(name)
        if isRecording {
            do {
                try Data(output.utf8).write(to: file)
                Issue.record(
                    "recorded snapshot \(name); run again without CALLQA_RECORD_SNAPSHOTS to check it",
                    sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot write snapshot \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            Issue.record(
                "no snapshot \(name) in Tests/Fixtures/snapshots; record it with CALLQA_RECORD_SNAPSHOTS=1",
                sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard output != expected else { return }
        Issue.record(
            """
            output differs from snapshot \(name) (re-record with CALLQA_RECORD_SNAPSHOTS=1 if the change is intended):
            \(LineDiff.unified(expected, output))
            """, sourceLocation: sourceLocation)
    }
}

/// A readable line diff for snapshot failures.
enum LineDiff {
    /// Hunks of `old` against `new`, with two lines of context: `-` lines
    /// only in `old`, `+` lines only in `new`. Carriage returns and tabs show
    /// as `␍` and `␉`, trailing spaces as `·`, so that invisible differences show.
    static func unified(_ old: String, _ new: String, context: Int = 2, limit: Int = 80) -> String {
        let a = lines(old)
        let b = lines(new)
        guard a.count * b.count <= 4_000_000 else {
            let first = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            return "first difference at line \(first + 1):\n- \(first < a.count ? visible(a[first]) : "(end)")"
                + "\n+ \(first < b.count ? visible(b[first]) : "(end)")"
        }
        let script = editScript(a, b)
        var output: [String] = []
        var index = 0
        while index < script.count {
            guard script[index].mark != " " else {
                index += 1
                continue
            }
            // One hunk: from `context` lines before this change to `context` after the last change near it.
            var end = index
            while end < script.count {
                if script[end].mark != " " {
                    end += 1
                    continue
                }
                let nextChange = script[end...].firstIndex { $0.mark != " " }
                guard let nextChange, nextChange - end <= 2 * context else { break }
                end = nextChange
            }
            let start = max(0, index - context)
            let stop = min(script.count, end + context)
            let first = script[start]
            output.append("@@ line \(first.oldLine + 1) of the snapshot, \(first.newLine + 1) of the output @@")
            output += script[start..<stop].map { "\($0.mark) \(visible($0.text))" }
            index = stop
        }
        if output.count > limit {
            output = Array(output.prefix(limit)) + ["… \(output.count - limit) more diff lines"]
        }
        return output.joined(separator: "\n")
    }

    private struct Line {
        var mark: Character
        var text: Substring
        var oldLine: Int
        var newLine: Int
    }

    /// The text's lines, each with its line break (the last may have none).
    private static func lines(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        for index in text.indices where text[index] == "\n" || text[index] == "\r\n" {
            let next = text.index(after: index)
            result.append(text[start..<next])
            start = next
        }
        if start < text.endIndex { result.append(text[start...]) }
        return result
    }

    /// The shortest edit script from a longest common subsequence of lines.
    private static func editScript(_ a: [Substring], _ b: [Substring]) -> [Line] {
        let n = a.count
        let m = b.count
        // common[i][j]: the longest common subsequence of a[i...] and b[j...].
        var common = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var script: [Line] = []
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                script.append(Line(mark: " ", text: a[i], oldLine: i, newLine: j))
                i += 1
                j += 1
            } else if i < n, j == m || common[i + 1][j] >= common[i][j + 1] {
                script.append(Line(mark: "-", text: a[i], oldLine: i, newLine: j))
                i += 1
            } else {
                script.append(Line(mark: "+", text: b[j], oldLine: i, newLine: j))
                j += 1
            }
        }
        return script
    }

    /// A line as shown in a diff: its break dropped, invisible characters made visible.
    private static func visible(_ line: Substring) -> String {
        var text = String(line)
        var lineBreak = ""
        if text.hasSuffix("\r\n") {
            text.removeLast()
            lineBreak = "␍"
        } else if text.hasSuffix("\n") {
            text.removeLast()
        } else {
            lineBreak = " (no line break at the end)"
        }
        text = text.replacingOccurrences(of: "\t", with: "␉").replacingOccurrences(of: "\r", with: "␍")
        let trailing = text.reversed().prefix { $0 == " " }.count
        if trailing > 0 { text = text.dropLast(trailing) + String(repeating: "·", count: trailing) }
        return text + lineBreak
    }
}
