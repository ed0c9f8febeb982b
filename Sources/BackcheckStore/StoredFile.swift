/// A file as last recorded, for the daemon's "did it change?" check (size, mtime, inode, then hash).
public struct StoredFile: Sendable, Hashable {
    /// Path relative to the root, `/`-separated.
    public var path: String
    /// Language name (`Language.rawValue`), or nil for a skipped file of unknown language.
    public var language: String?
    /// Size in bytes.
    public var size: Int64
    /// Modification time, nanoseconds since 1970.
    public var mtimeNanoseconds: Int64
    /// Inode number, to notice a file replaced by another of the same size and mtime.
    public var inode: UInt64
    /// Hex SHA-256 of the bytes, or nil when the file was not read.
    public var contentHash: String?
    /// Why the file was skipped, or nil when it was analysed.
    public var skipReason: String?
    /// The scan that last recorded it.
    public var lastScanId: Int64
}
