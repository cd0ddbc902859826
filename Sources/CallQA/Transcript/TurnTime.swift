/// The times a turn may carry: seconds from the start of the call, finite,
/// 0 or more and at most ``maximum`` (seven days).
///
/// Every reader holds the times it reads to this rule and rejects the call
/// of a turn that breaks it, naming the turn; every output that shows a time
/// shows only such times (``Turn/validStart``, ``Turn/validEnd``), so a time
/// that is not a number, infinite, negative or absurdly large never reaches
/// a clock, a metric or a file CallQA writes.
///
/// ```swift
/// TurnTime.isValid(12.5)          // true
/// TurnTime.isValid(-1)            // false
/// TurnTime.isValid(.nan)          // false
/// TurnTime.isValid(8 * 86_400)    // false: more than seven days
/// ```
public enum TurnTime {
    /// The latest time a turn may start or end: seven days (604,800 s) into
    /// the call, far beyond any recorded conversation, and small enough that
    /// every clock and sum of times stays exact.
    public static let maximum: Double = 7 * 24 * 3600

    /// Whether `seconds` is a time a turn may carry.
    public static func isValid(_ seconds: Double) -> Bool {
        seconds.isFinite && seconds >= 0 && seconds <= maximum
    }

    /// Why `seconds` is not a time a turn may carry (`is not a number`,
    /// `is before the call's start`, …); `nil` when it is one.
    package static func problem(_ seconds: Double) -> String? {
        if seconds.isNaN { return "is not a number" }
        if seconds.isInfinite { return "is infinite" }
        if seconds < 0 { return "is before the call's start (times are 0 or more)" }
        if seconds > maximum { return "is more than 7 days (\(NumberText.shortest(maximum)) s) into the call" }
        return nil
    }

    /// `seconds` as a message quotes it: `nan`, `inf`, `-5`, `1e+305`.
    package static func text(_ seconds: Double) -> String {
        if seconds.isNaN { return "nan" }
        if seconds.isInfinite { return seconds < 0 ? "-inf" : "inf" }
        return NumberText.shortest(seconds)
    }
}

extension Turn {
    /// ``start`` when it is a time a turn may carry (see ``TurnTime``);
    /// `nil` when it is unknown or not such a time.
    public var validStart: Double? {
        start.flatMap { TurnTime.isValid($0) ? $0 : nil }
    }

    /// ``end`` when it is a time a turn may carry (see ``TurnTime``); `nil`
    /// when it is unknown or not such a time.
    public var validEnd: Double? {
        end.flatMap { TurnTime.isValid($0) ? $0 : nil }
    }
}

extension Call {
    /// The call with every turn time that is not a valid time (see
    /// ``TurnTime``) left unknown; the call itself when all are valid.
    ///
    /// Readers never produce such times; a call built in code may, and this
    /// is what scoring sees of it, so that metrics, windows and evidence
    /// only ever use real times.
    package func withValidTimes() -> Call {
        guard turns.contains(where: { $0.validStart != $0.start || $0.validEnd != $0.end }) else { return self }
        var call = self
        for index in call.turns.indices {
            call.turns[index].start = call.turns[index].validStart
            call.turns[index].end = call.turns[index].validEnd
        }
        return call
    }
}
