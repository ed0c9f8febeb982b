import BackcheckModel

/// Every ignore source of one walked root, layered by git's precedence, highest first:
///
/// 1. backcheck's defaults (`.git`, editor temp files), which nothing re-includes;
/// 2. the configured exclude globs (root-relative);
/// 3. `.gitignore` files, the deepest directory's first, each relative to its directory;
/// 4. `.git/info/exclude`, then the global excludes file (both root-relative).
///
/// Within a source the last matching line wins, and a matching `!pattern` ends the search with
/// "not ignored". A path under an ignored directory is ignored: git never looks inside it.
/// Configured include globs then restrict which files (not directories) are walked.
///
/// The walker evaluates entries against the ignore files it loads while descending; the daemon
/// asks about single paths with `isIgnored(relativePath:isDirectory:)`, which loads the
/// `.gitignore` files it needs once and caches them.
public struct IgnoreRules: Sendable {
    /// The files and directories backcheck never looks at: the git directory, the temporary
    /// files editors write beside the file being edited (vim's `4913` probe included), and the
    /// cookies of `backcheck findings --sync`.
    static let defaultExcludes = [".git", "*.swp", "*.swo", "*~", ".#*", "4913", SyncCookie.prefix + "*"]

    /// The absolute path of the root every relative path is resolved against.
    public let root: String
    /// Whether `.gitignore` files are loaded.
    let usesGitIgnore: Bool
    private let defaults: IgnoreMatcher
    private let excludes: IgnoreMatcher
    private let includes: IgnoreMatcher
    /// `.git/info/exclude` then the global excludes file, highest precedence first.
    private let repositoryExcludes: [IgnoreMatcher]
    /// `.gitignore` matchers by root-relative directory ("" for the root), for single-path queries.
    private var cache: [String: IgnoreMatcher] = [:]

    /// Loads the root-wide sources: config globs, `.git/info/exclude` and the global excludes
    /// file (unreadable ones count as empty, as in git).
    public init(root: String, options: WalkOptions) {
        self.root = root
        usesGitIgnore = options.useGitIgnore
        defaults = IgnoreMatcher(lines: Self.defaultExcludes, directory: "")
        excludes = IgnoreMatcher(lines: options.excludes, directory: "")
        includes = IgnoreMatcher(lines: options.includes, directory: "")
        var repositoryExcludes: [IgnoreMatcher] = []
        if options.useGitIgnore {
            let files = [GitDirectory.infoExcludePath(root: root), options.globalExcludesFile]
            for case let file? in files {
                if let contents = try? Posix.readFile(file) {
                    repositoryExcludes.append(IgnoreMatcher(contents: contents, directory: ""))
                }
            }
        }
        self.repositoryExcludes = repositoryExcludes
    }

    /// Whether the walker skips `relativePath` (`/`-separated, relative to the root): it or one of
    /// its parent directories is ignored, or, for a file, include globs are set and none takes it.
    /// `.gitignore` files along the way are read once and cached.
    public mutating func isIgnored(relativePath: String, isDirectory: Bool) -> Bool {
        var path = Array(relativePath.utf8)
        while path.last == Byte.slash { path.removeLast() }
        guard !path.isEmpty else { return false }
        var nested: [IgnoreMatcher] = []
        var included: IgnoreMatcher.Verdict?
        var componentStart = 0
        while let slash = path[componentStart...].firstIndex(of: Byte.slash) {
            let directory = Array(path[..<slash])
            nested.appendIfPresent(gitIgnore(in: String(decoding: path[..<max(componentStart - 1, 0)], as: UTF8.self)))
            let ignored = directory.withUnsafeBufferPointer {
                included = includeVerdict($0, basenameStart: componentStart, isDirectory: true) ?? included
                return isExcluded($0, basenameStart: componentStart, isDirectory: true, nested: nested)
            }
            if ignored { return true }
            componentStart = slash + 1
        }
        nested.appendIfPresent(gitIgnore(in: String(decoding: path[..<max(componentStart - 1, 0)], as: UTF8.self)))
        return path.withUnsafeBufferPointer {
            if isExcluded($0, basenameStart: componentStart, isDirectory: isDirectory, nested: nested) { return true }
            guard !isDirectory, hasIncludes else { return false }
            return (includeVerdict($0, basenameStart: componentStart, isDirectory: false) ?? included) != .matched
        }
    }

    /// Drops the cached `.gitignore` of `relativeDirectory` ("" for the root), so the next query
    /// reads it again (the daemon calls this when that file changes).
    public mutating func forgetIgnoreFile(inDirectory relativeDirectory: String) {
        cache[relativeDirectory] = nil
    }

    /// Whether any include glob is configured.
    var hasIncludes: Bool { !includes.isEmpty }

    /// Whether the ignore sources exclude `path` (root-relative, last component at
    /// `basenameStart`), its parent directories having been found not ignored. `nested` holds the
    /// `.gitignore` matchers of those directories, root first.
    func isExcluded(
        _ path: UnsafeBufferPointer<UInt8>, basenameStart: Int, isDirectory: Bool, nested: [IgnoreMatcher]
    ) -> Bool {
        if defaults.verdict(path, basenameStart: basenameStart, isDirectory: isDirectory) != nil { return true }
        if let verdict = excludes.verdict(path, basenameStart: basenameStart, isDirectory: isDirectory) {
            return verdict == .matched
        }
        for matcher in nested.reversed() {
            if let verdict = matcher.verdict(path, basenameStart: basenameStart, isDirectory: isDirectory) {
                return verdict == .matched
            }
        }
        for matcher in repositoryExcludes {
            if let verdict = matcher.verdict(path, basenameStart: basenameStart, isDirectory: isDirectory) {
                return verdict == .matched
            }
        }
        return false
    }

    /// What the include globs say about `path` itself; nil leaves the decision to its directory.
    func includeVerdict(
        _ path: UnsafeBufferPointer<UInt8>, basenameStart: Int, isDirectory: Bool
    ) -> IgnoreMatcher.Verdict? {
        includes.verdict(path, basenameStart: basenameStart, isDirectory: isDirectory)
    }

    /// The `.gitignore` of a root-relative directory, read once; nil when absent or empty.
    private mutating func gitIgnore(in directory: String) -> IgnoreMatcher? {
        guard usesGitIgnore else { return nil }
        if let cached = cache[directory] { return cached.isEmpty ? nil : cached }
        let path = directory.isEmpty ? root + "/.gitignore" : root + "/" + directory + "/.gitignore"
        let matcher = IgnoreMatcher(contents: (try? Posix.readFile(path)) ?? [], directory: directory)
        cache[directory] = matcher
        return matcher.isEmpty ? nil : matcher
    }
}

extension Array where Element == IgnoreMatcher {
    fileprivate mutating func appendIfPresent(_ matcher: IgnoreMatcher?) {
        if let matcher { append(matcher) }
    }
}
