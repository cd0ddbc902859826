/// A name that an anonymised transcript replaced with a token: `#NAME#`, or
/// `[姓名x]` / `[姓名]`. Anonymisers put such tokens where a person's name was,
/// so a check reads the token as that name.
enum NameToken {
    /// The tokens' labels that stand for a person's name.
    static let labels: Set<String> = ["NAME", "姓名", "名字", "PERSON", "人名"]

    /// Every name token in `text`: its UTF-8 range and the token as written.
    static func all(in text: String) -> [(range: Range<Int>, token: String)] {
        let bytes = Array(text.utf8)
        var found: [(Range<Int>, String)] = []
        var index = 0
        while index < bytes.count {
            let open = bytes[index]
            guard open == 0x23 || open == 0x5B else {
                index += 1
                continue
            }
            let close: UInt8 = open == 0x23 ? 0x23 : 0x5D
            var end = index + 1
            while end < bytes.count, bytes[end] != close, bytes[end] != 0x0A, end - index < 40 { end += 1 }
            guard end < bytes.count, bytes[end] == close, end > index + 1 else {
                index += 1
                continue
            }
            var label = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
            if open == 0x5B, label.hasSuffix("x") { label.removeLast() }
            if labels.contains(label) {
                found.append((index..<(end + 1), String(decoding: bytes[index...end], as: UTF8.self)))
                index = end + 1
            } else {
                index = open == 0x23 ? end : index + 1
            }
        }
        return found
    }
}
