import Foundation
import Testing
import TestSupport
import BackcheckDaemon

/// Both watchers, driven by real file system changes: each reports the entries that changed in a
/// watched directory, and the directory's own removal.
@Suite struct FileWatcherTests {
    static func watchers() throws -> [any FileWatcher] {
        [try Inotify(), PollingWatcher(minimumInterval: .zero)]
    }

    /// Drains until `condition` holds for what was reported (inotify delivers asynchronously).
    static func events(of watcher: any FileWatcher, until condition: ([WatchEvent]) -> Bool) -> [WatchEvent] {
        var events: [WatchEvent] = []
        let deadline = Date().addingTimeInterval(5)
        while !condition(events), Date() < deadline {
            events += watcher.drain()
            if !condition(events) { Thread.sleep(forTimeInterval: 0.01) }
        }
        return events
    }

    @Test(arguments: ["inotify", "polling"])
    func reportsCreatedChangedAndDeletedEntries(kind: String) throws {
        let tree = try TemporaryTree()
        defer { tree.remove() }
        try tree.write("a.py", "x = 1\n")
        try tree.write("gone.py", "y = 2\n")
        let watcher = try Self.watchers().first { $0.name == kind }!
        let id = try watcher.watch(directory: tree.root)
        #expect(try watcher.watch(directory: tree.root) == id, "watching twice gives the same identifier")
        #expect(watcher.drain().isEmpty, "nothing changed yet")

        try tree.write("a.py", "x = 10\n")
        try tree.write("new.py")
        try tree.makeDirectory("pkg")
        try FileManager.default.removeItem(atPath: tree.path("gone.py"))
        let expected: Set<String> = ["a.py", "new.py", "pkg", "gone.py"]
        let events = Self.events(of: watcher) { expected.isSubset(of: Set($0.map(\.name))) }
        #expect(expected.isSubset(of: Set(events.map(\.name))), "\(events)")
        #expect(events.allSatisfy { $0.watch == id })
        #expect(events.first { $0.name == "pkg" }?.isDirectory == true)
        #expect(events.first { $0.name == "a.py" }?.isDirectory == false)

        let sub = try watcher.watch(directory: tree.path("pkg"))
        try FileManager.default.removeItem(atPath: tree.path("pkg"))
        let removal = Self.events(of: watcher) { $0.contains { $0.watch == sub && $0.isWatchRemoved } }
        #expect(removal.contains { $0.watch == sub && $0.isWatchRemoved }, "\(removal)")
    }

    @Test func pollingWaitsForItsInterval() throws {
        let watcher = PollingWatcher(minimumInterval: .seconds(3))
        #expect(watcher.pollInterval == .seconds(3))
        #expect(watcher.descriptor == nil)
        let tree = try TemporaryTree()
        defer { tree.remove() }
        _ = try watcher.watch(directory: tree.root)
        // Before the interval has passed, a drain does no pass at all.
        try tree.write("a.py")
        #expect(watcher.drain().isEmpty)
    }

    @Test func watchingAMissingDirectoryFails() throws {
        for watcher in try Self.watchers() {
            #expect(throws: WatcherError.self) { try watcher.watch(directory: "/nonexistent/backcheck-\(UUID().uuidString)") }
        }
    }
}
