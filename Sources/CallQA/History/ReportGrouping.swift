/// What `callqa report --by` groups calls by: the agent (the summaries as
/// `score` prints them), a period of the calls' dates (a trend per agent), or
/// the value of another metadata key (`queue`, `team`, …).
public enum ReportGrouping: Sendable, Hashable, CustomStringConvertible {
    /// One summary per agent.
    case agent
    /// Each agent's figures period by period, with the change from the one before.
    case period(ReportPeriod)
    /// Each agent's figures per value of a metadata key.
    case metadata(String)

    /// `agent`, `day`, `week` and `month` name the first two kinds; any other
    /// word is a metadata key (`date` itself is refused: group by a period).
    /// `nil` for an empty key or `date`.
    public init?(_ text: String) {
        if text == "agent" {
            self = .agent
        } else if let period = ReportPeriod(rawValue: text) {
            self = .period(period)
        } else if text.isEmpty || text == CallDay.metadataKey {
            return nil
        } else {
            self = .metadata(text)
        }
    }

    /// The period grouped by; `nil` when grouping by agent or metadata.
    public var period: ReportPeriod? {
        if case .period(let period) = self { period } else { nil }
    }

    /// The word that names the grouping on the command line.
    public var description: String {
        switch self {
        case .agent: "agent"
        case .period(let period): period.rawValue
        case .metadata(let key): key
        }
    }
}
