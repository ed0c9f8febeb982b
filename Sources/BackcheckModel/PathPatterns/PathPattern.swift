/// A pattern over root-relative paths in backcheck's one dialect, gitignore's: rule `paths:`,
/// config `include`/`exclude` and `findings --path` all read patterns this way.
///
/// - `*`, `?` and `[...]` stay inside one path segment; `**` crosses segments when it is a whole
///   segment (`**/x`, `x/**`, `x/**/y`);
/// - a pattern without a `/` (other than a trailing one) matches a name at any depth;
///   one with a `/` at the start or in the middle is anchored at the root (a leading `/` only
///   marks the anchor);
/// - a trailing `/` matches directories only;
/// - a file is selected when the pattern matches its path or one of its parent directories, so
///   `tests/` selects everything under any `tests` directory.
public struct PathPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let source: String
    /// The pattern ended with `/`: only directories match.
    public let isDirectoryOnly: Bool
    /// The pattern had no `/` (besides a trailing one): it is matched against one name.
    public let matchesBasename: Bool
    private let glob: GlobMatcher

    /// Parses `text`; nil when the pattern can never match (empty, or only `/`).
    public init?(_ text: String) {
        self.init(bytes: text.utf8)
    }

    /// Parses a pattern typed for a root-relative path, as `findings --path` takes it: leading
    /// `./` segments are dropped, so `./payments/` means `payments/`.
    public init?(typed text: String) {
        var text = Substring(text)
        while text.hasPrefix("./") { text = text.dropFirst(2) }
        self.init(String(text))
    }

    /// Parses a pattern given as bytes (an ignore-file line need not be UTF-8).
    public init?(bytes pattern: some Collection<UInt8>) {
        var bytes = Array(pattern)[...]
        let isDirectoryOnly = bytes.last == Byte.slash
        if isDirectoryOnly { bytes = bytes.dropLast() }
        let matchesBasename = !bytes.contains(Byte.slash)
        if !matchesBasename, bytes.first == Byte.slash { bytes = bytes.dropFirst() }
        guard !bytes.isEmpty else { return nil }
        source = String(decoding: pattern, as: UTF8.self)
        self.isDirectoryOnly = isDirectoryOnly
        self.matchesBasename = matchesBasename
        glob = GlobMatcher(bytes)
    }

    public var description: String { source }

    public static func == (lhs: PathPattern, rhs: PathPattern) -> Bool { lhs.source == rhs.source }
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }

    /// Whether the pattern matches `path` itself (root-relative, no leading or trailing `/`),
    /// whose last segment starts at `basenameStart`; parent directories are not consulted.
    public func matches(_ path: UnsafeBufferPointer<UInt8>, basenameStart: Int, isDirectory: Bool) -> Bool {
        if isDirectoryOnly, !isDirectory { return false }
        if matchesBasename {
            return glob.matches(UnsafeBufferPointer(rebasing: path[basenameStart...]))
        }
        return glob.matches(path)
    }

    /// Whether the file at root-relative `path` is selected: the pattern matches the path or
    /// one of its parent directories.
    public func selects(file path: String) -> Bool {
        Array(path.utf8).withUnsafeBufferPointer { selects(file: $0) }
    }

    /// ``selects(file:)`` for a path already in bytes, so one conversion serves many patterns.
    public func selects(file path: UnsafeBufferPointer<UInt8>) -> Bool {
        var segmentStart = 0
        for index in path.indices where path[index] == Byte.slash {
            if matches(UnsafeBufferPointer(rebasing: path[..<index]), basenameStart: segmentStart, isDirectory: true) {
                return true
            }
            segmentStart = index + 1
        }
        return matches(path, basenameStart: segmentStart, isDirectory: false)
    }
}
