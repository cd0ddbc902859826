/// Tokens anonymised transcripts put in place of personal data: a label
/// between hashes (`#NAME#`, `#PHONENUMBER#`, `#PRS_ORG#`) or in square
/// brackets followed by a lower-case x (`[姓名x]`, `[数字x]`, `[订单x]`).
///
/// The shapes are recognised generically and classified by a keyword of the
/// label. Recognition works on normalised text (lower case, full-width
/// brackets as ASCII, traditional characters simplified) and on text as
/// written alike.
enum RedactionToken {
    /// What a redaction token stands for.
    enum Kind: Sendable, Equatable {
        /// A person's name: `NAME`, `姓名`, `名字`.
        case name
        /// A number, amount, date, time or phone or order number: `NUMBER`,
        /// `PHONE`, `数字`, `金额`, `电话`, `订单`, `日期`, `时间`, `编号`.
        case number
        /// A company or shop: `ORG`, `COMPANY`, `公司`, `店铺`.
        case organization
    }

    /// Keywords by kind, in the order they are tried: an organisation's name
    /// (`#COMPANY_NAME#`) is an organisation, a phone number a number.
    private static let keywords: [(Kind, [String])] = [
        (.organization, ["org", "company", "公司", "店铺"]),
        (.number, ["number", "phone", "数字", "金额", "电话", "订单", "日期", "时间", "编号", "數字", "金額", "電話", "訂單", "時間", "編號"]),
        (.name, ["name", "姓名", "名字"]),
    ]

    /// The kind a label names, in any case; `nil` for a label of no known kind.
    static func kind(ofLabel label: some StringProtocol) -> Kind? {
        let folded = label.lowercased()
        for (kind, words) in keywords where words.contains(where: folded.contains) { return kind }
        return nil
    }

    /// The kind of `token` when it is a whole redaction token (`#NAME#`, `[姓名x]`),
    /// else `nil`.
    static func kind(of token: String) -> Kind? {
        let bytes = Array(token.utf8)
        guard let found = bytes.withUnsafeBufferPointer({ self.token(at: 0, in: $0) }), found.end == bytes.count
        else { return nil }
        return found.kind
    }

    /// The redaction token that starts at byte `index`: where it ends and what it
    /// stands for (`nil` when the label is of no known kind).
    static func token(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (end: Int, kind: Kind?)? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "#"):
            var end = index + 1
            while end < bytes.count, end - index <= 32, isLabelByte(bytes[end]) { end += 1 }
            guard end > index + 1, end < bytes.count, bytes[end] == UInt8(ascii: "#") else { return nil }
            let label = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]), as: UTF8.self)
            return (end + 1, kind(ofLabel: label))
        case UInt8(ascii: "["):
            var end = index + 1
            while end < bytes.count, end - index <= 40, bytes[end] != UInt8(ascii: "]") {
                let (value, width) = UTF8Scalars.decode(at: end, in: bytes)
                guard let scalar = Unicode.Scalar(value),
                    ScalarClass.isUnspacedScript(scalar) || (value < 0x80 && isLabelByte(UInt8(value)))
                else { return nil }
                end += width
            }
            guard end < bytes.count, bytes[end] == UInt8(ascii: "]"), end - index >= 3,
                bytes[end - 1] == UInt8(ascii: "x") || bytes[end - 1] == UInt8(ascii: "X")
            else { return nil }
            let label = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<(end - 1)]), as: UTF8.self)
            return (end + 1, kind(ofLabel: label))
        default:
            return nil
        }
    }

    /// Every redaction token in normalised text, in order.
    static func tokens(in bytes: UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, kind: Kind?)] {
        var found: [(range: Range<Int>, kind: Kind?)] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "#") || byte == UInt8(ascii: "["), let token = token(at: index, in: bytes) {
                found.append((index..<token.end, token.kind))
                index = token.end
            } else {
                index += 1
            }
        }
        return found
    }

    private static func isLabelByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
            || byte == UInt8(ascii: "_")
    }
}
