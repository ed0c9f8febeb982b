#if canImport(Glibc)
import Glibc
#endif
import BackcheckAnalysis
import BackcheckScan
import BackcheckStore
import BackcheckWalk
import CMemory
import Foundation

/// `backcheck watch` (docs/DESIGN.md §8), shaped like Watchman: one loop drains the watchers into pending
/// work; after the settle time without events, the files the events named are re-stat'ed and
/// analysed as one `watch` scan per root. Anything less certain rescans instead (walk, compare
/// size/mtime/inode then hash, analyse what differs, remove what vanished): the subtree of a
/// directory created, moved or deleted, of a changed ignore file or a lost watch; the whole root
/// on start-up, a queue overflow or after a git operation. A change to a root's configuration or
/// rules reloads them. Every directory is watched before a walk lists it. Runs on one task.
public final class Daemon {
    /// How often the heartbeat is written while idle.
    static let heartbeatInterval: Duration = .seconds(2)
    /// The longest a batch waits while events keep arriving.
    static let maxDelay: Duration = .seconds(1)
    /// How often a root whose git index is locked is looked at again.
    static let gitRecheck: Duration = .milliseconds(100)
    /// The most file paths kept pending for one root; beyond, the root is rescanned instead.
    static let maxPendingFiles = 20_000
    /// How long a git index lock holds analysis back before it is taken for a stale lock.
    static let gitPatience: Duration = .seconds(60)
    /// The first and the longest wait before a batch that failed on a transient error is tried
    /// again; the wait doubles in between.
    static let firstRetryDelay: Duration = .seconds(1)
    static let maxRetryDelay: Duration = .seconds(60)

    /// Which watcher reported an event, and its identifier for the directory.
    struct WatchKey: Hashable {
        var watcher: Int
        var id: Int32
    }

    /// What a watched directory stands for.
    enum WatchTarget: Equatable {
        /// A directory of root `root`'s tree, relative to the root.
        case tree(root: Int, directory: String)
        /// A rule folder of root `root` outside its tree.
        case ruleFolder(root: Int)
    }

    let request: DaemonRequest
    let toolVersion: String
    /// One state per root, in the order given; watch targets refer to them by index.
    var roots: [RootState]
    let store: FindingStore
    private let lock: DaemonLock
    let secretKey: [UInt8]
    /// The primary watcher first; a polling watcher joins for directories beyond the watch limit.
    var watchers: [any FileWatcher]
    var watches: [WatchKey: WatchTarget] = [:]
    /// A reconcile freed the tree's listing and rows: the allocator is asked to return that
    /// memory once nothing is pending; glibc keeps freed pages otherwise, and a daemon that once
    /// walked a large tree would keep its peak for days.
    var hasMemoryToRelease = false
    /// The wait after the last failed batch, while failures go on.
    private var retryDelay: Duration?
    private var heartbeatFailing = false
    private let stop: StopSignal
    private let notifier: ServiceNotifier?
    private var settle: Duration
    private let pid = getpid()

    /// Takes the database's lock and sets up the roots, the store and the watcher; throws when
    /// any root or the database is unusable, or another daemon holds the database.
    public init(_ request: DaemonRequest, toolVersion: String) throws(DaemonError) {
        self.request = request
        self.toolVersion = toolVersion
        do {
            var seen = Set<String>()
            let trees = try request.roots.map { path throws(ScanError) in try WatchedRoot(path: path) }
                .filter { seen.insert($0.path).inserted }
            guard let first = trees.first else { throw DaemonError.system("pass at least one root to watch") }
            let location = try first.scanned.database(explicit: request.databasePath, environment: request.environment)
            for tree in trees { try tree.scanned.ensureOutside(location) }
            try location.createDirectory()
            lock = try DaemonLock(databasePath: location.path)
            store = try FindingStore(location: location)
            secretKey = try store.secretKey()
            settle = .milliseconds(max(0, request.settleMilliseconds ?? first.configuration.debounceMilliseconds))
            watchers = [try Self.makeWatcher(request)]
            stop = try StopSignal()
            notifier = ServiceNotifier(environment: request.environment)
            let key = secretKey
            roots = trees.map { RootState(tree: $0, reader: Self.reader(for: $0, secretKey: key)) }
            try store.registerDaemon(pid: pid)
        } catch {
            throw Self.daemonError(error)
        }
    }

    /// The watcher `request` asks for; in `auto` mode inotify, or polling when inotify cannot
    /// be set up (said in the log).
    private static func makeWatcher(_ request: DaemonRequest) throws -> any FileWatcher {
        switch request.watcher {
        case .polling:
            return PollingWatcher()
        case .inotify:
            return try Inotify(maxWatches: request.maxWatches)
        case .auto:
            do {
                return try Inotify(maxWatches: request.maxWatches)
            } catch {
                request.log("\(error); polling for changes instead")
                return PollingWatcher()
            }
        }
    }

