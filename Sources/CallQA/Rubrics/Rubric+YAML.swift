import Foundation
import Yams

extension Rubric {
    /// Loads a rubric from a YAML file.
    ///
    /// - Throws: ``RubricError`` listing every problem with its line and
    ///   column, or when the file cannot be read.
    public init(contentsOf url: URL) throws(RubricError) {
        let source = url.relativePath
        let limits = RubricLimits.standard
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int,
            let problem = limits.fileProblem(bytes: size)
        {
            throw RubricError(source: source, problems: [problem])
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw RubricError(
                source: source,
                problems: [
                    .init(
                        line: nil, column: nil,
                        message:
                            "cannot read the rubric: "
                            + (FileManager.default.fileExists(atPath: source) ? "not UTF-8 text" : "no such file")
                    )
                ])
        }
        try self.init(yaml: text, source: source)
    }

    /// Parses a rubric from YAML text.
    ///
    /// - Parameters:
    ///   - yaml: the rubric file's text.
    ///   - source: the path to name in problems and in reports.
    /// - Throws: ``RubricError`` listing every problem with its line and column.
    /// A rubric over the limits of ``RubricLimits`` — file size, YAML values,
    /// phrases, automaton states — is refused like any rubric with errors.
    public init(yaml: String, source: String) throws(RubricError) {
        let limits = RubricLimits.standard
        if let problem = limits.fileProblem(bytes: yaml.utf8.count) {
            throw RubricError(source: source, problems: [problem])
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml, .basic)
        } catch let error as YamlError {
            throw RubricError(source: source, problems: [Self.problem(from: error)])
        } catch {
            throw RubricError(source: source, problems: [.init(line: nil, column: nil, message: "\(error)")])
        }
        if let root, Self.values(in: root, upTo: limits.yamlValues) > limits.yamlValues {
            throw RubricError(
                source: source,
                problems: [
                    .init(
                        line: 1, column: 1,
                        message: "the file holds more than \(limits.yamlValues) YAML values (aliases counted each"
                            + " time they are used); the limit is \(limits.yamlValues)")
                ])
        }
        var parser = RubricParser(source: source)
        guard let root, let rubric = parser.parse(root), parser.reader.problems.isEmpty else {
            let problems =
                parser.reader.problems.isEmpty
                ? [RubricError.Problem(line: 1, column: 1, message: "the file holds no rubric")]
                : parser.reader.problems
            throw RubricError(
                source: source,
                problems: problems.sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) })
        }
        let over = limits.problems(for: rubric)
        guard over.isEmpty else { throw RubricError(source: source, problems: over) }
        self = rubric
    }

    /// How many values `node` holds, itself included, counting no further than past `limit`.
    private static func values(in node: Node, upTo limit: Int) -> Int {
        // A container's children are counted before they are visited, so
        // what waits to be visited never exceeds the count: an alias bomb
        // stops at the limit without being expanded.
        var count = 1
        var pending = [node]
        while let next = pending.popLast(), count <= limit {
            switch next {
            case .scalar, .alias: break
            case .sequence(let sequence):
                count += sequence.count
                if count <= limit { pending.append(contentsOf: sequence) }
            case .mapping(let mapping):
                count += 2 * mapping.count
                if count <= limit {
                    for pair in mapping {
                        pending.append(pair.key)
                        pending.append(pair.value)
                    }
                }
            }
        }
        return count
    }

    /// Why the YAML file at `url` is no rubric at all, or `nil` when it may
    /// be one (its top level has `id` and `items`, or it is not even YAML, a
    /// rubric with a syntax error): for folders of rubrics, which skip such
    /// files rather than refuse to work.
    static func notARubric(at url: URL) -> String? {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int ?? 0
        guard size <= RubricLimits.standard.fileBytes, let data = try? Data(contentsOf: url) else { return nil }
        guard let text = String(data: data, encoding: .utf8) else { return "not UTF-8 text" }
        let composed: Node?
        do {
            composed = try Yams.compose(yaml: text, .basic)
        } catch {
            return nil
        }
        guard let root = composed else { return "it is empty" }
        guard case .mapping(let mapping) = root else { return "its top level is not a mapping of keys" }
        let keys = Set(mapping.keys.compactMap(\.string))
        return keys.contains("id") && keys.contains("items") ? nil : "it has no 'id' and 'items' at its top level"
    }

    private static func problem(from error: YamlError) -> RubricError.Problem {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return .init(line: mark.line, column: mark.column, message: "YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .init(
                line: context.mark.line, column: context.mark.column,
                message: "YAML: keys written twice: \(duplicates.joined(separator: ", "))")
        default:
            return .init(line: nil, column: nil, message: "YAML: \(error)")
        }
    }
}

