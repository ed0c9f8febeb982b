@testable import BackcheckStore
import BackcheckAnalysis
import GRDB
import Testing
import BackcheckModel

@Suite struct ConcurrencyTests {
    /// An audit and a daemon are two processes with two pools on one file; here, two stores
    /// writing overlapping files from two tasks at once.
    static func results(_ index: Int) -> [FileResult] {
        let path = "src/file\(index).py"
        return [Fixture.analyzed(path, [
            Fixture.finding("\(path)#1", path: path, line: 1),
            Fixture.finding("\(path)#2", path: path, line: 2),
        ])]
    }

    @Test func twoStoresWritingAtOnceNeitherDuplicateNorCorrupt() async throws {
        let test = try TestStore()
        defer { test.directory.remove() }
        let audit = test.store
        let daemon = try FindingStore(path: test.databasePath)
        let files = 40

        try await withThrowingTaskGroup(of: Void.self) { group in
            for (store, kind) in [(audit, ScanKind.audit), (daemon, ScanKind.watch)] {
                group.addTask {
                    let scan = try store.beginScan(root: Fixture.root, kind: kind, toolVersion: "0.1.0", rulePackHash: "h")
                    for index in 0..<files {
                        try store.record(Self.results(index), in: scan)
                        _ = try store.findings(root: Fixture.root, statuses: [.open])
                    }
                    _ = try store.finishScan(scan, complete: false)
                }
            }
            try await group.waitForAll()
        }

        let (integrity, findingRows, fileRows, roots) = try await daemon.pool.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA integrity_check"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM findings"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM files"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM roots")
            )
        }
        #expect(integrity == "ok")
        #expect(findingRows == files * 2)
        #expect(fileRows == files)
        #expect(roots == 1)
        #expect(try audit.findings(root: Fixture.root, statuses: [.open]).count == files * 2)
        #expect(try audit.scans(root: Fixture.root).count == 2)
    }
}
