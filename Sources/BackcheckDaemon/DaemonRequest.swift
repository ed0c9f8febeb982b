import BackcheckScan

/// What `backcheck watch` watches and where it keeps the results.
public struct DaemonRequest: Sendable {
    /// The repository roots to keep current (at least one).
    public var roots: [String]
    /// `--db`; nil to resolve from the first root's config and the environment.
    public var databasePath: String?
    /// The process environment (database location, `NOTIFY_SOCKET`, `WATCHDOG_USEC`).
    public var environment: [String: String]
    /// Worker count for analysis.
    public var parallelism: Int
    /// Quiet time before a batch is processed; nil for the first root's config `debounce-ms`.
    public var settleMilliseconds: Int?
    /// How changes are noticed.
    public var watcher: WatcherChoice
    /// The most directories watched with inotify (nil: up to the kernel's limit); the rest are
    /// polled.
    public var maxWatches: Int?
    /// Receives one line per notable event (start, batches, stop) for the journal.
    public var log: @Sendable (String) -> Void

    public init(roots: [String], databasePath: String? = nil, environment: [String: String],
                parallelism: Int = ParallelAnalysis.defaultParallelism, settleMilliseconds: Int? = nil,
                watcher: WatcherChoice = .auto, maxWatches: Int? = nil, log: @escaping @Sendable (String) -> Void) {
        self.roots = roots
        self.databasePath = databasePath
        self.environment = environment
        self.parallelism = max(1, parallelism)
        self.settleMilliseconds = settleMilliseconds
        self.watcher = watcher
        self.maxWatches = maxWatches
        self.log = log
    }
}

/// How the daemon notices changes.
public enum WatcherChoice: String, Sendable, CaseIterable {
    /// inotify, or polling where inotify cannot be set up.
    case auto
    /// inotify only: fail when it cannot be set up.
    case inotify
    /// Poll every watched directory (network file systems, containers without inotify).
    case polling
}
