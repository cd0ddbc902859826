/// Who is speaking in a turn, as far as scoring is concerned.
///
/// Readers map the speaker label written in a transcript (`Agent`, `T`, `坐席`,
/// `Customer`, `客户`, …) to a role. Anything that is neither the agent nor the
/// customer — a supervisor, an IVR prompt, a system note — is ``other``.
public enum SpeakerRole: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
    /// The contact-center agent whose work is scored.
    case agent
    /// The customer (caller) the agent is serving.
    case customer
    /// Any other speaker: a supervisor, an automated prompt, a third party.
    case other
}
