import BackcheckModel

/// What one pass over one file produced: its identity on disk and its findings, or why it was skipped.
public struct FileResult: Sendable, Hashable {
    /// Path relative to the root, `/`-separated.
    public var path: String
    /// Language name (`Language.rawValue`), or nil for a skipped file of unknown language.
    public var language: String?
    public var size: Int64
    /// Modification time, nanoseconds since 1970.
    public var mtimeNanoseconds: Int64
    public var inode: UInt64
    /// Hex SHA-256 of the bytes, or nil when the file was not read.
    public var contentHash: String?
    public var outcome: Outcome
    /// What becomes of the file's stored SQL facts (docs/DESIGN.md §6), which let the daemon know every
    /// file's facts on start without reading the files.
    public var sqlFacts: StoredFacts = .keep
    /// What becomes of the file's stored api-docs and testing facts (routes, OpenAPI document,
    /// tests), kept for the same reason as ``sqlFacts``.
    public var apiFacts: StoredFacts = .keep
    /// What becomes of the file's stored source summary (``FileSourceSummary``, JSON): an audit
    /// reuses it for a file whose size, mtime and inode are as recorded. Any other analysis of
    /// the file without a new summary drops it.
    public var summaryFacts: StoredFacts = .keep
    /// What the file is for (README, "File roles"); a skipped file gets its role from its path.
    public var role: FileRole = .source

    /// See ``sqlFacts``.
    public enum StoredFacts: Sendable, Hashable {
        /// The stored facts stand (the bytes are those they were extracted from).
        case keep
        /// The facts are these (JSON), or none.
        case replace(String?)
    }

    public enum Outcome: Sendable, Hashable {
        /// Analysed; these are all its findings (including suppressed ones).
        case analyzed([Finding])
        /// Not analysed; the reason is shown to users (`binary`, `too large (3.2 MiB > 1 MiB)`, ...).
        case skipped(reason: String)
        /// Not analysed again: the bytes hash to what was analysed last time under the same rules
        /// (a `touch`, a save without edits, a checkout back and forth), so the findings recorded
        /// then stand. Only the file's identity on disk is new.
        case unchanged
    }

    public init(path: String, language: String?, size: Int64, mtimeNanoseconds: Int64, inode: UInt64,
                contentHash: String?, outcome: Outcome) {
        self.path = path
        self.language = language
        self.size = size
        self.mtimeNanoseconds = mtimeNanoseconds
        self.inode = inode
        self.contentHash = contentHash
        self.outcome = outcome
    }

    /// Why the file was skipped, or nil when it was analysed.
    public var skipReason: String? {
        if case .skipped(let reason) = outcome { return reason }
        return nil
    }

    /// The findings of an analysed file; empty when skipped.
    public var findings: [Finding] {
        if case .analyzed(let findings) = outcome { return findings }
        return []
    }
}
