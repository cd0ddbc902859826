/// A length of time that trends are counted by: calendar days, ISO 8601
/// weeks (Monday to Sunday, numbered as ISO 8601 numbers them) or calendar
/// months. Days come from each call's `date` metadata, with no time zone.
public enum ReportPeriod: String, Sendable, CaseIterable, Hashable {
    case day, week, month

    /// The first day of the period holding `day`.
    public func start(of day: CallDay) -> CallDay {
        switch self {
        case .day: day
        case .week: day.weekStart
        case .month: day.monthStart
        }
    }

    /// The name of the period that starts on `start`: `2024-05-09`,
    /// `2024-W19` (ISO week-numbering year and week) or `2024-05`.
    public func label(ofPeriodStarting start: CallDay) -> String {
        switch self {
        case .day:
            return start.text
        case .week:
            let week = start.isoWeek
            return "\(CallDay.digits(week.year, 4))-W\(CallDay.digits(week.week, 2))"
        case .month:
            return String(start.text.prefix(7))
        }
    }
}