/// Turns a YAML node tree into a ``Rubric``, checking everything on the way.
struct RubricParser {
    let source: String
    var reader = YAMLNodeReader()
    /// Lists created for phrases written inline in items.
    private var inlineLists: [Rubric.PhraseList] = []
    private var declaredLists: [String: Node] = [:]
    private var positions = RubricPositions()
    private var references: [(name: String, node: Node)] = []

    init(source: String) {
        self.source = source
    }

    mutating func parse(_ root: Node) -> Rubric? {
        guard
            let top = reader.mapping(
                root, "the rubric",
                allowed: [
                    "id", "version", "title", "languages", "pass", "total", "critical", "negation", "wording",
                    "metrics", "lists", "items", "cases", "redact",
                ],
                required: ["id", "version", "title", "languages", "pass", "lists", "items"])
        else { return nil }

        let id = reader.string(top["id"], "'id'")
        let version = reader.string(top["version"], "'version'")
        if let version, let node = top["version"], !Self.isSemanticVersion(version) {
            reader.problem(node, "'version' must be a semantic version such as 1.0.0, not '\(version)'")
        }
        let title = reader.string(top["title"], "'title'")
        let languages = parseLanguages(top["languages"])
        let pass = reader.number(top["pass"], "'pass'", in: 0...100)
        let total = reader.number(top["total"], "'total'", in: 0...1_000_000)
        let critical = parseCritical(top["critical"])

        let lists = parseLists(top["lists"])
        let negation = parseNegation(top["negation"])
        let wording = parseWording(top["wording"])
        let metrics = parseMetricSettings(top["metrics"])
        let redacts = reader.bool(top["redact"], "'redact'") ?? false
        let (items, weightSum) = parseItems(top["items"])

        for reference in references
        where declaredLists[reference.name] == nil && !inlineLists.contains(where: { $0.name == reference.name }) {
            reader.problem(
                reference.node, "no list named '\(reference.name)' (lists: \(YAMLNodeReader.list(lists.map(\.name))))")
        }
        if let total, let node = top["total"] {
            if abs(weightSum - total) > 1e-9 {
                reader.problem(
                    node,
                    "item weights add up to \(NumberText.shortest(weightSum)),"
                        + " not the total \(NumberText.shortest(total))"
                )
            }
        }
        if let node = top["items"], !items.isEmpty, items.allSatisfy({ $0.weight == 0 }) {
            reader.problem(node, "every item has weight 0: the rubric cannot score")
        }

        guard let id, let version, let title, let languages, let pass, let critical, let negation, let wording,
            let metrics
        else { return nil }
        return Rubric(
            id: id, version: version, title: title, languages: languages, passMark: pass, critical: critical,
            totalWeight: total, negation: negation, wording: wording, lists: lists + inlineLists, items: items,
            metrics: metrics, redacts: redacts, source: source, positions: positions)
    }

    // MARK: - Header

    private mutating func parseLanguages(_ node: Node?) -> [Language]? {
        guard let tags = reader.strings(node, "'languages'") else { return nil }
        var languages: [Language] = []
        for tag in tags {
            switch Language.parse(tag: tag) {
            case .language(let language)?: languages.append(language)
            case .chineseOfUnstatedScript?: languages += [.simplifiedChinese, .traditionalChinese]
            case nil: reader.problem(node, "unknown language '\(tag)' (use zh-Hans, zh-Hant, zh or en)")
            }
        }
        var seen: Set<Language> = []
        return languages.filter { seen.insert($0).inserted }
    }

    private mutating func parseCritical(_ node: Node?) -> Rubric.CriticalPolicy? {
        guard let node else { return .score(0) }
        guard let entries = reader.mapping(node, "'critical'", allowed: ["score", "cap"]) else { return nil }
        switch (entries["score"], entries["cap"]) {
        case (let score?, nil): return reader.number(score, "'critical.score'", in: 0...100).map { .score($0) }
        case (nil, let cap?): return reader.number(cap, "'critical.cap'", in: 0...100).map { .cap($0) }
        default:
            reader.problem(
                node, "'critical' needs either 'score' (the call scores this) or 'cap' (its score is capped)")
            return nil
        }
    }

