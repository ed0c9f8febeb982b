import BackcheckScan

/// Why `backcheck watch` could not start or had to stop; each message says what to do.
public enum DaemonError: Error, Sendable, CustomStringConvertible {
    /// Another daemon holds the database's lock.
    case alreadyRunning(database: String, pid: Int32?)
    /// A root's setup failed (missing root, bad config or rules, database trouble).
    case scan(ScanError)
    /// inotify could not be set up.
    case watcher(WatcherError)
    /// inotify or another system facility failed.
    case system(String)

    /// Whether the user can fix it by changing arguments or config (exit 2) rather than an
    /// environmental failure (exit 3).
    public var isUsageError: Bool {
        switch self {
        case .alreadyRunning: true
        case .scan(let error): error.isUsageError
        case .watcher, .system: false
        }
    }

    public var description: String {
        switch self {
        case .alreadyRunning(let database, let pid):
            "another backcheck watch\(pid.map { " (pid \($0))" } ?? "") is already writing \(database); stop it first (`systemctl --user stop backcheck`) or pass a different --db"
        case .scan(let error): "\(error)"
        case .watcher(let error): "\(error)"
        case .system(let reason): reason
        }
    }
}
