@testable import BackcheckStore
import GRDB
import Testing
import BackcheckModel

@Suite struct StatisticsTests {
    @Test func countsTopListsAndTrend() throws {
        let test = try TestStore()
        defer { test.directory.remove() }
        try test.scan([
            Fixture.analyzed("api/a.py", [Fixture.finding("1", path: "api/a.py"), Fixture.finding("2", path: "api/a.py", line: 2, severity: .low)]),
            Fixture.analyzed("b.py", [Fixture.finding("3", path: "b.py")]),
        ])
        try test.scan([Fixture.analyzed("api/a.py", [Fixture.finding("1", path: "api/a.py")]), Fixture.analyzed("b.py", [Fixture.finding("3", path: "b.py", suppressed: true)])])
        // A daemon batch is not an audit: no trend point.
        try test.scan([Fixture.analyzed("b.py", [])], kind: .watch, complete: false)
        let stats = try test.store.statistics(root: Fixture.root)
        #expect(stats.open == [.logging: [.high: 1]])
        #expect(stats.fixed == 2)
        #expect(stats.suppressed == 0)
        #expect(stats.topDirectories == [RankedCount(name: "api", count: 1)])
        #expect(stats.topRules == [RankedCount(name: "logging/secret-in-log-call", count: 1)])
        #expect(stats.trend.map(\.total) == [3, 1])
        #expect(stats.trend.map { $0.open[.logging] } == [3, 1])
        #expect(try test.store.statistics(root: nil).trend.isEmpty, "no trend across roots")
        #expect(try test.store.statistics(root: "/nowhere").openTotal == 0)
    }

    @Test func migratingAVersion1DatabaseBackfillsHistory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/old.sqlite"
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try SchemaV1.create(db)
            try db.execute(sql: """
                CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                INSERT INTO grdb_migrations VALUES ('v1');
                INSERT INTO roots VALUES (1, '/srv/app', 0);
                INSERT INTO scans (id, root_id, kind, started_at, tool_version, rule_pack_hash, status) VALUES (1, 1, 'audit', 0, '0.1.0', 'h', 'complete'), (2, 1, 'audit', 10, '0.1.0', 'h', 'complete');
                INSERT INTO findings (id, root_id, fingerprint, rule_id, checklist, severity, confidence, path, line, column, end_line, end_column, message, snippet, status, first_seen_at, last_seen_at, fixed_at, first_scan_id, last_scan_id, status_scan_id)
                VALUES (1, 1, 'f', 'r/x', 'logging', 3, 'high', 'a.py', 1, 1, 1, 2, 'm', 's', 'fixed', 0, 5, 10, 1, 1, 2);
                """)
        }
        try queue.close()
        let store = try FindingStore(path: path)
        #expect(try store.history(of: 1).map(\.status) == [.open, .fixed])
    }
}