    private mutating func parseNegation(_ node: Node?) -> PhraseMatcher.Negation? {
        guard let node else { return PhraseMatcher.Negation(negators: []) }
        guard
            let entries = reader.mapping(
                node, "'negation'", allowed: ["negators", "window", "exempt"], required: ["negators"])
        else { return nil }
        let negators = reader.strings(entries["negators"], "'negation.negators'") ?? []
        let window = entries["window"].map { reader.integer($0, "'negation.window'", minimum: 0) } ?? 2
        let exempt = reader.strings(entries["exempt"], "'negation.exempt'") ?? []
        for name in exempt { references.append((name, entries["exempt"]!)) }
        guard let window else { return nil }
        return PhraseMatcher.Negation(negators: negators, window: window, exemptLists: Set(exempt))
    }

    private mutating func parseWording(_ node: Node?) -> Rubric.WordingLists? {
        guard let node else { return Rubric.WordingLists() }
        guard let entries = reader.mapping(node, "'wording'", allowed: ["positive", "negative"]) else { return nil }
        let positive = reader.string(entries["positive"], "'wording.positive'")
        let negative = reader.string(entries["negative"], "'wording.negative'")
        if let positive { references.append((positive, entries["positive"]!)) }
        if let negative { references.append((negative, entries["negative"]!)) }
        return Rubric.WordingLists(positive: positive, negative: negative)
    }

    private mutating func parseMetricSettings(_ node: Node?) -> ConversationMetrics.Settings? {
        var settings = ConversationMetrics.Settings()
        guard let node else { return settings }
        guard let entries = reader.mapping(node, "'metrics'", allowed: ["dead-air", "interruption-overlap"]) else {
            return nil
        }
        if let value = entries["dead-air"] {
            guard let seconds = reader.number(value, "'metrics.dead-air'", in: 0.1...3_600) else { return nil }
            settings.deadAir = seconds
        }
        if let value = entries["interruption-overlap"] {
            guard let seconds = reader.number(value, "'metrics.interruption-overlap'", in: 0...60) else { return nil }
            settings.interruptionOverlap = seconds
        }
        return settings
    }

    private mutating func parseLists(_ node: Node?) -> [Rubric.PhraseList] {
        var lists: [Rubric.PhraseList] = []
        for (name, keyNode, value) in reader.orderedMapping(node, "'lists'") {
            if name.contains("#") { reader.problem(keyNode, "list names cannot contain '#'") }
            declaredLists[name] = keyNode
            var phrasesNode = value
            var list = Rubric.PhraseList(name: name, phrases: [])
            if case .mapping = value {
                // The long form: {phrases: [...], exact: true, near: 5, asr: true}.
                guard
                    let entries = reader.mapping(
                        value, "list '\(name)'", allowed: ["phrases", "exact", "near", "asr"], required: ["phrases"]),
                    let phrases = entries["phrases"]
                else { continue }
                phrasesNode = phrases
                if let exact = entries["exact"] {
                    guard let value = reader.bool(exact, "list '\(name)' 'exact'") else { continue }
                    list.exact = value
                }
                if let asr = entries["asr"] {
                    guard let value = reader.bool(asr, "list '\(name)' 'asr'") else { continue }
                    list.asr = value
                }
                if let near = entries["near"] {
                    guard let value = reader.integer(near, "list '\(name)' 'near'", minimum: 0) else { continue }
                    guard value <= Self.largestNear else {
                        reader.problem(near, "list '\(name)' 'near' must be at most \(Self.largestNear), not \(value)")
                        continue
                    }
                    list.near = value
                }
            }
            positions.record(list: name, at: keyNode, phrases: phrasesNode)
            guard let phrases = reader.strings(phrasesNode, "list '\(name)'") else { continue }
            if phrases.isEmpty {
                reader.problem(phrasesNode, "list '\(name)' is empty")
                continue
            }
            checkPhrases(phrases, in: phrasesNode, list: name)
            list.phrases = phrases
            lists.append(list)
        }
        return lists
    }

