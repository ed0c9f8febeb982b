import BackcheckScan

/// Everything the daemon keeps about one of its roots, in one place.
struct RootState {
    /// The root's settings, walker and schema step.
    var tree: WatchedRoot
    /// Reads and analyses the root's files with its rules.
    var reader: SourceReader
    /// What events asked of the root and is not done yet.
    var pending = PendingWork()
    /// Files in the tree, for the status line.
    var fileCount = 0
    /// Some of its directories are beyond the watch limit and polled (said once).
    var isPolled = false
    /// Its configuration failed to load on the last reload; the last good one is kept.
    var hasBrokenConfiguration = false
    /// When the wait for a git operation in the root began, while it waits.
    var gitWaitStarted: ContinuousClock.Instant?

    /// The root's absolute path.
    var path: String { tree.path }
}
