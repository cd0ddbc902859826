import Foundation
import Yams

/// Which speaker labels stand for the agent and which for the customer, as
/// the user says: the labels speech engines and annotation tools write
/// (`spk_0`, `ch_1`, `SPEAKER_01`, a tier called `Maria`) name no role.
///
/// A mapping is given on the command line (`--agent-label spk_0`,
/// `--customer-label spk_1`) or as a file of `label: role` lines:
///
/// ```yaml
/// # speakers.yaml
/// spk_0: agent
/// spk_1: customer
/// ch_0: agent
/// Maria: agent
/// ```
///
/// Labels are compared without regard to case. A mapped label wins over the
/// built-in labels of ``SpeakerLabels``. Labels that neither names are guessed
/// by ``SpeakerRoleGuess`` unless ``guessesRoles`` is off.
public struct SpeakerMapping: Sendable, Equatable, Hashable {
    /// The role of each mapped label, by its lower-cased form.
    public private(set) var roles: [String: SpeakerRole]
    /// Whether speakers whose label names no role are assigned one from what
    /// they say (with a warning), rather than read as ``SpeakerRole/other``.
    public var guessesRoles: Bool

    /// Creates a mapping.
    ///
    /// - Parameters:
    ///   - agentLabels: labels spoken by the agent.
    ///   - customerLabels: labels spoken by the customer.
    ///   - guessesRoles: whether unmapped, unknown labels are guessed.
    public init(agentLabels: [String] = [], customerLabels: [String] = [], guessesRoles: Bool = true) {
        roles = [:]
        self.guessesRoles = guessesRoles
        for label in agentLabels { set(label, to: .agent) }
        for label in customerLabels { set(label, to: .customer) }
    }

    /// Maps `label` to `role`, replacing any earlier mapping of it.
    public mutating func set(_ label: String, to role: SpeakerRole) {
        let key = Self.key(label)
        guard !key.isEmpty else { return }
        roles[key] = role
    }

    /// The role the user gave `label`, if any.
    public func role(for label: String) -> SpeakerRole? {
        roles.isEmpty ? nil : roles[Self.key(label)]
    }

    /// Whether no label is mapped.
    public var isEmpty: Bool { roles.isEmpty }

    /// Reads a mapping file of `label: role` lines (YAML).
    ///
    /// - Throws: ``SpeakerMappingError`` naming the line of a role that is not
    ///   `agent`, `customer` or `other`, or when the file is not such a mapping.
    public init(contentsOf url: URL) throws(SpeakerMappingError) {
        let path = url.relativePath
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw SpeakerMappingError(
                path: path, line: nil,
                message: FileManager.default.fileExists(atPath: path) ? "not UTF-8 text" : "no such file")
        }
        try self.init(yaml: text, path: path)
    }

    /// Parses a mapping from the text of a mapping file.
    public init(yaml: String, path: String) throws(SpeakerMappingError) {
        self.init()
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml, .basic)
        } catch {
            throw SpeakerMappingError(path: path, line: nil, message: "not YAML: \(error)")
        }
        guard let root else { throw SpeakerMappingError(path: path, line: nil, message: "the file maps no speakers") }
        guard let pairs = root.mapping else {
            throw SpeakerMappingError(
                path: path, line: root.mark.map { $0.line }, message: "expected 'label: role' lines")
        }
        for (keyNode, valueNode) in pairs {
            let line = keyNode.mark.map { $0.line }
            guard let label = keyNode.scalar?.string, let value = valueNode.scalar?.string else {
                throw SpeakerMappingError(path: path, line: line, message: "expected 'label: role'")
            }
            guard let role = SpeakerRole(rawValue: value.trimmingWhitespace().lowercased()) else {
                throw SpeakerMappingError(
                    path: path, line: line,
                    message: "role of \"\(label)\" must be agent, customer or other, not \"\(value)\"")
            }
            set(label, to: role)
        }
        if roles.isEmpty { throw SpeakerMappingError(path: path, line: nil, message: "the file maps no speakers") }
    }

    static func key(_ label: String) -> String {
        label.trimmingWhitespace().lowercased()
    }
}

/// A speaker mapping file that cannot be used.
public struct SpeakerMappingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// The 1-based line of the fault, when known.
    public var line: Int?
    /// What is wrong.
    public var message: String

    /// `path:line: message`.
    public var description: String {
        "\(path)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
