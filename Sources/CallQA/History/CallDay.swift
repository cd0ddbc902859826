/// A calendar day, as a call's `date` metadata gives it: the day number
/// counted from 1970-01-01 (day 0), so that days, ISO weeks and months can be
/// told apart and ordered without a calendar library or a time zone.
///
/// ```swift
/// let day = CallDay(metadata: "2024-05-09T14:03:00Z")!   // the 9th of May 2024
/// day.text                                               // "2024-05-09"
/// day.isoWeek                                            // (year: 2024, week: 19)
/// ```
public struct CallDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public var number: Int

    /// The day `number` days after 1970-01-01.
    public init(number: Int) {
        self.number = number
    }

    /// The day of a year, month (1–12) and day of the month, or `nil` when
    /// there is no such day (the 30th of February, the 0th of May).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= Self.daysIn(month: month, year: year)
        else { return nil }
        number = Self.dayNumber(year: year, month: month, day: day)
    }

    /// The day a call's `date` metadata names: `YYYY-MM-DD`, alone or followed
    /// by a time (`T…` or a space and anything). `nil` for anything else, so a
    /// call with no date, or one that cannot be read, is "undated".
    public init?(metadata text: String) {
        let bytes = Array(text.utf8.prefix(11))
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        if bytes.count == 11, bytes[10] != UInt8(ascii: "T"), bytes[10] != UInt8(ascii: " ") { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The day of a call's `date` metadata, if it has one that reads as a day.
    public init?(of metadata: [String: String]) {
        guard let text = metadata[Self.metadataKey] else { return nil }
        self.init(metadata: text)
    }

    /// The metadata key that dates a call.
    public static let metadataKey = "date"

    /// The year, month (1–12) and day of the month.
    public var date: (year: Int, month: Int, day: Int) {
        // Days to civil date (proleptic Gregorian), counted in 400-year eras.
        let shifted = number + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The day of the week, 1 (Monday) to 7 (Sunday), as ISO 8601 numbers them.
    public var weekday: Int {
        // 1970-01-01 was a Thursday.
        ((number + 3) % 7 + 7) % 7 + 1
    }

    /// The Monday that starts the day's ISO week.
    public var weekStart: CallDay { CallDay(number: number - (weekday - 1)) }

    /// The first day of the day's month.
    public var monthStart: CallDay {
        let date = date
        return CallDay(number: Self.dayNumber(year: date.year, month: date.month, day: 1))
    }

    /// The ISO 8601 week-numbering year and week (1–53): weeks start on
    /// Monday, and week 1 is the week holding the year's first Thursday.
    public var isoWeek: (year: Int, week: Int) {
        let thursday = CallDay(number: number - (weekday - 1) + 3)
        let year = thursday.date.year
        let firstDay = Self.dayNumber(year: year, month: 1, day: 1)
        return (year, (thursday.number - firstDay) / 7 + 1)
    }

    /// `YYYY-MM-DD`.
    public var text: String {
        let date = date
        return "\(Self.digits(date.year, 4))-\(Self.digits(date.month, 2))-\(Self.digits(date.day, 2))"
    }

    /// `YYYY-MM-DD`.
    public var description: String { text }

    /// Earlier days first.
    public static func < (lhs: CallDay, rhs: CallDay) -> Bool { lhs.number < rhs.number }

    /// `value` in `count` digits, zeros first.
    static func digits(_ value: Int, _ count: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, count - text.count)) + text
    }

    private static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Civil date to days since 1970-01-01 (proleptic Gregorian).
    private static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let year = month <= 2 ? year - 1 : year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
