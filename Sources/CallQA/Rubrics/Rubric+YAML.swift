import Foundation
import Yams

extension Rubric {
    /// Loads a rubric from a YAML file.
    ///
    /// - Throws: ``RubricError`` listing every problem with its line and
    ///   column, or when the file cannot be read.
    public init(contentsOf url: URL) throws(RubricError) {
        let source = url.relativePath
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw RubricError(source: source, problems: [.init(line: nil, column: nil,
                message: "cannot read the rubric: \(FileManager.default.fileExists(atPath: source) ? "not UTF-8 text" : "no such file")")])
        }
        try self.init(yaml: text, source: source)
    }

    /// Parses a rubric from YAML text.
    ///
    /// - Parameters:
    ///   - yaml: the rubric file's text.
    ///   - source: the path to name in problems and in reports.
    /// - Throws: ``RubricError`` listing every problem with its line and column.
    public init(yaml: String, source: String) throws(RubricError) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml, .basic)
        } catch let error as YamlError {
            throw RubricError(source: source, problems: [Self.problem(from: error)])
        } catch {
            throw RubricError(source: source, problems: [.init(line: nil, column: nil, message: "\(error)")])
        }
        var parser = RubricParser(source: source)
        guard let root, let rubric = parser.parse(root), parser.reader.problems.isEmpty else {
            let problems = parser.reader.problems.isEmpty
                ? [RubricError.Problem(line: 1, column: 1, message: "the file holds no rubric")]
                : parser.reader.problems
            throw RubricError(source: source, problems: problems.sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) })
        }
        self = rubric
    }

    private static func problem(from error: YamlError) -> RubricError.Problem {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return .init(line: mark.line, column: mark.column, message: "YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .init(line: context.mark.line, column: context.mark.column,
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

    static let checkKinds = ["phrase", "forbid", "limit", "response", "paraphrase", "name", "wording", "hold", "metric"]

    mutating func parse(_ root: Node) -> Rubric? {
        guard let top = reader.mapping(root, "the rubric",
            allowed: ["id", "version", "title", "languages", "pass", "total", "critical", "negation", "wording", "metrics", "lists", "items", "cases"],
            required: ["id", "version", "title", "languages", "pass", "lists", "items"]) else { return nil }

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
        let (items, weightSum) = parseItems(top["items"])

        for reference in references where declaredLists[reference.name] == nil && !inlineLists.contains(where: { $0.name == reference.name }) {
            reader.problem(reference.node, "no list named '\(reference.name)' (lists: \(YAMLNodeReader.list(lists.map(\.name))))")
        }
        if let total, let node = top["total"] {
            if abs(weightSum - total) > 1e-9 {
                reader.problem(node, "item weights add up to \(JSONWriter.number(weightSum)), not the total \(JSONWriter.number(total))")
            }
        }
        if let node = top["items"], !items.isEmpty, items.allSatisfy({ $0.weight == 0 }) {
            reader.problem(node, "every item has weight 0: the rubric cannot score")
        }

        guard let id, let version, let title, let languages, let pass, let critical, let negation, let wording, let metrics
        else { return nil }
        return Rubric(id: id, version: version, title: title, languages: languages, passMark: pass, critical: critical,
                      totalWeight: total, negation: negation, wording: wording, lists: lists + inlineLists, items: items,
                      metrics: metrics, source: source, positions: positions)
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
            reader.problem(node, "'critical' needs either 'score' (the call scores this) or 'cap' (its score is capped)")
            return nil
        }
    }

    private mutating func parseNegation(_ node: Node?) -> PhraseMatcher.Negation? {
        guard let node else { return PhraseMatcher.Negation(negators: []) }
        guard let entries = reader.mapping(node, "'negation'", allowed: ["negators", "window", "exempt"], required: ["negators"])
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
        guard let entries = reader.mapping(node, "'metrics'", allowed: ["dead-air", "interruption-overlap"]) else { return nil }
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
            positions.record(list: name, at: keyNode, phrases: value)
            guard let phrases = reader.strings(value, "list '\(name)'") else { continue }
            if phrases.isEmpty {
                reader.problem(value, "list '\(name)' is empty")
                continue
            }
            checkPhrases(phrases, in: value, list: name)
            lists.append(Rubric.PhraseList(name: name, phrases: phrases))
        }
        return lists
    }

    private mutating func checkPhrases(_ phrases: [String], in node: Node, list: String) {
        for phrase in phrases where TextNormalizer.shared.normalizePhrase(phrase).isEmpty {
            reader.problem(node, "a phrase of list '\(list)' is only white space")
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
        guard let entries = reader.mapping(node, "an item",
            allowed: ["id", "title", "weight", "description", "suggest", "check"],
            required: ["id", "title", "weight", "description", "check"]) else { return nil }
        let id = reader.string(entries["id"], "an item's 'id'")
        let what = "item '\(id ?? "?")'"
        if let id, id.contains("#"), let idNode = entries["id"] { reader.problem(idNode, "item ids cannot contain '#'") }
        let title = reader.string(entries["title"], "\(what) 'title'")
        let weight = reader.number(entries["weight"], "\(what) 'weight'", in: 0...1_000_000)
        let description = reader.string(entries["description"], "\(what) 'description'")
        let suggestions = reader.strings(entries["suggest"], "\(what) 'suggest'") ?? []
        let check = parseCheck(entries["check"], item: id ?? "?")
        if let id {
            positions.record(item: id, at: entries["id"] ?? node, weight: entries["weight"], window: entries["check"]?["window"])
        }
        guard let id, let title, let weight, let description, let check else { return nil }
        return RubricItem(id: id, title: title, weight: weight, description: description, suggestions: suggestions, check: check)
    }

    private mutating func parseCheck(_ node: Node?, item: String) -> Check? {
        guard let node else { return nil }
        let what = "the check of item '\(item)'"
        guard case .mapping = node else {
            reader.problem(node, "\(what) must be a mapping with a 'kind'")
            return nil
        }
        guard let kindNode = node["kind"], let kind = reader.string(kindNode, "'kind'") else {
            reader.problem(node, "\(what) needs a 'kind' (\(YAMLNodeReader.list(Self.checkKinds)))")
            return nil
        }
        let source = ["list", "lists", "phrases"]
        switch kind {
        case "phrase":
            guard let entries = reader.mapping(node, what, allowed: ["kind", "speaker", "window", "require", "partial", "groups"],
                                               required: ["groups"]) else { return nil }
            let speaker = parseSpeaker(entries["speaker"])
            let window = parseWindow(entries["window"])
            var requirement = PhraseCheck.Requirement.all
            if let node = entries["require"], let text = reader.string(node, "'require'") {
                if let value = PhraseCheck.Requirement(rawValue: text) { requirement = value }
                else { reader.problem(node, "'require' must be all or any, not '\(text)'") }
            }
            let partial = entries["partial"].map { reader.bool($0, "'partial'") } ?? true
            var groups: [PhraseGroup] = []
            if let nodes = reader.sequence(entries["groups"], "'groups'") {
                if nodes.isEmpty { reader.problem(entries["groups"], "'groups' is empty") }
                for (index, groupNode) in nodes.enumerated() {
                    guard let group = reader.mapping(groupNode, "a group", allowed: ["name"] + source) else { continue }
                    let name = group["name"].flatMap { reader.string($0, "a group's 'name'") }
                    if let phrases = parseSource(group, node: groupNode, item: item, label: "group \(index + 1)", name: name) {
                        groups.append(phrases)
                    }
                }
            }
            let turnWindow: TurnWindow?
            switch window {
            case .absent: turnWindow = nil
            case .valid(let value): turnWindow = value
            case .invalid: return nil
            }
            guard let speaker, let partial, !groups.isEmpty else { return nil }
            return .phrase(PhraseCheck(speaker: speaker, window: turnWindow, requirement: requirement, groups: groups,
                                       partialCredit: partial))

        case "forbid", "limit":
            let extra = kind == "forbid" ? ["critical"] : ["max"]
            guard let entries = reader.mapping(node, what, allowed: ["kind", "speaker"] + extra + source,
                                               required: kind == "limit" ? ["max"] : []) else { return nil }
            let speaker = parseSpeaker(entries["speaker"])
            let group = parseSource(entries, node: node, item: item, label: kind, name: nil)
            if kind == "forbid" {
                let critical = entries["critical"].map { reader.bool($0, "'critical'") } ?? false
                guard let speaker, let group, let critical else { return nil }
                return .forbid(ForbidCheck(speaker: speaker, group: group, critical: critical))
            }
            let maximum = reader.integer(entries["max"], "'max'", minimum: 0)
            guard let speaker, let group, let maximum else { return nil }
            return .limit(LimitCheck(speaker: speaker, group: group, maximum: maximum))

        case "response":
            guard let entries = reader.mapping(node, what, allowed: ["kind", "trigger", "respond", "within", "answer", "partial"],
                                               required: ["trigger", "respond"]) else { return nil }
            let trigger = entries["trigger"].flatMap { triggerNode in
                reader.mapping(triggerNode, "'trigger'", allowed: ["name"] + source).flatMap {
                    parseSource($0, node: triggerNode, item: item, label: "trigger",
                                name: $0["name"].flatMap { reader.string($0, "a group's 'name'") })
                }
            }
            let response = entries["respond"].flatMap { respondNode in
                reader.mapping(respondNode, "'respond'", allowed: ["name"] + source).flatMap {
                    parseSource($0, node: respondNode, item: item, label: "respond",
                                name: $0["name"].flatMap { reader.string($0, "a group's 'name'") })
                }
            }
            let within = entries["within"].map { reader.integer($0, "'within'", minimum: 1) } ?? 2
            let partial = entries["partial"].map { reader.bool($0, "'partial'") } ?? true
            var answer = ResponseCheck.Answer.every
            if let node = entries["answer"], let text = reader.string(node, "'answer'") {
                if let value = ResponseCheck.Answer(rawValue: text) { answer = value }
                else { reader.problem(node, "'answer' must be every or any, not '\(text)'") }
            }
            guard let trigger, let response, let within, let partial else { return nil }
            return .response(ResponseCheck(trigger: trigger, response: response, within: within, answer: answer,
                                           partialCredit: partial))

        case "paraphrase":
            guard let entries = reader.mapping(node, what, allowed: ["kind", "cues", "overlap", "min-content"]) else { return nil }
            let cues = entries["cues"].flatMap { cueNode in
                reader.mapping(cueNode, "'cues'", allowed: ["name"] + source).flatMap {
                    parseSource($0, node: cueNode, item: item, label: "cues",
                                name: $0["name"].flatMap { reader.string($0, "a group's 'name'") })
                }
            }
            let overlap = entries["overlap"].flatMap { reader.number($0, "'overlap'", in: 0.01...1) }
            let minimum = entries["min-content"].map { reader.integer($0, "'min-content'", minimum: 1) } ?? 3
            if entries["cues"] == nil && entries["overlap"] == nil {
                reader.problem(node, "\(what) needs 'cues', 'overlap' or both")
            }
            guard let minimum, cues != nil || overlap != nil else { return nil }
            return .paraphrase(ParaphraseCheck(cues: cues, overlap: overlap, minimumContent: minimum))

        case "name":
            guard let entries = reader.mapping(node, what, allowed: ["kind", "titles-after", "titles-before", "introductions"])
            else { return nil }
            let after = reader.strings(entries["titles-after"], "'titles-after'") ?? NameCheck.defaultTitlesAfter
            let before = reader.strings(entries["titles-before"], "'titles-before'") ?? NameCheck.defaultTitlesBefore
            let introductions = reader.strings(entries["introductions"], "'introductions'") ?? NameCheck.defaultIntroductions
            return .name(NameCheck(titlesAfter: after, titlesBefore: before, introductions: introductions))

        case "wording":
            guard let entries = reader.mapping(node, what, allowed: ["kind", "target", "full", "allow", "zero"] + source,
                                               required: ["target"]) else { return nil }
            let group = parseSource(entries, node: node, item: item, label: "wording", name: nil)
            let target: WordingCheck.Target?
            switch entries["target"].flatMap({ reader.string($0, "'target'") }) {
            case "use":
                target = (entries["full"].map { reader.integer($0, "'full'", minimum: 1) } ?? 3).map { .use(full: $0) }
            case "avoid":
                let allow = entries["allow"].map { reader.integer($0, "'allow'", minimum: 0) } ?? 0
                let zero = entries["zero"].map { reader.integer($0, "'zero'", minimum: 1) } ?? 3
                if let allow, let zero, zero <= allow {
                    reader.problem(entries["zero"] ?? node, "'zero' (\(zero)) must be more than 'allow' (\(allow))")
                    target = nil
                } else if let allow, let zero {
                    target = .avoid(allow: allow, zero: zero)
                } else {
                    target = nil
                }
            case let other?:
                reader.problem(entries["target"], "'target' must be use or avoid, not '\(other)'")
                target = nil
            case nil:
                target = nil
            }
            guard let group, let target else { return nil }
            return .wording(WordingCheck(group: group, target: target))

        case "hold":
            guard let entries = reader.mapping(node, what, allowed: ["kind", "min-silence", "ask", "thank", "partial"],
                                               required: ["ask", "thank"]) else { return nil }
            func group(_ key: String) -> PhraseGroup? {
                entries[key].flatMap { groupNode in
                    reader.mapping(groupNode, "'\(key)'", allowed: ["name"] + source).flatMap {
                        parseSource($0, node: groupNode, item: item, label: key,
                                    name: $0["name"].flatMap { reader.string($0, "a group's 'name'") })
                    }
                }
            }
            let ask = group("ask"), thank = group("thank")
            let minimum = entries["min-silence"].map { reader.number($0, "'min-silence'", in: 1...3_600) } ?? 20
            let partial = entries["partial"].map { reader.bool($0, "'partial'") } ?? true
            guard let ask, let thank, let minimum, let partial else { return nil }
            return .hold(HoldCheck(minimumSilence: minimum, ask: ask, thank: thank, partialCredit: partial))

        case "metric":
            guard let entries = reader.mapping(node, what, allowed: ["kind", "metric", "min", "max", "within"],
                                               required: ["metric"]) else { return nil }
            var metric: ConversationMetric?
            if let metricNode = entries["metric"], let name = reader.string(metricNode, "'metric'") {
                metric = ConversationMetric(rawValue: name)
                if metric == nil {
                    reader.problem(metricNode, "unknown metric '\(name)' (expected \(YAMLNodeReader.list(ConversationMetric.allCases.map(\.rawValue))))")
                }
            }
            var minimum = entries["min"].flatMap { reader.number($0, "'min'", in: -1_000_000...1_000_000) }
            var maximum = entries["max"].flatMap { reader.number($0, "'max'", in: -1_000_000...1_000_000) }
            if let withinNode = entries["within"] {
                if entries["min"] != nil || entries["max"] != nil {
                    reader.problem(withinNode, "give 'within' or 'min'/'max', not both")
                    return nil
                }
                let values = reader.sequence(withinNode, "'within'")?.compactMap { reader.number($0, "a 'within' bound", in: -1_000_000...1_000_000) }
                guard let values, values.count == 2, values[0] <= values[1] else {
                    reader.problem(withinNode, "'within' takes two numbers, the lower first: [0.7, 1.4]")
                    return nil
                }
                (minimum, maximum) = (values[0], values[1])
            }
            if minimum == nil && maximum == nil {
                reader.problem(node, "\(what) needs 'max', 'min' or 'within'")
                return nil
            }
            if let minimum, let maximum, minimum > maximum {
                reader.problem(node, "'min' (\(JSONWriter.number(minimum))) is above 'max' (\(JSONWriter.number(maximum)))")
                return nil
            }
            guard let metric else { return nil }
            return .metric(MetricCheck(metric: metric, minimum: minimum, maximum: maximum))

        default:
            reader.problem(kindNode, "unknown check kind '\(kind)' (expected \(YAMLNodeReader.list(Self.checkKinds)))")
            return nil
        }
    }

    /// A phrase group from `list`, `lists` or inline `phrases` keys.
    private mutating func parseSource(_ entries: [String: Node], node: Node, item: String, label: String, name: String?)
        -> PhraseGroup?
    {
        var names: [String] = []
        if let listNode = entries["list"], let list = reader.string(listNode, "'list'") {
            names.append(list)
            references.append((list, listNode))
        }
        if let listsNode = entries["lists"], let lists = reader.strings(listsNode, "'lists'") {
            if lists.isEmpty { reader.problem(listsNode, "'lists' is empty") }
            names += lists
            references += lists.map { ($0, listsNode) }
        }
        if let phrasesNode = entries["phrases"], let phrases = reader.strings(phrasesNode, "'phrases'") {
            if phrases.isEmpty {
                reader.problem(phrasesNode, "'phrases' is empty")
            } else {
                let inline = "\(item)#\(label)"
                positions.record(list: inline, at: phrasesNode, phrases: phrasesNode)
                checkPhrases(phrases, in: phrasesNode, list: inline)
                inlineLists.append(Rubric.PhraseList(name: inline, phrases: phrases))
                names.append(inline)
            }
        }
        guard !names.isEmpty else {
            if entries["list"] == nil && entries["lists"] == nil && entries["phrases"] == nil {
                reader.problem(node, "\(label) of item '\(item)' needs 'list', 'lists' or 'phrases'")
            }
            return nil
        }
        return PhraseGroup(name: name ?? names.joined(separator: "+"), lists: names)
    }

    private mutating func parseSpeaker(_ node: Node?) -> SpeakerRole? {
        guard let node else { return .agent }
        guard let text = reader.string(node, "'speaker'") else { return nil }
        guard let role = SpeakerRole(rawValue: text) else {
            reader.problem(node, "'speaker' must be agent, customer or other, not '\(text)'")
            return nil
        }
        return role
    }

    /// A `window:` setting as read: absent, valid, or in error (already reported).
    private enum WindowSetting {
        case absent, valid(TurnWindow), invalid
    }

    private mutating func parseWindow(_ node: Node?) -> WindowSetting {
        guard let node else { return .absent }
        guard let entries = reader.mapping(node, "'window'",
            allowed: ["first-turns", "last-turns", "first-seconds", "last-seconds"]) else { return .invalid }
        let firstTurns = entries["first-turns"].map { reader.integer($0, "'first-turns'", minimum: 1) }
        let lastTurns = entries["last-turns"].map { reader.integer($0, "'last-turns'", minimum: 1) }
        let firstSeconds = entries["first-seconds"].map { reader.number($0, "'first-seconds'", in: 0.1...86_400) }
        let lastSeconds = entries["last-seconds"].map { reader.number($0, "'last-seconds'", in: 0.1...86_400) }
        let first = firstTurns != nil || firstSeconds != nil, last = lastTurns != nil || lastSeconds != nil
        guard first != last else {
            reader.problem(node, "'window' takes first-turns and/or first-seconds, or last-turns and/or last-seconds")
            return .invalid
        }
        // Each value is nil when absent, .some(nil) when present but invalid.
        let (turns, seconds) = first ? (firstTurns, firstSeconds) : (lastTurns, lastSeconds)
        if turns == .some(nil) || seconds == .some(nil) { return .invalid }
        let count = turns.flatMap { $0 }
        if let limit = seconds.flatMap({ $0 }) {
            return .valid(first ? .firstSeconds(limit, fallbackTurns: count ?? 1) : .lastSeconds(limit, fallbackTurns: count ?? 1))
        }
        return .valid(first ? .firstTurns(count!) : .lastTurns(count!))
    }

    static func isSemanticVersion(_ text: String) -> Bool {
        let core = text.split(separator: "-", maxSplits: 1)[0].split(separator: "+", maxSplits: 1)[0]
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }
}

extension NameCheck {
    /// 先生, 女士, 小姐 and other titles that follow a Chinese surname.
    public static let defaultTitlesAfter = ["先生", "女士", "小姐", "太太", "老师", "总", "经理", "師傅", "师傅"]
    /// Mr., Ms. and other titles that precede an English surname.
    public static let defaultTitlesBefore = ["Mr.", "Ms.", "Mrs.", "Miss", "Dr.", "Mr", "Ms", "Mrs", "Dr"]
    /// What customers say before their name.
    public static let defaultIntroductions = ["我姓", "免贵姓", "免貴姓", "我叫", "my name is", "my name's", "this is"]
}
