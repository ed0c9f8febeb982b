#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BackcheckModel

/// Locates a repository's git directory, also for linked worktrees and submodules, whose `.git`
/// is a file naming the real git directory.
public enum GitDirectory {
    /// The git directory of the repository whose top level is `root`: `root/.git` (whether or not
    /// it exists), or the directory a `.git` file names; nil when the `.git` file names none.
    public static func path(root: String) -> String? {
        guard let pointer = try? Posix.readFile(root + "/.git") else {
            // The common case: `.git` is a directory (readFile says nil), or there is none, and
            // then the path simply does not exist.
            return root + "/.git"
        }
        return pathValue(pointer, key: "gitdir:", relativeTo: root)
    }

    /// Whether git holds the repository's index lock: a checkout, merge or rebase is rewriting
    /// the tree, and what it has written so far is not what it will leave.
    public static func isLocked(root: String) -> Bool {
        guard let directory = path(root: root) else { return false }
        return access(directory + "/index.lock", F_OK) == 0
    }

    /// The path of `info/exclude` for the repository whose top level is `root`, or nil when the
    /// `.git` file names no git directory.
    static func infoExcludePath(root: String) -> String? {
        guard let gitDirectory = path(root: root) else { return nil }
        // A linked worktree shares info/exclude with the main repository: `commondir` says where.
        if let common = try? Posix.readFile(gitDirectory + "/commondir"),
           let commonDirectory = pathValue(common, key: "", relativeTo: gitDirectory) {
            return commonDirectory + "/info/exclude"
        }
        return gitDirectory + "/info/exclude"
    }

    /// The first line's value after `key`, made absolute against `base`.
    private static func pathValue(_ bytes: [UInt8], key: String, relativeTo base: String) -> String? {
        let line = String(decoding: bytes.prefix { $0 != Byte.newline }, as: UTF8.self)
        guard line.hasPrefix(key) else { return nil }
        var value = line.dropFirst(key.count)
        while value.first == " " || value.first == "\t" { value = value.dropFirst() }
        while value.last == " " || value.last == "\t" || value.last == "\r" { value = value.dropLast() }
        guard !value.isEmpty else { return nil }
        return value.hasPrefix("/") ? String(value) : base + "/" + value
    }
}
