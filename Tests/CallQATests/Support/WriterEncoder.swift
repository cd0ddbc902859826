import CallQA

/// Encodes a value through its `Encodable` form with CallQA's own
/// ``JSONWriter``: keys in the order the value encodes them, numbers and
/// strings as the tool writes them. So the bytes can be compared with the
/// tool's output, which `JSONEncoder` (keys in no fixed order) cannot give.
struct WriterEncoder {
    /// Indent as `--format json` does; otherwise one line, as `--format jsonl`.
    var pretty = false

    /// The JSON text of `value`.
    func encode(_ value: some Encodable) throws -> String {
        let root = Node()
        try value.encode(to: TreeEncoder(node: root, codingPath: []))
        var json = JSONWriter(pretty: pretty)
        root.write(to: &json)
        return json.text
    }
}

/// One JSON value under construction; containers are filled in as values
/// are encoded into them, in order.
private final class Node {
    enum Value {
        case empty
        case object([(key: String, node: Node)])
        case array([Node])
        case string(String)
        case integer(Int)
        case number(Double)
        case flag(Bool)
        case null
    }
    var value = Value.empty

    func child(forKey key: String) -> Node {
        let child = Node()
        if case .object(var fields) = value {
            fields.append((key, child))
            value = .object(fields)
        } else {
            value = .object([(key, child)])
        }
        return child
    }

    func appended() -> Node {
        let child = Node()
        if case .array(var elements) = value {
            elements.append(child)
            value = .array(elements)
        } else {
            value = .array([child])
        }
        return child
    }

    func makeObject() { if case .object = value {} else { value = .object([]) } }
    func makeArray() { if case .array = value {} else { value = .array([]) } }

    /// Stores a scalar directly, or encodes a composite value into this node.
    func set(_ encodable: some Encodable, codingPath: [any CodingKey]) throws {
        switch encodable {
        case let string as String: value = .string(string)
        case let flag as Bool: value = .flag(flag)
        case let integer as Int: value = .integer(integer)
        case let number as Double: value = .number(number)
        default: try encodable.encode(to: TreeEncoder(node: self, codingPath: codingPath))
        }
    }

    func write(to json: inout JSONWriter) {
        switch value {
        case .empty, .null: json.null()
        case .object(let fields):
            json.object { json in
                for (key, node) in fields {
                    json.key(key)
                    node.write(to: &json)
                }
            }
        case .array(let elements): json.array { json in elements.forEach { $0.write(to: &json) } }
        case .string(let string): json.value(string)
        case .integer(let integer): json.value(integer)
        case .number(let number): json.value(number)
        case .flag(let flag): json.value(flag)
        }
    }
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}

private struct TreeEncoder: Encoder {
    let node: Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(node: node, codingPath: codingPath)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.child(forKey: key.stringValue).value = .null }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try node.child(forKey: key.stringValue).set(value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
            .container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TreeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]
    var count: Int { if case .array(let elements) = node.value { elements.count } else { 0 } }

    private var nextPath: [any CodingKey] { codingPath + [AnyKey(intValue: count)] }

    mutating func encodeNil() throws { node.appended().value = .null }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = nextPath
        try node.appended().set(value, codingPath: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let path = nextPath
        return TreeEncoder(node: node.appended(), codingPath: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = nextPath
        return TreeEncoder(node: node.appended(), codingPath: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let path = nextPath
        return TreeEncoder(node: node.appended(), codingPath: path)
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.value = .null }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try node.set(value, codingPath: codingPath)
    }
}