    static func reader(for root: WatchedRoot, secretKey: [UInt8]) -> SourceReader {
        var analyzer = FileAnalyzer(rules: root.selection.rules, secretKey: secretKey)
        analyzer.sourceSummaries = root.summaries
        return SourceReader(analyzer: analyzer, configuration: root.configuration)
    }

    /// Reconciles every root, reports ready, then processes changes until SIGTERM or SIGINT; the
    /// batch in flight when the signal arrives is finished first.
    public func run() async throws(DaemonError) {
        do {
            let started = ContinuousClock.now
            for index in roots.indices {
                try await summarize(index)
                let stale = try roots[index].tree.isStale(in: store, toolVersion: toolVersion)
                if stale { request.log("\(roots[index].path): rules or backcheck changed since the last scan; analysing every file") }
                try await reconcile(index, always: true, everything: stale)
                watchRuleFolders(index)
            }
            request.log("watching \(roots.map(\.path).joined(separator: ", ")) with \(watchers[0].name): \(totalFiles) files reconciled in \(Self.milliseconds(since: started)) ms")
            notifier?.ready(status: statusLine)
            try loadSchemas()
            try await loop()
            notifier?.stopping()
            request.log("stopping")
            try store.unregisterDaemon(pid: pid)
        } catch {
            throw Self.daemonError(error)
        }
    }

    /// Loads the SQL facts of every root's files from the store once, after READY, so the first
    /// save of a file with SQL does not wait for them.
    private func loadSchemas() throws {
        for index in roots.indices {
            let started = ContinuousClock.now
            let hadSchema = roots[index].tree.schema != nil
            try roots[index].tree.loadSchema(store: store)
            if !hadSchema && roots[index].tree.schema != nil {
                request.log("\(roots[index].path): SQL facts of every file loaded in \(Self.milliseconds(since: started)) ms")
            }
        }
        hasMemoryToRelease = true
    }

    private func loop() async throws {
        let clock = ContinuousClock()
        var firstEvent = clock.now
        var lastEvent = clock.now
        var lastHeartbeat = clock.now
        var lastWatchdog = clock.now
        var nextAttempt = clock.now
        // The first heartbeat at once: `status` shows how the daemon watches from READY on.
        beat()
        while true {
            if hasMemoryToRelease && !hasPendingWork {
                _ = backcheck_release_free_memory()
                hasMemoryToRelease = false
            }
            var timeout = Self.heartbeatInterval
            if let interval = notifier?.watchdogInterval { timeout = min(timeout, interval) }
            for watcher in watchers { if let interval = watcher.pollInterval { timeout = min(timeout, interval) } }
            if hasPendingWork {
                let due = max(min(lastEvent + settle, firstEvent + Self.maxDelay), nextAttempt)
                timeout = min(timeout, max(.zero, clock.now.duration(to: due)))
            }
            let (readable, stopRequested) = wait(timeout)
            if stopRequested { return }
            let idle = !hasPendingWork
            if handle(drain(readable: readable)) {
                if idle { firstEvent = clock.now }
                lastEvent = clock.now
            }
            let now = clock.now
            if hasPendingWork, now >= nextAttempt, now >= lastEvent + settle || now >= firstEvent + Self.maxDelay {
                if let wait = try await processPending() { nextAttempt = clock.now + wait }
                notifier?.status(statusLine)
            }
            if clock.now - lastHeartbeat >= Self.heartbeatInterval {
                beat()
                lastHeartbeat = clock.now
            }
            if let interval = notifier?.watchdogInterval, clock.now - lastWatchdog >= interval {
                notifier?.watchdog()
                lastWatchdog = clock.now
            }
        }
    }

    /// Writes the heartbeat; a failure (the database locked for the moment) is said once and
    /// waited out.
    private func beat() {
        do {
            try store.heartbeat(pid: pid, queueDepth: queueDepth, watching: watchingSummary)
            if heartbeatFailing {
                request.log("heartbeat written again")
                heartbeatFailing = false
            }
        } catch {
            if !heartbeatFailing { request.log("cannot write the heartbeat: \(error); `backcheck status` may report the daemon as stale until it succeeds") }
            heartbeatFailing = true
        }
    }

    /// How many directories each watcher watches, for `status`: "inotify 120 directories" and,
    /// when some are beyond the watch limit, ", polling 3".
    private var watchingSummary: String {
        var counts = [Int](repeating: 0, count: watchers.count)
        for key in watches.keys { counts[key.watcher] += 1 }
        var parts = ["\(watchers[0].name) \(counts[0]) director\(counts[0] == 1 ? "y" : "ies")"]
        for index in counts.indices.dropFirst() where counts[index] > 0 {
            parts.append("\(watchers[index].name) \(counts[index]) beyond the watch limit")
        }
        return parts.joined(separator: ", ")
    }

