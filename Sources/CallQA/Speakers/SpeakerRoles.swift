/// The last step of reading a call, shared by every reader: speakers whose
/// labels name no role are guessed (``SpeakerRoleGuess``), and those still
/// without one are reported once each.
enum SpeakerRoles {
    /// The label of words a transcript gives no speaker (a caption without a
    /// voice); read as other, with a warning of its own from the reader.
    static let noSpeaker = "(no speaker)"

    /// Settles the roles of `call`'s speakers, warning (with the line of the
    /// speaker's first turn) about each guess and each speaker read as other.
    static func settle(_ call: inout Call, labels: SpeakerLabels, warn: (Int, String) -> Void) {
        if let guess = SpeakerRoleGuess.apply(to: &call, labels: labels) {
            let first = call.turns.first { $0.label == guess.agent || $0.label == guess.customer }
            warn(first?.line ?? 0, SpeakerRoleGuess.warning(for: guess))
        }
        var reported: Set<String> = []
        for turn in call.turns
        where turn.role == .other && turn.label != noSpeaker && labels.role(for: turn.label) == nil {
            if reported.insert(turn.label).inserted {
                warn(turn.line, "speaker \"\(turn.label)\" is neither agent nor customer; read as other")
            }
        }
    }
}
