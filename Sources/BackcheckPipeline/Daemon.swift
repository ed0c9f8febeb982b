#if canImport(Glibc)
import Glibc
#endif
import BackcheckAnalysis
import BackcheckStore
import BackcheckWatch
import Foundation

/// `backcheck watch` (DESIGN §8), shaped like Watchman: one loop drains inotify into pending
/// work; after the settle time without events, the files the events named are re-stat'ed and
/// analysed as one `watch` scan per root. Anything less certain (start-up, a queue overflow, a
/// directory created, moved or deleted, an ignore file, a lost watch, SQL facts) reconciles the
/// whole root against the store instead (walk, compare size/mtime/inode, analyse what differs,
/// remove what vanished). Every directory a walk enters is watched. Runs on one task.
public final class Daemon {
    /// How often the heartbeat is written while idle.
    static let heartbeatInterval: Duration = .seconds(2)
    /// The longest a batch waits while events keep arriving.
    static let maxDelay: Duration = .seconds(1)
    /// How often roots beyond the inotify watch limit are rescanned.
    static let pollInterval: Duration = .seconds(10)

    private let request: DaemonRequest
    private let toolVersion: String
    private var roots: [WatchedRoot]
    private var readers: [SourceReader] = []
    private let store: FindingStore
    private let lock: DaemonLock
    private let inotify: Inotify
    private let stop: StopSignal
    private let notifier: ServiceNotifier?
    private let settle: Duration
    private let pid = getpid()
    /// Which root and directory (root-relative) each watch descriptor stands for.
    private var watches: [Int32: (root: Int, directory: String)] = [:]
    /// Roots that could not be fully watched (the watch limit): rescanned every `pollInterval`.
    private var polled: Set<Int> = []
    /// Roots to reconcile in full (start-up, overflow, directories, ignore files, lost watches).
    private var dirty: Set<Int> = []
    /// Files events named, by root: re-stat'ed and analysed on their own.
    private var changed: [Int: Set<String>] = [:]
    private var queueDepth = 0
    private var files: [Int: Int] = [:]

    /// Takes the database's lock and sets up the roots, the store and inotify; throws when any
    /// root or the database is unusable, or another daemon holds the database.
    public init(_ request: DaemonRequest, toolVersion: String) throws(DaemonError) {
        self.request = request
        self.toolVersion = toolVersion
        do {
            var seen = Set<String>()
            roots = try request.roots.map { path throws(AuditError) in try WatchedRoot(path: path) }
                .filter { seen.insert($0.path).inserted }
            guard let first = roots.first else { throw DaemonError.system("pass at least one root to watch") }
            let location = DatabaseLocation.resolve(explicit: request.databasePath ?? first.configuration.database,
                                                    environment: request.environment)
            for root in roots { try Auditor.ensureOutside(root: root.path, database: location) }
            try location.createDirectory()
            lock = try DaemonLock(databasePath: location.path)
            store = try FindingStore(location: location)
            let key = try store.secretKey()
            readers = roots.map { SourceReader(analyzer: FileAnalyzer(rules: $0.selection.rules, secretKey: key),
                                               maxFileSize: $0.configuration.maxFileSize) }
            settle = .milliseconds(max(0, request.settleMilliseconds ?? first.configuration.debounceMilliseconds))
            inotify = try Inotify()
            stop = try StopSignal()
            notifier = ServiceNotifier(environment: request.environment)
            try store.registerDaemon(pid: pid)
        } catch {
            throw Self.daemonError(error)
        }
    }

    /// Reconciles every root, reports ready, then processes changes until SIGTERM or SIGINT; the
    /// batch in flight when the signal arrives is finished first.
    public func run() async throws(DaemonError) {
        do {
            let started = ContinuousClock.now
            for index in roots.indices { try await reconcile(index, always: true) }
            request.log("watching \(roots.map(\.path).joined(separator: ", ")): \(totalFiles) files reconciled in \(Self.milliseconds(since: started)) ms")
            notifier?.ready(status: statusLine)
            try await loop()
            notifier?.stopping()
            request.log("stopping")
            try store.unregisterDaemon(pid: pid)
        } catch {
            throw Self.daemonError(error)
        }
    }

    private func loop() async throws {
        let clock = ContinuousClock()
        var firstEvent = clock.now
        var lastEvent = clock.now
        var lastHeartbeat = clock.now
        var lastWatchdog = clock.now
        var lastPoll = clock.now
        while true {
            var timeout = Self.heartbeatInterval
            if let interval = notifier?.watchdogInterval { timeout = min(timeout, interval) }
            if hasWork {
                let due = min(lastEvent + settle, firstEvent + Self.maxDelay)
                timeout = min(timeout, max(.zero, clock.now.duration(to: due)))
            }
            let (readable, stopRequested) = wait(timeout)
            if stopRequested { return }
            if readable {
                if !hasWork { firstEvent = clock.now }
                if handle(inotify.drain()) { lastEvent = clock.now }
            }
            if !polled.isEmpty, clock.now - lastPoll >= Self.pollInterval {
                dirty.formUnion(polled)
                lastPoll = clock.now
            }
            let now = clock.now
            if hasWork, now >= lastEvent + settle || now >= firstEvent + Self.maxDelay {
                let full = dirty
                let files = changed
                dirty = []
                changed = [:]
                for index in full.sorted() { try await reconcile(index, always: false) }
                for (index, paths) in files.sorted(by: { $0.key < $1.key }) where !full.contains(index) {
                    try await update(index, paths)
                }
                queueDepth = 0
                notifier?.status(statusLine)
            }
            if clock.now - lastHeartbeat >= Self.heartbeatInterval {
                try store.heartbeat(pid: pid, queueDepth: queueDepth)
                lastHeartbeat = clock.now
            }
            if let interval = notifier?.watchdogInterval, clock.now - lastWatchdog >= interval {
                notifier?.watchdog()
                lastWatchdog = clock.now
            }
        }
    }

