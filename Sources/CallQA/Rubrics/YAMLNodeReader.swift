import Yams

/// Reads typed values out of a YAML node tree, recording a problem with line
/// and column for everything that is missing, unknown or of the wrong type.
struct YAMLNodeReader {
    private(set) var problems: [RubricError.Problem] = []

    mutating func problem(_ node: Node?, _ message: String) {
        problems.append(RubricError.Problem(line: node?.mark?.line, column: node?.mark?.column, message: message))
    }

    /// The entries of a mapping, with unknown keys and missing required keys reported.
    mutating func mapping(_ node: Node?, _ what: String, allowed: [String], required: [String] = [])
        -> [String: Node]?
    {
        guard let node else { return nil }
        guard case .mapping(let mapping) = node else {
            problem(node, "\(what) must be a mapping of keys to values")
            return nil
        }
        var result: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                problem(keyNode, "\(what) has a key that is not text")
                continue
            }
            if result[key] != nil {
                problem(keyNode, "\(what) has '\(key)' twice")
            } else if !allowed.contains(key) {
                problem(keyNode, "unknown key '\(key)' in \(what) (expected \(Self.list(allowed)))")
            }
            result[key] = value
        }
        for key in required where result[key] == nil {
            problem(node, "\(what) needs '\(key)'")
        }
        return result
    }

    /// The keys of a mapping in file order, with their nodes.
    mutating func orderedMapping(_ node: Node?, _ what: String) -> [(key: String, keyNode: Node, value: Node)] {
        guard let node else { return [] }
        guard case .mapping(let mapping) = node else {
            problem(node, "\(what) must be a mapping")
            return []
        }
        var seen: Set<String> = []
        var result: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                problem(keyNode, "\(what) has a key that is not text")
                continue
            }
            guard seen.insert(key).inserted else {
                problem(keyNode, "\(what) has '\(key)' twice")
                continue
            }
            result.append((key, keyNode, value))
        }
        return result
    }

    mutating func sequence(_ node: Node?, _ what: String) -> [Node]? {
        guard let node else { return nil }
        guard case .sequence(let sequence) = node else {
            problem(node, "\(what) must be a list")
            return nil
        }
        return Array(sequence)
    }

    /// A text value, exactly as written (`no` stays `no`, `1.0` stays `1.0`).
    mutating func string(_ node: Node?, _ what: String) -> String? {
        guard let node else { return nil }
        guard let text = node.scalar?.string else {
            problem(node, "\(what) must be text")
            return nil
        }
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty {
            problem(node, "\(what) is empty")
            return nil
        }
        return String(trimmed)
    }

    /// A list of texts; a single text is a list of one.
    mutating func strings(_ node: Node?, _ what: String) -> [String]? {
        guard let node else { return nil }
        if node.scalar != nil { return string(node, what).map { [$0] } }
        guard let items = sequence(node, what) else { return nil }
        return items.compactMap { string($0, "an entry of \(what)") }
    }

    mutating func number(_ node: Node?, _ what: String, in range: ClosedRange<Double>) -> Double? {
        guard let node else { return nil }
        guard let text = node.scalar?.string, let value = Double(text), value.isFinite else {
            problem(node, "\(what) must be a number")
            return nil
        }
        guard range.contains(value) else {
            problem(
                node,
                "\(what) must be from \(NumberText.shortest(range.lowerBound))"
                    + " to \(NumberText.shortest(range.upperBound)), not \(text)"
            )
            return nil
        }
        return value
    }

    mutating func integer(_ node: Node?, _ what: String, minimum: Int) -> Int? {
        guard let node else { return nil }
        guard let text = node.scalar?.string, let value = Int(text) else {
            problem(node, "\(what) must be a whole number")
            return nil
        }
        guard value >= minimum else {
            problem(node, "\(what) must be at least \(minimum), not \(value)")
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node?, _ what: String) -> Bool? {
        guard let node else { return nil }
        switch node.scalar?.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            problem(node, "\(what) must be true or false")
            return nil
        }
    }

    static func list(_ words: [String]) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " or " + words.last!
    }
}
