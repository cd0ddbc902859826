/// Numbers as CallQA reports them: one rounding and one way of writing a
/// number, shared by JSON, CSV, tables, notes and messages.
///
/// ```swift
/// NumberText.rounded(87.456, places: 1)   // 87.5
/// NumberText.shortest(87.0)               // "87"
/// NumberText.shortest(0.456, places: 2)   // "0.46"
/// NumberText.seconds(31.96)              // "32 s"
/// NumberText.fixed(87.0, places: 1)       // "87.0"
/// NumberText.percent(0.856)               // "86%"
/// ```
package enum NumberText {
    /// `value` rounded to `places` decimals, halves away from zero: how
    /// scores, points, rates, shares and times are reported.
    package static func rounded(_ value: Double, places: Int) -> Double {
        let scale = (0..<places).reduce(1.0) { scale, _ in scale * 10 }
        return (value * scale).rounded() / scale
    }

    /// The shortest text that reads back as `number`, as JSON writes it: a
    /// whole number below 10^15 without a fraction (`87`, not `87.0`), any
    /// other number in Swift's shortest round-trip form (`87.5`, `1e+16`);
    /// `null` when the number is not finite.
    package static func shortest(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return "\(number)"
    }

    /// `value` rounded to `places` decimals (``rounded(_:places:)``), then
    /// written shortest (``shortest(_:)``): `41.5`, `32`, `1.12`.
    package static func shortest(_ value: Double, places: Int) -> String {
        shortest(rounded(value, places: places))
    }

    /// A measured duration as notes and summaries say it, to the tenth of a
    /// second: `32 s`, `1.5 s`.
    package static func seconds(_ value: Double) -> String {
        "\(shortest(value, places: 1)) s"
    }

    /// `value` with exactly `places` decimals, as table columns show numbers
    /// (`87.0`, `-0.25`); `—`, the empty cell, when there is no value or it
    /// is not finite. A value too large for its decimals (from 10^15) is
    /// written shortest (``shortest(_:)``).
    package static func fixed(_ value: Double?, places: Int) -> String {
        guard let value, value.isFinite else { return "—" }
        let scale = (0..<places).reduce(1) { scale, _ in scale * 10 }
        let scaled = (value * Double(scale)).rounded()
        guard abs(scaled) < 1e15 else { return shortest(value) }
        let units = Int(scaled)
        let whole = abs(units) / scale
        let fraction = String(abs(units) % scale + scale).dropFirst()
        return (units < 0 ? "-" : "") + "\(whole)" + (places > 0 ? "." + fraction : "")
    }

    /// A share from 0 to 1 as a whole percentage (`86%`); `—`, the empty
    /// cell, when there is no share or it is not finite.
    package static func percent(_ share: Double?) -> String {
        guard let share, share.isFinite else { return "—" }
        let percent = (share * 100).rounded()
        return abs(percent) < 1e15 ? "\(Int(percent))%" : "\(shortest(percent))%"
    }
}
