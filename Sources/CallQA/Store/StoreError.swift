/// Why a results store could not be opened, written or read: each case names
/// the file and the cause, as `callqa` prints it.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in kinds a caller may act on.
    public enum Kind: Sendable, Equatable {
        /// The file does not exist (reading only: writing creates it).
        case missing
        /// The file is not a SQLite database, or is one that CallQA did not make.
        case notAStore
        /// A newer CallQA wrote the store: its schema version is above this one's.
        case newerSchema(found: Int, known: Int)
        /// Results were scored with several versions of a rubric and none was chosen.
        case mixedVersions
        /// A rubric version asked for is not in the store, or names several.
        case rubricChoice
        /// SQLite failed (the disk is full, the file is read-only or locked too long, …).
        case database
        /// A stored result does not read back as a result.
        case damaged
    }

    /// The store's path, as given.
    public var path: String
    /// The kind of failure.
    public var kind: Kind
    /// The cause, in words.
    public var reason: String

    /// An error about the store at `path`.
    public init(path: String, kind: Kind, reason: String) {
        self.path = path
        self.kind = kind
        self.reason = reason
    }

    /// `PATH: REASON`.
    public var description: String { "\(path): \(reason)" }
}
