/// A rubric version named on the command line as `ID@VERSION`, or
/// `ID@VERSION@SHA256-PREFIX` when one version was stored with more than one
/// content (the rubric was edited without a new version number).
///
/// ```swift
/// let choice = RubricChoice("zh-standard@1.2.0")!
/// choice.matches(card.rubric)
/// ```
public struct RubricChoice: Sendable, Hashable, CustomStringConvertible {
    /// The rubric's id.
    public var id: String
    /// Its version.
    public var version: String
    /// The start of its SHA-256, when given.
    public var sha256Prefix: String?

    /// Parses `ID@VERSION` or `ID@VERSION@SHA256-PREFIX`; `nil` when a part
    /// is empty or missing.
    public init?(_ text: String) {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        id = parts[0]
        version = parts[1]
        sha256Prefix = parts.count == 3 ? parts[2].lowercased() : nil
    }

    /// The choice naming exactly `rubric` (its full SHA-256 included).
    public init(_ rubric: RubricReference) {
        id = rubric.id
        version = rubric.version
        sha256Prefix = rubric.sha256
    }

    /// Whether `rubric` is the version chosen.
    public func matches(_ rubric: RubricReference) -> Bool {
        rubric.id == id && rubric.version == version && (sha256Prefix.map { rubric.sha256.hasPrefix($0) } ?? true)
    }

    /// `ID@VERSION`, with `@SHA256-PREFIX` when given.
    public var description: String {
        "\(id)@\(version)" + (sha256Prefix.map { "@\($0)" } ?? "")
    }

    /// The name `rubric` is chosen by: `ID@VERSION`, or with the first 12
    /// characters of its SHA-256 when `others` hold another content of the
    /// same version.
    public static func name(of rubric: RubricReference, among others: [RubricReference]) -> String {
        let ambiguous = others.contains { $0.id == rubric.id && $0.version == rubric.version && $0 != rubric }
        return "\(rubric.id)@\(rubric.version)" + (ambiguous ? "@\(rubric.sha256.prefix(12))" : "")
    }
}
