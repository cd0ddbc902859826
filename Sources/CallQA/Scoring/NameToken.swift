/// A name that an anonymised transcript replaced with a token (`#NAME#`,
/// `[姓名x]`, see ``RedactionToken``): a check reads the token as that name.
enum NameToken {
    /// Every name token in `text`, as written: its UTF-8 range and the token.
    static func all(in text: String) -> [(range: Range<Int>, token: String)] {
        Array(text.utf8).withUnsafeBufferPointer { bytes in
            RedactionToken.tokens(in: bytes).filter { $0.kind == .name }.map {
                ($0.range, String(decoding: UnsafeBufferPointer(rebasing: bytes[$0.range]), as: UTF8.self))
            }
        }
    }
}
