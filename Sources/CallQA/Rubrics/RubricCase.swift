import Foundation
import Yams

/// An example a rubric carries: a short transcript and the verdicts the
/// rubric should reach on it. `callqa rubric test` runs them.
///
/// Cases are written in the rubric's file under `cases:`, or in YAML files in
/// a folder beside it named after it (`zh-standard.cases/`):
///
/// ```yaml
/// - name: the model opening
///   transcript: |
///     坐席：中国人寿客户服务部，我是张丽，您需要什么帮助？
///     客户：我想查一下保单。
///   expect: {greeting: pass, forbidden: pass}
/// - name: hedging twice
///   say: 也许可以，我尽量吧。          # one agent turn
///   expect: {negative-wording: partial}
/// ```
public struct RubricCase: Sendable, Equatable {
    /// The case's name.
    public var name: String
    /// Where it is written: file and line.
    public var source: String, line: Int
    /// The call it describes.
    public var call: Call
    /// The verdict expected for each item named.
    public var expected: [(item: String, status: ItemStatus)]

    public static func == (lhs: RubricCase, rhs: RubricCase) -> Bool {
        lhs.name == rhs.name && lhs.source == rhs.source && lhs.line == rhs.line && lhs.call == rhs.call
            && lhs.expected.map(\.item) == rhs.expected.map(\.item)
            && lhs.expected.map(\.status) == rhs.expected.map(\.status)
    }

    /// The cases of the rubric in `file`: inline, then from its cases folder, in file-name order.
    ///
    /// - Throws: ``RubricError`` naming every case that cannot be read, with its line.
    public static func load(forRubricAt file: URL, rubric: Rubric) throws(RubricError) -> [RubricCase] {
        var cases: [RubricCase] = []
        var sources: [(path: String, node: Node?)] = []
        if let text = try? String(contentsOf: file, encoding: .utf8), let root = try? Yams.compose(yaml: text) {
            sources.append((file.relativePath, root["cases"]))
        }
        let folder = file.deletingPathExtension().appendingPathExtension("cases")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let path = folder.appendingPathComponent(name)
            do {
                let text = try String(contentsOf: path, encoding: .utf8)
                sources.append((path.relativePath, try Yams.compose(yaml: text)))
            } catch {
                throw RubricError(
                    source: path.relativePath,
                    problems: [.init(line: nil, column: nil, message: "cannot read the cases: \(error)")])
            }
        }
        var errors: [RubricError] = []
        for (path, node) in sources {
            guard let node else { continue }
            var reader = YAMLNodeReader()
            for entry in reader.sequence(node, "'cases'") ?? [] {
                if let found = parse(entry, source: path, rubric: rubric, reader: &reader) { cases.append(found) }
            }
            if !reader.problems.isEmpty { errors.append(RubricError(source: path, problems: reader.problems)) }
        }
        guard let first = errors.first else { return cases }
        guard errors.count > 1 else { throw first }
        // Problems from several files: each message names its file.
        throw RubricError(
            source: first.source,
            problems: errors.flatMap { error in
                error.problems.map {
                    .init(line: $0.line, column: $0.column, message: "\(error.source): \($0.message)")
                }
            })
    }

    private static func parse(_ node: Node, source: String, rubric: Rubric, reader: inout YAMLNodeReader) -> RubricCase?
    {
        guard
            let entries = reader.mapping(
                node, "a case", allowed: ["name", "transcript", "say", "expect"],
                required: ["name", "expect"])
        else { return nil }
        let line = node.mark?.line ?? 0
        let name = reader.string(entries["name"], "a case's 'name'") ?? "case at line \(line)"
        var text: String
        switch (entries["transcript"], entries["say"]) {
        case (let transcript?, nil):
            guard let value = transcript.scalar?.string else {
                reader.problem(transcript, "case '\(name)': 'transcript' must be text")
                return nil
            }
            text = value
        case (nil, let say?):
            guard let value = reader.string(say, "case '\(name)': 'say'") else { return nil }
            text = "Agent: " + value + "\nCustomer: …\n"
        default:
            reader.problem(node, "case '\(name)' needs either 'transcript' or 'say'")
            return nil
        }
        if !text.contains("# language:") {
            text = "# language: \(rubric.languages.first?.rawValue ?? "en")\n" + text
        }
        let events = PlainTextReader().read(Array(text.utf8), source: source, defaultID: name)
        guard case .call(var call)? = events.last else {
            let detail = events.compactMap {
                if case .diagnostic(let d) = $0, d.severity == .error { d.message } else { nil }
            }.first
            reader.problem(
                entries["transcript"] ?? entries["say"],
                "case '\(name)': the transcript cannot be read (\(detail ?? "no turns"))")
            return nil
        }
        call.id = name

        var expected: [(item: String, status: ItemStatus)] = []
        let entriesExpected = reader.orderedMapping(entries["expect"], "case '\(name)': 'expect'")
        for (item, keyNode, value) in entriesExpected {
            guard rubric.item(item) != nil else {
                reader.problem(keyNode, "case '\(name)': the rubric has no item '\(item)'")
                continue
            }
            guard let text = reader.string(value, "case '\(name)': the verdict for '\(item)'"),
                let status = ItemStatus(rawValue: text)
            else {
                reader.problem(value, "case '\(name)': the verdict for '\(item)' must be pass, partial, fail or na")
                continue
            }
            expected.append((item, status))
        }
        if entriesExpected.isEmpty { reader.problem(entries["expect"], "case '\(name)' expects nothing") }
        return RubricCase(name: name, source: source, line: line, call: call, expected: expected)
    }
}
