/// One rule file's path and bytes, from the embedded pack or a rule folder on disk.
public struct RuleFile: Sendable, Hashable {
    /// The path as given: `Rules/...` for the pack, absolute for a folder.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
