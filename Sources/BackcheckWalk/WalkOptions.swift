#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BackcheckModel

/// What the walker reads and skips; plain values so any configuration source can fill it in.
public struct WalkOptions: Sendable, Equatable {
    /// 1 MiB: larger files are recorded as skipped, never read.
    public static let defaultMaxFileSize = 1_048_576

    /// Files larger than this many bytes are recorded as skipped.
    public var maxFileSize: Int
    /// Gitignore-syntax globs relative to the root, applied above every ignore file (so a `!glob`
    /// here re-includes what a `.gitignore` ignores).
    public var excludes: [String]
    /// Gitignore-syntax globs relative to the root; when non-empty only files matched by one (or
    /// lying under a directory matched by one) are walked.
    public var includes: [String]
    /// Language per file extension (without the dot, case-insensitive), before the built-in table.
    public var languageOverrides: [String: Language]
    /// Honour `.gitignore` files, `.git/info/exclude` and the global excludes file.
    public var useGitIgnore: Bool
    /// git's global excludes file, or nil for none; see `defaultGlobalExcludesFile()`.
    public var globalExcludesFile: String?

    /// Creates options; every parameter defaults to backcheck's default.
    public init(
        maxFileSize: Int = WalkOptions.defaultMaxFileSize,
        excludes: [String] = [],
        includes: [String] = [],
        languageOverrides: [String: Language] = [:],
        useGitIgnore: Bool = true,
        globalExcludesFile: String? = WalkOptions.defaultGlobalExcludesFile()
    ) {
        self.maxFileSize = maxFileSize
        self.excludes = excludes
        self.includes = includes
        self.languageOverrides = languageOverrides
        self.useGitIgnore = useGitIgnore
        self.globalExcludesFile = globalExcludesFile
    }

    /// Where git looks for the global excludes file when `core.excludesFile` is unset:
    /// `$XDG_CONFIG_HOME/git/ignore`, else `$HOME/.config/git/ignore`. git's config itself is not
    /// read (that would mean running or re-implementing git).
    public static func defaultGlobalExcludesFile() -> String? {
        if let xdg = environment("XDG_CONFIG_HOME") { return xdg + "/git/ignore" }
        if let home = environment("HOME") { return home + "/.config/git/ignore" }
        return nil
    }

    private static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let string = String(cString: value)
        return string.isEmpty ? nil : string
    }
}
