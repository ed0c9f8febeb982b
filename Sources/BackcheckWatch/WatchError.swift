/// Why a walk could not start. Problems below the root are `WalkDiagnostic`s, never errors.
public enum WatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The root does not exist.
    case rootMissing(path: String)
    /// The root exists but is not a directory.
    case rootNotDirectory(path: String)
    /// The root cannot be opened or listed.
    case rootUnreadable(path: String, reason: String)
    /// inotify could not be set up or a directory could not be watched.
    case inotify(reason: String)
    /// The per-user inotify watch limit is reached.
    case watchLimit(path: String)
    /// The daemon's own cap on inotify watches (`--max-watches`) is reached.
    case watchBudget(path: String, limit: Int)

    /// The kernel's watch limit or the daemon's own cap: the directory is to be polled instead.
    public var isWatchLimit: Bool {
        switch self {
        case .watchLimit, .watchBudget: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .rootMissing(let path):
            "\(path) does not exist; pass the repository's directory"
        case .rootNotDirectory(let path):
            "\(path) is not a directory; pass the repository's directory, not a file in it"
        case .rootUnreadable(let path, let reason):
            "cannot read \(path): \(reason); check its permissions or run as a user who can read it"
        case .inotify(let reason):
            "cannot watch for changes: \(reason)"
        case .watchLimit(let path):
            "cannot watch \(path): the inotify watch limit is reached; raise it with `sudo sysctl fs.inotify.max_user_watches=524288` (and in /etc/sysctl.d/ to keep it)"
        case .watchBudget(let path, let limit):
            "not watching \(path) with inotify: --max-watches \(limit) directories are watched already"
        }
    }
}
