#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BackcheckWalk

/// A watcher for where inotify is not available or its watch limit is reached: it lists every
/// watched directory and `lstat`s its entries every interval, and reports the entries whose
/// size, mtime, inode or type changed, appeared or vanished. The interval stretches with the
/// cost of a pass so that polling a large tree stays a small share of one core.
public final class PollingWatcher: FileWatcher {
    private struct Entry: Equatable {
        var size: Int64
        var modified: Int64
        var inode: UInt64
        var isDirectory: Bool
    }

    private struct Directory {
        var path: String
        var entries: [String: Entry]
    }

    public let name = "polling"
    public var descriptor: Int32? { nil }
    public var pollInterval: Duration? { interval }
    /// The shortest interval between passes.
    public let minimumInterval: Duration
    private var interval: Duration
    private var directories: [Int32: Directory] = [:]
    private var identifiers: [String: Int32] = [:]
    private var nextIdentifier: Int32 = 1
    private var lastPass = ContinuousClock.now

    /// A watcher that passes over its directories at most every `minimumInterval`.
    public init(minimumInterval: Duration = .seconds(2)) {
        self.minimumInterval = minimumInterval
        interval = minimumInterval
    }

    public func watch(directory path: String) throws(WatcherError) -> Int32 {
        if let known = identifiers[path] { return known }
        guard let entries = Self.list(path) else {
            throw .inotify(reason: "\(path): \(PosixError(code: errno).text)")
        }
        let identifier = nextIdentifier
        nextIdentifier += 1
        identifiers[path] = identifier
        directories[identifier] = Directory(path: path, entries: entries)
        return identifier
    }

    /// The changes since the last pass, or none when the interval has not passed yet.
    public func drain() -> [WatchEvent] {
        let started = ContinuousClock.now
        guard started - lastPass >= interval else { return [] }
        var events: [WatchEvent] = []
        for (identifier, directory) in directories {
            guard let entries = Self.list(directory.path) else {
                events.append(WatchEvent(watch: identifier, name: "", isWatchRemoved: true))
                directories[identifier] = nil
                identifiers[directory.path] = nil
                continue
            }
            for (name, entry) in entries where directory.entries[name] != entry {
                events.append(WatchEvent(watch: identifier, name: name, isDirectory: entry.isDirectory))
            }
            for (name, entry) in directory.entries where entries[name] == nil {
                events.append(WatchEvent(watch: identifier, name: name, isDirectory: entry.isDirectory))
            }
            directories[identifier]?.entries = entries
        }
        lastPass = ContinuousClock.now
        // Ten times the pass's cost keeps polling under a tenth of a core on any tree size.
        interval = max(minimumInterval, (lastPass - started) * 10)
        return events
    }

    /// The entries of the directory at `path` with their identity, or nil (errno set) when it
    /// cannot be listed.
    private static func list(_ path: String) -> [String: Entry]? {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0, let stream = fdopendir(fd) else {
            if fd >= 0 { close(fd) }
            return nil
        }
        defer { closedir(stream) }
        var entries: [String: Entry] = [:]
        _ = Posix.forEachEntry(stream) { name, _ in
            var info = stat()
            guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return }
            let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            entries[String(cString: name)] = Entry(size: Int64(info.st_size), modified: modified,
                                                   inode: UInt64(info.st_ino),
                                                   isDirectory: info.st_mode & S_IFMT == S_IFDIR)
        }
        return entries
    }
}
