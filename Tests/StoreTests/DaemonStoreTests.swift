import BackcheckStore
import Foundation
import Testing

/// The store's side of the daemon: whole batches, and the `daemon_status` row.
@Suite struct DaemonStoreTests {
    @Test func batchRecordsAndRemovesTogether() throws {
        let test = try TestStore()
        defer { test.directory.remove() }
        try test.scan([Fixture.analyzed("a.py", [Fixture.finding("fa", path: "a.py")]),
                       Fixture.analyzed("b.py", [Fixture.finding("fb", path: "b.py")])])
        let scan = try test.store.beginScan(root: Fixture.root, kind: .watch, toolVersion: "0.1.0", rulePackHash: "h1")
        try test.store.record([Fixture.analyzed("c.py", [Fixture.finding("fc", path: "c.py")])], removing: ["b.py"], in: scan)
        _ = try test.store.finishScan(scan, complete: false)
        #expect(try test.status(of: "fa") == .open)
        #expect(try test.status(of: "fb") == .fixed)
        #expect(try test.status(of: "fc") == .open)
        #expect(try test.store.files(root: Fixture.root).map(\.path) == ["a.py", "c.py"])
    }

    @Test func daemonStatusTracksHeartbeatRootsAndLastChange() throws {
        let test = try TestStore()
        defer { test.directory.remove() }
        #expect(try test.store.daemonStatus() == nil)
        try test.scan([Fixture.analyzed("a.py", [])])   // an audit before the daemon: not its root
        try test.store.registerDaemon(pid: 4242)
        let registered = try #require(try test.store.daemonStatus())
        #expect(registered.pid == 4242)
        #expect(registered.roots.isEmpty)
        #expect(registered.lastChangeAt == nil)

        try test.scan([Fixture.analyzed("a.py", [])], kind: .watch, complete: false)
        Thread.sleep(forTimeInterval: 0.01)
        #expect(registered.watching == nil)
        try test.store.heartbeat(pid: 4242, queueDepth: 7, watching: "inotify 12 directories")
        let beating = try #require(try test.store.daemonStatus())
        #expect(beating.queueDepth == 7)
        #expect(beating.watching == "inotify 12 directories")
        #expect(beating.heartbeatAt > registered.heartbeatAt)
        #expect(beating.roots == [Fixture.root])
        #expect(beating.lastChangeAt != nil)

        // A heartbeat from another pid (a stale daemon) changes nothing; unregistering clears the row.
        try test.store.heartbeat(pid: 1, queueDepth: 99, watching: "polling 1 directory")
        #expect(try test.store.daemonStatus()?.queueDepth == 7)
        try test.store.unregisterDaemon(pid: 4242)
        #expect(try test.store.daemonStatus() == nil)
    }
}
