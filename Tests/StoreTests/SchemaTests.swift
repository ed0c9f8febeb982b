@testable import BackcheckStore
import GRDB
import Testing

/// The store's schema passes backcheck's own `query-performance` rules, checked against SQLite's
/// catalog rather than the DDL text.
@Suite struct SchemaTests {
    struct Index {
        var name: String
        var columns: [String]
        var unique: Bool
    }

    private func catalog() throws -> (tables: [String], TestStore) {
        let test = try TestStore()
        let tables = try test.store.pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
                """)
        }
        return (tables, test)
    }

    private func indexes(of table: String, _ db: Database) throws -> [Index] {
        try Row.fetchAll(db, sql: "SELECT name, \"unique\" FROM pragma_index_list(?)", arguments: [table]).map { row in
            let name: String = row["name"]
            let columns = try Row.fetchAll(
                db, sql: "SELECT name FROM pragma_index_info(?) ORDER BY seqno", arguments: [name]
            ).map { $0["name"] as String? ?? "<expression>" }
            return Index(name: name, columns: columns, unique: row["unique"])
        }
    }

    @Test func everyForeignKeyLeadsAnIndex() throws {
        let (tables, test) = try catalog()
        defer { test.directory.remove() }
        #expect(tables.contains("findings") && tables.contains("facts") && tables.contains("daemon_status"))
        try test.store.pool.read { db in
            for table in tables {
                let foreignKeys = Dictionary(grouping: try Row.fetchAll(
                    db, sql: "SELECT id, \"from\" FROM pragma_foreign_key_list(?)", arguments: [table]
                ), by: { $0["id"] as Int })
                let indexes = try indexes(of: table, db)
                for (_, rows) in foreignKeys {
                    let columns = Set(rows.map { $0["from"] as String })
                    let covered = indexes.contains { Set($0.columns.prefix(columns.count)) == columns }
                    #expect(covered, "\(table)(\(columns.sorted().joined(separator: ", "))) has no index leading with it")
                }
            }
        }
    }

    @Test func everyTableHasAPrimaryKey() throws {
        let (tables, test) = try catalog()
        defer { test.directory.remove() }
        try test.store.pool.read { db in
            for table in tables {
                let primaryKeyColumns = try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM pragma_table_info(?) WHERE pk > 0", arguments: [table])
                #expect(primaryKeyColumns ?? 0 > 0, "\(table) has no primary key")
            }
        }
    }

    /// No index repeats, or is a leading prefix of, another index of its table (a unique one may
    /// be, since it enforces something).
    @Test func noRedundantIndexes() throws {
        let (tables, test) = try catalog()
        defer { test.directory.remove() }
        try test.store.pool.read { db in
            for table in tables {
                let indexes = try indexes(of: table, db)
                for index in indexes where !index.unique {
                    let redundant = indexes.contains {
                        $0.name != index.name && $0.columns.starts(with: index.columns)
                    }
                    #expect(!redundant, "\(table).\(index.name) duplicates another index")
                }
            }
        }
    }

    @Test func listedQueriesUseAnIndex() throws {
        let test = try TestStore()
        defer { test.directory.remove() }
        let queries = [
            "SELECT * FROM findings WHERE status = 'open' AND severity >= 3",
            "SELECT * FROM findings WHERE checklist = 'logging'",
            "SELECT * FROM findings WHERE rule_id = 'x'",
            "SELECT * FROM findings WHERE root_id = 1 AND path GLOB 'payments/*'",
            "SELECT * FROM findings WHERE status_scan_id = 1 AND status = 'fixed'",
            "SELECT * FROM files WHERE root_id = 1 AND path = 'a'",
            "SELECT * FROM scans WHERE root_id = 1 AND kind = 'audit'",
        ]
        try test.store.pool.read { db in
            for query in queries {
                let details = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + query).map { $0["detail"] as String }
                #expect(details.allSatisfy { !$0.hasPrefix("SCAN") }, "\(query): \(details)")
            }
        }
    }
}
