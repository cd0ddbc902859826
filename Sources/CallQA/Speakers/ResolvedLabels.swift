/// Speaker labels resolved through a ``SpeakerLabels`` mapping, each distinct
/// label once: a call repeats a handful of labels on every turn.
struct ResolvedLabels {
    /// What a label stands for.
    struct Resolution {
        /// The role, when the label names one.
        var role: SpeakerRole?
        /// Whether the label looks like a speaker at all (a known role, a name,
        /// a speech engine's speaker ID); see ``SpeakerLabels/looksLikeSpeaker(_:)``.
        var isSpeaker: Bool
    }

    /// The mapping labels are resolved through.
    private(set) var labels = SpeakerLabels()
    private var known: [String: Resolution] = [:]

    /// Resolves through `labels` from now on, forgetting earlier resolutions
    /// if the mapping changed (a call declared other names).
    mutating func use(_ labels: SpeakerLabels) {
        guard labels != self.labels else { return }
        self.labels = labels
        known.removeAll(keepingCapacity: true)
    }

    /// What `label` stands for.
    mutating func resolve(_ label: String) -> Resolution {
        if let resolution = known[label] { return resolution }
        let role = labels.role(for: label)
        let resolution = Resolution(role: role, isSpeaker: role != nil || SpeakerLabels.looksLikeSpeaker(label))
        known[label] = resolution
        return resolution
    }
}
