/// What a check concluded, before points are weighed.
struct CheckOutcome {
    var status: ItemStatus
    /// The share of the item's points earned, 0–1.
    var share: Double
    var evidence: [Evidence] = []
    var missing: [String] = []
    var note: String

    static func notApplicable(_ note: String, evidence: [Evidence] = []) -> CheckOutcome {
        CheckOutcome(status: .na, share: 0, evidence: evidence, note: note)
    }

    /// Pass, partial or fail from the share earned.
    static func graded(share: Double, partialCredit: Bool, evidence: [Evidence], missing: [String], note: String)
        -> CheckOutcome
    {
        let status: ItemStatus = share >= 1 ? .pass : share > 0 && partialCredit ? .partial : .fail
        return CheckOutcome(
            status: status, share: status == .fail ? 0 : min(share, 1), evidence: evidence,
            missing: missing, note: note)
    }
}
