/// An XML element read whole: its name, attributes, line and content.
///
/// The Transcriber and ELAN forms hold one call per file and refer across the
/// document (speaker IDs, time slots), so they are read into a small tree by
/// the same hardened reader that streams CallQA's own XML.
struct MarkupElement {
    /// A piece of an element's content.
    enum Content {
        case element(MarkupElement)
        case text(String)
    }

    /// The local name (no namespace prefix).
    var name: String
    /// The attributes, by local name.
    var attributes: [String: String]
    /// The line of the start tag.
    var line: Int?
    /// Child elements and text, in document order.
    var content: [Content] = []

    /// The value of an attribute, when present and not blank.
    subscript(_ attribute: String) -> String? {
        guard let value = attributes[attribute], !value.trimmingWhitespace().isEmpty else { return nil }
        return value
    }

    /// The child elements, in order.
    var children: [MarkupElement] {
        content.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// The child elements with a name, in order.
    func children(_ name: String) -> [MarkupElement] {
        children.filter { $0.name == name }
    }

    /// The first child element with a name.
    func child(_ name: String) -> MarkupElement? {
        children.first { $0.name == name }
    }

    /// Every piece of text inside, nested elements' text included.
    var text: String {
        content.map { piece in
            switch piece {
            case .text(let text): text
            case .element(let element): element.text
            }
        }.joined()
    }
}