    /// The largest `near` a list may set.
    static let largestNear = 200

    /// Reports phrases that are only white space, and phrases the matching
    /// language cannot read, each at its own line and column.
    private mutating func checkPhrases(_ phrases: [String], in node: Node, list: String) {
        var nodes: [Node] = []
        if case .sequence(let sequence) = node { nodes = Array(sequence) }
        for (index, phrase) in phrases.enumerated() {
            let at = nodes.count == phrases.count ? nodes[index] : node
            if TextNormalizer.shared.normalizePhrase(phrase).isEmpty {
                reader.problem(at, "a phrase of list '\(list)' is only white space")
            } else if case .failure(let problem) = PhrasePattern.parse(phrase) {
                reader.problem(at, "phrase \"\(phrase)\" of list '\(list)': \(problem.message)")
            }
        }
    }

    // MARK: - Items

    /// The items, and the sum of every weight that could be read (for the
    /// total check, which must not depend on other problems in an item).
    private mutating func parseItems(_ node: Node?) -> (items: [RubricItem], weightSum: Double) {
        guard let entries = reader.sequence(node, "'items'") else { return ([], 0) }
        if entries.isEmpty { reader.problem(node, "'items' is empty") }
        var items: [RubricItem] = []
        var ids: Set<String> = []
        var weightSum = 0.0
        for entry in entries {
            if let idNode = entry["id"], let id = idNode.scalar?.string, !ids.insert(id).inserted {
                reader.problem(entry, "two items have the id '\(id)'")
            }
            if let weight = entry["weight"]?.scalar.flatMap({ Double($0.string) }) { weightSum += weight }
            if let item = parseItem(entry) { items.append(item) }
        }
        return (items, weightSum)
    }

    private mutating func parseItem(_ node: Node) -> RubricItem? {
        guard
            let entries = reader.mapping(
                node, "an item",
                allowed: ["id", "title", "weight", "description", "suggest", "check"],
                required: ["id", "title", "weight", "description", "check"])
        else { return nil }
        let id = reader.string(entries["id"], "an item's 'id'")
        let what = "item '\(id ?? "?")'"
        if let id, id.contains("#"), let idNode = entries["id"] {
            reader.problem(idNode, "item ids cannot contain '#'")
        }
        let title = reader.string(entries["title"], "\(what) 'title'")
        let weight = reader.number(entries["weight"], "\(what) 'weight'", in: 0...1_000_000)
        let description = reader.string(entries["description"], "\(what) 'description'")
        let suggestions = reader.strings(entries["suggest"], "\(what) 'suggest'") ?? []
        let check = parseCheck(entries["check"], item: id ?? "?")
        if let id {
            positions.record(
                item: id, at: entries["id"] ?? node, weight: entries["weight"], window: entries["check"]?["window"])
        }
        guard let id, let title, let weight, let description, let check else { return nil }
        return RubricItem(
            id: id, title: title, weight: weight, description: description, suggestions: suggestions, check: check)
    }

    private mutating func parseCheck(_ node: Node?, item: String) -> Check? {
        guard let node else { return nil }
        let site = CheckSite(node: node, item: item)
        guard case .mapping = node else {
            reader.problem(node, "\(site.what) must be a mapping with a 'kind'")
            return nil
        }
        guard let kindNode = node["kind"], let kind = reader.string(kindNode, "'kind'") else {
            reader.problem(node, "\(site.what) needs a 'kind' (\(YAMLNodeReader.list(Check.kinds)))")
            return nil
        }
        return Check.decode(kind: kind, at: site, parser: &self)
    }

    /// Notes that `name` must be a declared list: checked once all are read.
    mutating func refer(to name: String, at node: Node) {
        references.append((name, node))
    }

    /// Adds a list for phrases an item writes in place, named `item#label`.
    mutating func addInlineList(_ name: String, phrases: [String], at node: Node) {
        positions.record(list: name, at: node, phrases: node)
        checkPhrases(phrases, in: node, list: name)
        inlineLists.append(Rubric.PhraseList(name: name, phrases: phrases))
    }

    static func isSemanticVersion(_ text: String) -> Bool {
        let core = text.split(separator: "-", maxSplits: 1)[0].split(separator: "+", maxSplits: 1)[0]
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }
}
