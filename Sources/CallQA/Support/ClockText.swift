/// Times in seconds written as a clock reads them: one formatter for notes,
/// tables and the transcripts CallQA writes, which differ only in the options.
///
/// ```swift
/// ClockText.text(65.4)                                           // "01:05"    notes
/// ClockText.text(3725)                                           // "1:02:05"
/// ClockText.text(4.25, fraction: .tenths)                        // "00:04.3"  inspect, explain
/// ClockText.text(4.25, hours: .always, fraction: .milliseconds)  // "00:00:04.25"  transcripts
/// ```
///
/// A time before the start of the call is written as the clock of its
/// distance from the start, after a minus sign: `-00:01.5`. Every `Double`
/// has a text: one that is not finite, or beyond a million hours, which no
/// clock shows, is written ``unknown`` (`--:--`).
package enum ClockText {
    /// Whether a clock shows the hours.
    package enum Hours: Sendable {
        /// Always, in two digits or more: `00:01:05`. The plain-text
        /// transcript form, which the readers read back.
        case always
        /// Only for an hour or more, then without a leading zero: `01:05`,
        /// `1:02:05`. What people read.
        case whenNeeded
    }

    /// What a clock shows below the second.
    package enum Fraction: Sendable {
        /// Nothing: the second the moment falls in (rounded down), so that a
        /// silence from 12.7 s to 14.2 s reads `00:12–00:14`. Notes.
        case wholeSeconds
        /// Tenths, when the time has any once rounded to the nearest tenth:
        /// `00:04.3`. Tables of turns.
        case tenths
        /// Milliseconds, when the time has any once rounded to the nearest
        /// millisecond, without trailing zeros: `00:00:04.25`. Transcripts
        /// written to be read back, which keep every time to the millisecond.
        case milliseconds

        /// Units in one second.
        fileprivate var scale: Int {
            switch self {
            case .wholeSeconds: 1
            case .tenths: 10
            case .milliseconds: 1000
            }
        }
    }

    /// `seconds` as a clock: minutes and seconds in two digits each, hours
    /// as `hours` says, the fraction as `fraction` says.
    package static func text(_ seconds: Double, hours: Hours = .whenNeeded, fraction: Fraction = .wholeSeconds)
        -> String
    {
        let scale = fraction.scale
        let magnitude = abs(seconds)
        guard magnitude < largest else { return unknown }
        let units =
            fraction == .wholeSeconds
            ? Int(magnitude.rounded(.down)) : Int((magnitude * Double(scale)).rounded())
        let whole = units / scale
        let part = units % scale
        let (hour, minute, second) = (whole / 3600, whole / 60 % 60, whole % 60)
        var text = seconds < 0 && units > 0 ? "-" : ""
        switch hours {
        case .always: text += "\(twoDigits(hour)):"
        case .whenNeeded: text += hour > 0 ? "\(hour):" : ""
        }
        text += "\(twoDigits(minute)):\(twoDigits(second))"
        if part > 0 {
            var digits = String(part + scale).dropFirst()
            while digits.last == "0" { digits.removeLast() }
            text += "." + digits
        }
        return text
    }

    /// What a time no clock shows is written as: `--:--`.
    package static let unknown = "--:--"

    /// Times from this many seconds on (a million hours) have no clock;
    /// below it every clock's units fit an `Int`. Not a number is never below.
    private static let largest = 3_600_000_000.0

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
