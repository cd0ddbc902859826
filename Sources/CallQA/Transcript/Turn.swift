/// One speaker's uninterrupted contribution to a call.
///
/// The text is kept exactly as the transcript wrote it (continuation lines are
/// joined with a line feed). Matching works on a normalised copy, but evidence
/// always quotes this text, so a reviewer sees the real words.
public struct Turn: Sendable, Codable, Equatable, Hashable {
    /// The role the speaker label was mapped to.
    public var role: SpeakerRole
    /// The speaker label as written in the transcript (`T`, `客服`, `Agent Maria`).
    public var label: String
    /// When the turn starts, in seconds from the start of the call, if known.
    public var start: Double?
    /// When the turn ends, in seconds from the start of the call, if known.
    public var end: Double?
    /// The words spoken, exactly as written.
    public var text: String
    /// The 1-based line of the transcript file where the turn begins.
    public var line: Int

    /// Creates a turn.
    ///
    /// - Parameters:
    ///   - role: the speaker's role.
    ///   - label: the speaker label as written; defaults to the role's name.
    ///   - start: start time in seconds, if known.
    ///   - end: end time in seconds, if known.
    ///   - text: the words spoken.
    ///   - line: the 1-based line where the turn begins in its file.
    public init(
        role: SpeakerRole, label: String? = nil, start: Double? = nil, end: Double? = nil,
        text: String, line: Int = 0
    ) {
        self.role = role
        self.label = label ?? role.rawValue
        self.start = start
        self.end = end
        self.text = text
        self.line = line
    }

    /// The duration of the turn in seconds, when both times are known.
    public var duration: Double? {
        guard let start, let end else { return nil }
        return end - start
    }
}
