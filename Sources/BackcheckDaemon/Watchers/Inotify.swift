#if canImport(Glibc)
import Glibc
import BackcheckWalk

/// One Linux inotify instance watching directories (never files, docs/DESIGN.md §8). Owned by the
/// daemon's loop; not shared across tasks.
public final class Inotify: FileWatcher {
    /// What a directory watch reports: entries created, deleted, written, moved in or out, and
    /// the directory itself going away.
    static let mask = UInt32(IN_CREATE | IN_DELETE | IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO
        | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF) | UInt32(IN_ONLYDIR) | UInt32(IN_EXCL_UNLINK)

    /// The inotify descriptor, readable when events are pending.
    public let fd: Int32
    public let name = "inotify"
    public var descriptor: Int32? { fd }
    public var pollInterval: Duration? { nil }
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    /// The most directories this instance watches at once (nil: up to the kernel's per-user
    /// limit), to leave watches to the user's other tools.
    public let maxWatches: Int?
    private var watched: Set<Int32> = []

    /// Opens an instance (non-blocking, close-on-exec) watching at most `maxWatches` directories.
    public init(maxWatches: Int? = nil) throws(WatcherError) {
        self.maxWatches = maxWatches
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { throw .inotify(reason: PosixError(code: errno).text) }
    }

    deinit { close(fd) }

    /// Watches the directory at `path`; its watch descriptor (the same one again for a directory
    /// already watched). ENOSPC means the per-user watch limit is reached.
    public func watch(directory path: String) throws(WatcherError) -> Int32 {
        if let maxWatches, watched.count >= maxWatches {
            // A directory already watched still answers with its descriptor.
            let wd = inotify_add_watch(fd, path, Self.mask | UInt32(IN_MASK_CREATE))
            if wd < 0 && errno == EEXIST { return inotify_add_watch(fd, path, Self.mask) }
            if wd >= 0 { inotify_rm_watch(fd, wd) }
            throw .watchBudget(path: path, limit: maxWatches)
        }
        let wd = inotify_add_watch(fd, path, Self.mask)
        guard wd >= 0 else {
            let code = errno
            if code == ENOSPC { throw .watchLimit(path: path) }
            throw .inotify(reason: "\(path): \(PosixError(code: code).text)")
        }
        watched.insert(wd)
        return wd
    }

    /// Reads every event pending now (none when nothing is pending).
    public func drain() -> [WatchEvent] {
        var events: [WatchEvent] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return events }
            buffer.withUnsafeBytes { raw in
                var offset = 0
                let header = MemoryLayout<inotify_event>.size
                while offset + header <= count {
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let nameBytes = raw[(offset + header)..<(offset + header + Int(event.len))]
                    let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                    if event.mask & UInt32(IN_IGNORED) != 0 { watched.remove(event.wd) }
                    events.append(WatchEvent(
                        watch: event.wd, name: name, isDirectory: event.mask & UInt32(IN_ISDIR) != 0,
                        isOverflow: event.mask & UInt32(IN_Q_OVERFLOW) != 0,
                        isWatchRemoved: event.mask & UInt32(IN_IGNORED) != 0))
                    offset += header + Int(event.len)
                }
            }
        }
    }
}
#endif
