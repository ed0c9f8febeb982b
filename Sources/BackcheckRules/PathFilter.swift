#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A rule's `paths:`: globs over the file's path relative to the root. `*` also matches `/`
/// (so `*settings.py` finds every settings file), `?` and `[...]` as in the shell.
public struct PathFilter: Sendable, Hashable {
    /// When not empty, the file must match one of these.
    public var include: [String]
    /// The file must match none of these.
    public var exclude: [String]

    public init(include: [String] = [], exclude: [String] = []) {
        self.include = include
        self.exclude = exclude
    }

    /// Whether a file at `path` is in scope.
    public func accepts(_ path: String) -> Bool {
        if !include.isEmpty, !include.contains(where: { Self.matches($0, path) }) { return false }
        return !exclude.contains { Self.matches($0, path) }
    }

    private static func matches(_ pattern: String, _ path: String) -> Bool {
        fnmatch(pattern, path, 0) == 0
    }
}