    /// Waits up to `timeout` for inotify events or a stop request.
    private func wait(_ timeout: Duration) -> (readable: Bool, stop: Bool) {
        var fds = [pollfd(fd: inotify.fd, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: stop.fd, events: Int16(POLLIN), revents: 0)]
        let milliseconds = Int32(min(Double(Int32.max), (timeout / .milliseconds(1)).rounded(.up)))
        let count = poll(&fds, 2, milliseconds)
        guard count > 0 else { return (false, false) }
        return (fds[0].revents != 0, fds[1].revents != 0)
    }

    /// Marks the roots the events touch as dirty; ignored paths cost nothing more. Returns
    /// whether any event counted.
    private func handle(_ events: [InotifyEvent]) -> Bool {
        var counted = false
        for event in events {
            if event.isOverflow {
                request.log("inotify queue overflowed; rescanning every root")
                dirty.formUnion(roots.indices)
                counted = true
                continue
            }
            guard let watch = watches[event.descriptor] else { continue }
            let (index, directory) = (watch.root, watch.directory)
            counted = true
            if event.isWatchRemoved { watches[event.descriptor] = nil }
            if event.name == ".gitignore" { roots[index].ignoreRules.forgetIgnoreFile(inDirectory: directory) }
            let path = directory.isEmpty ? event.name : directory + "/" + event.name
            if !event.name.isEmpty, event.name != ".gitignore",
               roots[index].ignoreRules.isIgnored(relativePath: path, isDirectory: event.isDirectory) {
                continue
            }
            queueDepth += 1
            // A file event names the one file to re-stat; anything else (the directory itself,
            // a directory entry, an ignore file) can change what the tree holds: reconcile it all.
            if event.name.isEmpty || event.isDirectory || event.name == ".gitignore" || event.isWatchRemoved {
                dirty.insert(index)
            } else {
                changed[index, default: []].insert(path)
            }
        }
        return counted
    }

    /// Reconciles one root and watches its directories; a directory watched for the first time
    /// marks the root dirty again, so files created in it before the watch existed are found.
    private func reconcile(_ index: Int, always: Bool) async throws {
        let root = roots[index]
        let started = ContinuousClock.now
        let outcome = try await root.reconcile(store: store, reader: readers[index], parallelism: request.parallelism,
                                               toolVersion: toolVersion, always: always)
        files[index] = outcome.files
        if outcome.recorded + outcome.removed > 0 {
            request.log("\(root.path): \(outcome.recorded) analysed, \(outcome.removed) removed in \(Self.milliseconds(since: started)) ms")
        }
        var added = false
        for directory in outcome.directories {
            let path = directory.isEmpty ? root.path : root.path + "/" + directory
            do {
                let descriptor = try inotify.watch(directory: path)
                if watches[descriptor]?.root != index || watches[descriptor]?.directory != directory {
                    watches[descriptor] = (index, directory)
                    added = true
                }
            } catch .watchLimit {
                if polled.insert(index).inserted {
                    request.log("\(WatchError.watchLimit(path: path)); rescanning \(root.path) every \(Self.pollInterval) instead")
                }
                break
            } catch {
                // The directory vanished since the walk; the next reconcile sees it gone.
                continue
            }
        }
        if added && !always { dirty.insert(index) }
        if added && always { try await reconcile(index, always: false) }
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        Int((start.duration(to: .now) / .milliseconds(1)).rounded())
    }

    /// Re-stats and analyses the files events named in root `index`, or reconciles the root in
    /// full when the change touches SQL facts.
    private func update(_ index: Int, _ paths: Set<String>) async throws {
        let started = ContinuousClock.now
        guard let outcome = try await roots[index].update(paths, store: store, reader: readers[index],
                                                          parallelism: request.parallelism, toolVersion: toolVersion)
        else {
            try await reconcile(index, always: false)
            return
        }
        files[index] = outcome.files
        request.log("\(roots[index].path): \(outcome.recorded) analysed, \(outcome.removed) removed in \(Self.milliseconds(since: started)) ms")
    }

    private var hasWork: Bool { !dirty.isEmpty || !changed.isEmpty }

    private var totalFiles: Int { files.values.reduce(0, +) }

    private var statusLine: String {
        "watching \(roots.count) root\(roots.count == 1 ? "" : "s"), \(totalFiles) files, queue \(queueDepth)"
    }

    private static func daemonError(_ error: any Error) -> DaemonError {
        switch error {
        case let error as DaemonError: error
        case let error as AuditError: .audit(error)
        case let error as StoreError: .audit(.store(error))
        case let error as WatchError: .audit(.walk(error))
        default: .system("\(error)")
        }
    }
}
