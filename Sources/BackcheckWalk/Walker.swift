#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks a repository for the full audit: every file with a language that no ignore rule
/// excludes, with the metadata the store compares against (size, mtime, inode).
///
/// Directories are read with `openat`/`fdopendir` relative to their parent's descriptor and
/// never through a symlink, so nothing outside the root is read even if the tree changes during
/// the walk. File contents are not read, except the first 8 KiB to recognise binary files and
/// shebangs.
public struct Walker: Sendable {
    /// The absolute path of the walked directory, without a trailing `/`.
    public let root: String
    public let options: WalkOptions

    /// Prepares a walk of `root` (absolute, or relative to the current directory).
    public init(root: String, options: WalkOptions = WalkOptions()) {
        self.root = Self.normalized(root)
        self.options = options
    }

    /// Walks the tree, or only the directory `subtree` (root-relative; "" for the whole tree)
    /// with the ignore rules a full walk would apply there: what a full walk lists under it, and
    /// nothing when it is ignored, missing or reached through a symlink. Throws only when the
    /// root itself cannot be walked; problems below it are in the result's diagnostics.
    /// `entering` is told each directory's root-relative path ("" for the root) before the
    /// directory is listed.
    public func walk(subtree: String = "", entering: ((String) -> Void)? = nil) throws(WalkError) -> WalkResult {
        // The root itself may be a symlink: the user named it, so following it reads nothing
        // they did not ask for.
        let fd = openat(AT_FDCWD, root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            switch code {
            case ENOENT: throw .rootMissing(path: root)
            case ENOTDIR: throw .rootNotDirectory(path: root)
            default: throw .rootUnreadable(path: root, reason: PosixError(code: code).text)
            }
        }
        var session = WalkSession(root: root, options: options)
        session.entering = entering
        if subtree.isEmpty {
            session.walkDirectory(fd, relativePath: "", included: nil)
        } else {
            session.walkSubtree(subtree, rootFD: fd)
        }
        // A root that opens but cannot be listed is as fatal as one that cannot be opened.
        if let problem = session.diagnostics.first(where: { $0.path.isEmpty }) {
            throw .rootUnreadable(path: root, reason: problem.message)
        }
        return session.result()
    }

    /// The files at `relativePaths` as a walk would list them, by path; a path the walk would not
    /// list (missing, not a regular file, no language) is absent. Ignore rules are the caller's to
    /// apply first (the daemon asks `IgnoreRules` before any work).
    public func files(relativePaths: [String]) -> [String: WalkedFile] {
        var session = WalkSession(root: root, options: options)
        var found: [String: WalkedFile] = [:]
        for path in relativePaths {
            if let file = session.classify(relativePath: path) { found[path] = file }
        }
        return found
    }

    private static func normalized(_ path: String) -> String {
        var absolute = path
        if !absolute.hasPrefix("/"), let cwd = getcwd(nil, 0) {
            absolute = String(cString: cwd) + "/" + absolute
            free(cwd)
        }
        while absolute.count > 1, absolute.hasSuffix("/") { absolute.removeLast() }
        while absolute.hasSuffix("/.") { absolute.removeLast(2) }
        return absolute.isEmpty ? "/" : absolute
    }
}
