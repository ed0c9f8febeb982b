/// Why a directory cannot be watched for changes.
public enum WatcherError: Error, Sendable, Equatable, CustomStringConvertible {
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
        case .inotify: false
        }
    }

    public var description: String {
        switch self {
        case .inotify(let reason):
            "cannot watch for changes: \(reason)"
        case .watchLimit(let path):
            "cannot watch \(path): the inotify watch limit is reached; raise it with `sudo sysctl fs.inotify.max_user_watches=524288` (and in /etc/sysctl.d/ to keep it)"
        case .watchBudget(let path, let limit):
            "not watching \(path) with inotify: --max-watches \(limit) directories are watched already"
        }
    }
}
