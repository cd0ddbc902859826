import Yams

/// A set of phrases a check looks for: the union of some lists.
public struct PhraseGroup: Sendable, Equatable {
    /// The group's name, shown when it is missing (`self-introduction`).
    public var name: String
    /// The lists whose phrases count.
    public var lists: [String]
    /// Lists of wordings that cancel an occurrence they overlap: `sorry`
    /// inside "sorry for the wait" is no apology for a complaint.
    public var except: [String] = []
}

extension PhraseGroup {
    /// The keys that give a group its phrases: a `list`, several `lists`, or
    /// `phrases` written in place.
    static let sourceKeys = ["list", "lists", "phrases", "except"]

    /// The group in the rubric's canonical JSON.
    func writeCanonical(to json: inout JSONWriter) {
        json.object { json in
            json.field("name", name)
            json.field("lists", lists)
            if !except.isEmpty { json.field("except", except) }
        }
    }
}

extension RubricParser {
    /// A phrase group from the `list`, `lists` or inline `phrases` keys among
    /// `entries`; phrases written in place become a list named `item#label`.
    mutating func phraseGroup(_ entries: [String: Node], node: Node, item: String, label: String, name: String?)
        -> PhraseGroup?
    {
        var names: [String] = []
        if let listNode = entries["list"], let list = reader.string(listNode, "'list'") {
            names.append(list)
            refer(to: list, at: listNode)
        }
        if let listsNode = entries["lists"], let lists = reader.strings(listsNode, "'lists'") {
            if lists.isEmpty { reader.problem(listsNode, "'lists' is empty") }
            names += lists
            for list in lists { refer(to: list, at: listsNode) }
        }
        if let phrasesNode = entries["phrases"], let phrases = reader.strings(phrasesNode, "'phrases'") {
            if phrases.isEmpty {
                reader.problem(phrasesNode, "'phrases' is empty")
            } else {
                let inline = "\(item)#\(label)"
                addInlineList(inline, phrases: phrases, at: phrasesNode)
                names.append(inline)
            }
        }
        var except: [String] = []
        if let exceptNode = entries["except"], let lists = reader.strings(exceptNode, "'except'") {
            if lists.isEmpty { reader.problem(exceptNode, "'except' is empty") }
            except = lists
            for list in lists { refer(to: list, at: exceptNode) }
        }
        guard !names.isEmpty else {
            if entries["list"] == nil && entries["lists"] == nil && entries["phrases"] == nil {
                reader.problem(node, "\(label) of item '\(item)' needs 'list', 'lists' or 'phrases'")
            }
            return nil
        }
        return PhraseGroup(name: name ?? names.joined(separator: "+"), lists: names, except: except)
    }

    /// A phrase group written as a mapping of its own (`trigger:`, `ask:`, a
    /// group of `groups:`), with an optional `name`.
    mutating func phraseGroup(_ node: Node, _ what: String, item: String, label: String, extraKeys: [String] = [])
        -> PhraseGroup?
    {
        guard let entries = reader.mapping(node, what, allowed: ["name"] + PhraseGroup.sourceKeys + extraKeys)
        else { return nil }
        let name = entries["name"].flatMap { reader.string($0, "a group's 'name'") }
        return phraseGroup(entries, node: node, item: item, label: label, name: name)
    }

    /// The phrase group under `key` of a check's entries, labelled by its key.
    mutating func phraseGroup(under key: String, of entries: [String: Node], item: String) -> PhraseGroup? {
        entries[key].flatMap { phraseGroup($0, "'\(key)'", item: item, label: key) }
    }
}
