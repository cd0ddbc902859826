import Yams

/// Where lists, phrases and items stand in a rubric's file (1-based line and
/// column), so that warnings about them can point there.
package struct RubricPositions: Sendable, Equatable {
    /// A line and column.
    package struct Place: Sendable, Equatable {
        /// The 1-based line.
        package var line: Int
        /// The 1-based column.
        package var column: Int
    }

    /// Where each list's name is.
    package var lists: [String: Place] = [:]
    /// Where each phrase of each list is, in list order.
    package var phrases: [String: [Place]] = [:]
    /// Where each item's id is.
    package var items: [String: Place] = [:]
    /// Where each item's weight is.
    package var weights: [String: Place] = [:]
    /// Where each item's window is, for items that have one.
    package var windows: [String: Place] = [:]

    /// Creates empty positions.
    package init() {}

    mutating func record(list name: String, at node: Node, phrases: Node) {
        lists[name] = Self.place(node)
        if case .sequence(let sequence) = phrases {
            self.phrases[name] = sequence.compactMap(Self.place)
        } else if let place = Self.place(phrases) {
            self.phrases[name] = [place]
        }
    }

    mutating func record(item id: String, at node: Node, weight: Node?, window: Node?) {
        items[id] = Self.place(node)
        weights[id] = weight.flatMap(Self.place)
        windows[id] = window.flatMap(Self.place)
    }

    private static func place(_ node: Node) -> Place? {
        node.mark.map { Place(line: $0.line, column: $0.column) }
    }
}
