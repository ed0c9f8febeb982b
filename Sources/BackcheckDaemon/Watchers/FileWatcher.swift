/// What tells the daemon that something in a watched directory changed (docs/DESIGN.md §8). Watchers
/// watch directories, never files, and report entry names; the daemon re-stats what they name,
/// so a watcher may report too much but must never miss a change for long.
public protocol FileWatcher: AnyObject {
    /// Shown in logs and `status`: "inotify", "polling".
    var name: String { get }
    /// A descriptor that becomes readable when events are pending, or nil when the daemon must
    /// call ``drain()`` on its own every ``pollInterval``.
    var descriptor: Int32? { get }
    /// How often ``drain()`` should be called when there is no ``descriptor``.
    var pollInterval: Duration? { get }
    /// Starts watching the directory at `path` (absolute); the identifier its events carry, the
    /// same one again for a directory already watched.
    func watch(directory path: String) throws(WatcherError) -> Int32
    /// The events pending now; none when nothing changed.
    func drain() -> [WatchEvent]
}

/// One change a watcher saw: an entry of a watched directory, or the directory itself.
public struct WatchEvent: Sendable, Hashable {
    /// The identifier ``FileWatcher/watch(directory:)`` returned for the directory; ignored when
    /// ``isOverflow``.
    public var watch: Int32
    /// The entry's name within the directory; empty for events about the directory itself.
    public var name: String
    /// The entry is a directory.
    public var isDirectory: Bool
    /// Events were lost: only a rescan of everything can tell what changed.
    public var isOverflow: Bool
    /// The directory is no longer watched (deleted, moved away, or unmounted).
    public var isWatchRemoved: Bool

    public init(watch: Int32, name: String, isDirectory: Bool = false, isOverflow: Bool = false,
                isWatchRemoved: Bool = false) {
        self.watch = watch
        self.name = name
        self.isDirectory = isDirectory
        self.isOverflow = isOverflow
        self.isWatchRemoved = isWatchRemoved
    }
}
