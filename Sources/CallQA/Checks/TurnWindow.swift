import Yams

/// Which of a speaker's turns a check looks at.
public enum TurnWindow: Sendable, Equatable {
    /// The speaker's first N turns.
    case firstTurns(Int)
    /// The speaker's last N turns.
    case lastTurns(Int)
    /// Turns starting in the call's first N seconds; without timestamps, the
    /// speaker's first `fallbackTurns` turns.
    case firstSeconds(Double, fallbackTurns: Int)
    /// Turns starting in the call's last N seconds; without timestamps, the
    /// speaker's last `fallbackTurns` turns.
    case lastSeconds(Double, fallbackTurns: Int)
}

extension TurnWindow {
    /// The window in the rubric's canonical JSON: the case as Swift describes
    /// it (`firstTurns(3)`). Fingerprints of every rubric depend on this text.
    var canonicalText: String { "\(self)" }
}

/// A `window:` setting as read: absent, valid, or in error (already reported).
enum WindowSetting {
    case absent
    case valid(TurnWindow)
    case invalid
}

extension RubricParser {
    /// Reads a `window:` mapping: first or last turns, seconds, or both (the
    /// turns then stand in for the seconds in calls without timestamps).
    mutating func window(_ node: Node?) -> WindowSetting {
        guard let node else { return .absent }
        guard
            let entries = reader.mapping(
                node, "'window'",
                allowed: ["first-turns", "last-turns", "first-seconds", "last-seconds"])
        else { return .invalid }
        let firstTurns = entries["first-turns"].map { reader.integer($0, "'first-turns'", minimum: 1) }
        let lastTurns = entries["last-turns"].map { reader.integer($0, "'last-turns'", minimum: 1) }
        let firstSeconds = entries["first-seconds"].map { reader.number($0, "'first-seconds'", in: 0.1...86_400) }
        let lastSeconds = entries["last-seconds"].map { reader.number($0, "'last-seconds'", in: 0.1...86_400) }
        let first = firstTurns != nil || firstSeconds != nil
        let last = lastTurns != nil || lastSeconds != nil
        guard first != last else {
            reader.problem(node, "'window' takes first-turns and/or first-seconds, or last-turns and/or last-seconds")
            return .invalid
        }
        // Each value is nil when absent, .some(nil) when present but invalid.
        let (turns, seconds) = first ? (firstTurns, firstSeconds) : (lastTurns, lastSeconds)
        if turns == .some(nil) || seconds == .some(nil) { return .invalid }
        let count = turns.flatMap { $0 }
        if let limit = seconds.flatMap({ $0 }) {
            return .valid(
                first ? .firstSeconds(limit, fallbackTurns: count ?? 1) : .lastSeconds(limit, fallbackTurns: count ?? 1)
            )
        }
        return .valid(first ? .firstTurns(count!) : .lastTurns(count!))
    }
}

extension CallAnalysis {
    /// The turns by `role` a window covers, and a note when timestamps were
    /// missing and a turn window stood in for a time window.
    func turns(by role: SpeakerRole, in window: TurnWindow?, droppingLast dropped: Int = 0)
        -> (turns: [Int], note: String?)
    {
        var all = turns(by: role)
        if dropped > 0, dropped < all.count, window != nil { all.removeLast(dropped) }
        guard let window else { return (all, nil) }
        switch window {
        case .firstTurns(let count):
            return (Array(all.prefix(count)), nil)
        case .lastTurns(let count):
            return (Array(all.suffix(count)), nil)
        case .firstSeconds(let seconds, let fallback):
            guard call.isTimed else {
                return (
                    Array(all.prefix(fallback)),
                    "no timestamps: the \(role.rawValue)'s first \(Self.turnCount(fallback))"
                        + " stood in for the first \(NumberText.shortest(seconds)) s"
                )
            }
            let origin = call.turns.compactMap(\.start).min() ?? 0
            return (all.filter { call.turns[$0].start! - origin < seconds }, nil)
        case .lastSeconds(let seconds, let fallback):
            guard call.isTimed else {
                return (
                    Array(all.suffix(fallback)),
                    "no timestamps: the \(role.rawValue)'s last \(Self.turnCount(fallback))"
                        + " stood in for the last \(NumberText.shortest(seconds)) s"
                )
            }
            let end = call.turns.map { $0.end ?? $0.start! }.max() ?? 0
            return (all.filter { (call.turns[$0].end ?? call.turns[$0].start!) > end - seconds }, nil)
        }
    }
}