    /// Waits up to `timeout` for the primary watcher's descriptor or a stop request.
    private func wait(_ timeout: Duration) -> (readable: Bool, stop: Bool) {
        var fds = [pollfd(fd: stop.fd, events: Int16(POLLIN), revents: 0)]
        if let descriptor = watchers[0].descriptor { fds.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)) }
        let milliseconds = Int32(min(Double(Int32.max), (timeout / .milliseconds(1)).rounded(.up)))
        let count = poll(&fds, nfds_t(fds.count), milliseconds)
        guard count > 0 else { return (false, false) }
        return (fds.count > 1 && fds[1].revents != 0, fds[0].revents != 0)
    }

    /// The events of every watcher: the primary's when its descriptor is readable (or it has
    /// none), the others' always (they pace themselves).
    private func drain(readable: Bool) -> [(watcher: Int, event: WatchEvent)] {
        var events: [(watcher: Int, event: WatchEvent)] = []
        for (index, watcher) in watchers.enumerated() where index > 0 || readable || watcher.descriptor == nil {
            events += watcher.drain().map { (index, $0) }
        }
        return events
    }

    /// Processes the pending work of every root; how long to wait before trying again when some
    /// root's work stays pending (a git operation in progress, or the database or the root
    /// unusable for now), nil when everything was done.
    private func processPending() async throws -> Duration? {
        var retry: Duration?
        for index in roots.indices where !roots[index].pending.isEmpty {
            if isHeldByGit(index) {
                retry = min(retry ?? Self.gitRecheck, Self.gitRecheck)
                continue
            }
            let work = roots[index].pending.take()
            var everything = work.reanalyse
            do {
                var subtrees = work.subtrees
                if work.reload {
                    switch reload(index) {
                    case .unchanged: break
                    case .settingsChanged: subtrees = [""]
                    case .analysisChanged: everything = true
                    }
                }
                if everything || subtrees == [""] {
                    // New rules or settings: what the files tell each other may differ too.
                    if try await summarize(index) { everything = true }
                    try await reconcile(index, always: false, everything: everything)
                } else {
                    for subtree in subtrees { try await reconcile(index, subtree: subtree) }
                    if !work.files.isEmpty { try await update(index, work.files) }
                }
                if !work.cookies.isEmpty { try store.acknowledgeSyncCookies(work.cookies) }
                retryDelay = nil
            } catch where Self.isTransient(error) {
                // One locked or full database, or a root gone for a moment, must not end a
                // daemon meant to run for days: back off and rescan.
                let delay = retryDelay.map { min($0 * 2, Self.maxRetryDelay) } ?? Self.firstRetryDelay
                retryDelay = delay
                roots[index].pending.putBack(work, reanalyse: everything)
                request.log("\(roots[index].path): \(error); trying again in \(delay)")
                retry = min(retry ?? delay, delay)
            }
        }
        return retry
    }

    /// Whether a git operation holds root `index`'s analysis back (said once per operation); a
    /// lock that outlives ``gitPatience`` is taken for stale. After the wait, the root is rescanned.
    private func isHeldByGit(_ index: Int) -> Bool {
        if GitDirectory.isLocked(root: roots[index].path) {
            let since = roots[index].gitWaitStarted ?? .now
            if roots[index].gitWaitStarted == nil {
                roots[index].gitWaitStarted = since
                request.log("\(roots[index].path): a git operation is in progress (.git/index.lock); waiting for it to finish")
            }
            if ContinuousClock.now - since < Self.gitPatience { return true }
            request.log("\(roots[index].path): .git/index.lock has stayed for \(Self.gitPatience); taking it for a stale lock")
        }
        if roots[index].gitWaitStarted != nil {
            roots[index].gitWaitStarted = nil
            // What git wrote while it held the lock is known only by a rescan.
            roots[index].pending.rescan()
        }
        return false
    }

    /// Errors worth waiting out: the database locked, full, read-only for now or failing I/O, or
    /// a root that cannot be walked at the moment. Anything else (a corrupt or newer database)
    /// stops the daemon with its message.
    static func isTransient(_ error: any Error) -> Bool {
        switch error {
        case let error as StoreError:
            switch error {
            case .busy, .diskFull, .readOnly, .cannotOpen, .sqlite: true
            default: false
            }
        case is WalkError, is WatcherError: true
        default: false
        }
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        Int((start.duration(to: .now) / .milliseconds(1)).rounded())
    }

    var totalFiles: Int { roots.reduce(0) { $0 + $1.fileCount } }

    var hasPendingWork: Bool { roots.contains { !$0.pending.isEmpty } }

    /// Events counted and not yet processed, over every root.
    private var queueDepth: Int { roots.reduce(0) { $0 + $1.pending.depth } }

    private var statusLine: String {
        "watching \(roots.count) root\(roots.count == 1 ? "" : "s"), \(totalFiles) files, queue \(queueDepth)"
    }

    private static func daemonError(_ error: any Error) -> DaemonError {
        switch error {
        case let error as DaemonError: error
        case let error as ScanError: .scan(error)
        case let error as StoreError: .scan(.store(error))
        case let error as WalkError: .scan(.walk(error))
        case let error as WatcherError: .watcher(error)
        default: .system("\(error)")
        }
    }
}
