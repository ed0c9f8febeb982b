import BackcheckModel

/// A file the walker found that belongs to backcheck: one with a language, either to analyse or
/// recorded as skipped.
public struct WalkedFile: Sendable, Hashable {
    /// What the analyzer does with a file.
    public enum Classification: Sendable, Hashable {
        /// Analyse it as this language.
        case source(Language)
        /// An OpenAPI or Swagger document (YAML or JSON), read for the api-docs checks.
        case apiDocument
        /// Do not read it; the reason is shown to the user (`binary`, `too large (…)`).
        case skipped(reason: String)
    }

    /// `/`-separated, relative to the walked root, without a leading `./`.
    public let relativePath: String
    public let absolutePath: String
    /// Size in bytes when it was stat'ed.
    public let size: Int
    /// Modification time in nanoseconds since the Unix epoch.
    public let modificationTimeNanoseconds: Int64
    public let inode: UInt64
    public let classification: Classification

    /// Creates a record; the walker is the usual source of these.
    public init(
        relativePath: String, absolutePath: String, size: Int, modificationTimeNanoseconds: Int64,
        inode: UInt64, classification: Classification
    ) {
        self.relativePath = relativePath
        self.absolutePath = absolutePath
        self.size = size
        self.modificationTimeNanoseconds = modificationTimeNanoseconds
        self.inode = inode
        self.classification = classification
    }
}
