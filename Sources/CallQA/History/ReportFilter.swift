/// Which results a report counts: a range of call dates (`--from`, `--to`,
/// both days included) and the rubric versions chosen (`--rubric`).
///
/// A call with no readable `date` metadata is left out as soon as a date is
/// given; with no rubric chosen, every rubric counts.
public struct ReportFilter: Sendable, Equatable {
    /// The first day counted.
    public var from: CallDay?
    /// The last day counted.
    public var to: CallDay?
    /// The rubric versions counted; empty for every one.
    public var rubrics: [RubricChoice]

    /// A filter; by default, everything counts.
    public init(from: CallDay? = nil, to: CallDay? = nil, rubrics: [RubricChoice] = []) {
        self.from = from
        self.to = to
        self.rubrics = rubrics
    }

    /// Whether the filter leaves everything in.
    public var isEmpty: Bool { from == nil && to == nil && rubrics.isEmpty }

    /// Whether a result is counted.
    public func includes(_ record: ScoreRecord) -> Bool {
        includes(rubric: record.rubric) && includes(day: CallDay(of: record.metadata))
    }

    /// Whether results scored with `rubric` are counted.
    public func includes(rubric: RubricReference) -> Bool {
        rubrics.isEmpty || rubrics.contains { $0.matches(rubric) }
    }

    /// Whether a call on `day` (`nil`: undated) is counted.
    public func includes(day: CallDay?) -> Bool {
        guard from != nil || to != nil else { return true }
        guard let day else { return false }
        return (from.map { day >= $0 } ?? true) && (to.map { day <= $0 } ?? true)
    }
}
