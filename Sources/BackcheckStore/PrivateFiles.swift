#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Creates files and directories that only their owner can read: the database holds code excerpts
/// and the key file holds the HMAC key, so neither may be readable by other users.
enum PrivateFiles {
    /// Creates `path` with mode 0600 if it does not exist; an existing file is left untouched.
    /// SQLite later creates `-wal` and `-shm` with the database file's mode, so doing this before
    /// SQLite opens the file makes all three private.
    static func createFile(_ path: String) throws(StoreError) {
        let fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: errnoDescription()) }
        close(fd)
    }

    /// Creates `directory` and any missing ancestors with mode 0700 (like `mkdir -p -m 700`,
    /// but every created component is private, not just the last one).
    static func createDirectories(_ directory: String) throws(StoreError) {
        var info = stat()
        if stat(directory, &info) == 0 { return }
        let parent = parentDirectory(of: directory)
        if parent != directory { try createDirectories(parent) }
        if mkdir(directory, 0o700) != 0 && errno != EEXIST {
            throw .cannotOpen(path: directory, reason: errnoDescription())
        }
    }

    /// The directory part of `path` (`.` for a bare file name, `/` for a top-level entry).
    static func parentDirectory(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    /// The user's home directory from the password database, for environments without `HOME`
    /// (some service managers); `/` if even that is missing.
    static func passwordDatabaseHome() -> String {
        guard let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir else { return "/" }
        return String(cString: dir)
    }

    /// The current `errno` as text, e.g. `Permission denied`.
    static func errnoDescription() -> String {
        String(cString: strerror(errno))
    }
}
