import Foundation
import GRDB
import Testing
@testable import BackcheckSQL

/// The analyzer's unindexed foreign keys against a real SQLite: the schema is loaded into a
/// database and `PRAGMA foreign_key_list` × `index_list`/`index_info` (plus the rowid alias of an
/// INTEGER PRIMARY KEY) say which foreign keys an index covers.
@Suite struct SQLiteOracleTests {
    static func oracle(_ schema: String) throws -> Set<String> {
        let queue = try DatabaseQueue()
        return try queue.write { db in
            try db.execute(sql: schema)
            var uncovered = Set<String>()
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") {
                var indexes: [[String?]] = []
                let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.quotedDatabaseIdentifier))")
                let primary = columns.filter { ($0["pk"] as Int) > 0 }
                if primary.count == 1, (primary[0]["type"] as String).uppercased() == "INTEGER" {
                    indexes.append([primary[0]["name"]])
                }
                for index in try Row.fetchAll(db, sql: "PRAGMA index_list(\(table.quotedDatabaseIdentifier))")
                where (index["partial"] as Int) == 0 {
                    let name: String = index["name"]
                    let info = try Row.fetchAll(db, sql: "PRAGMA index_info(\(name.quotedDatabaseIdentifier))")
                    indexes.append(info.sorted { ($0["seqno"] as Int) < ($1["seqno"] as Int) }.map { $0["name"] as String? })
                }
                let keys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(table.quotedDatabaseIdentifier))")
                for id in Set(keys.map { $0["id"] as Int }) {
                    let fk = keys.filter { ($0["id"] as Int) == id }.map { $0["from"] as String }
                    let covered = indexes.contains { index in
                        index.count >= fk.count && Set(index.prefix(fk.count).compactMap { $0 }) == Set(fk)
                            && index.prefix(fk.count).allSatisfy { $0 != nil }
                    }
                    if !covered { uncovered.insert("\(table)(\(fk.sorted().joined(separator: ",")))") }
                }
            }
            return uncovered
        }
    }

    @Test(arguments: [(UInt64(1), 40), (2, 300), (3, 500)])
    func generatedSchemaAgreesWithSQLite(_ seed: UInt64, _ tables: Int) throws {
        let schema = GeneratedSchema(tables: tables, seed: seed, dialect: .sqlite).sql
        let expected = try Self.oracle(schema)
        let findings = SQLFixtures.findings("query-performance/fk-without-index", [("schema.sql", schema)], dialect: .sqlite)
        #expect(!expected.isEmpty)
        #expect(SQLFixtures.keys(findings) == expected)
    }

    @Test func sqliteShellSchemaOutputLoads() throws {
        guard let sqlite3 = Executables.find("sqlite3") else {
            Executables.missing("sqlite3 (the sqlite3 CLI; Debian package `sqlite3`)")
            return
        }
        let schema = GeneratedSchema(tables: 120, seed: 9, dialect: .sqlite).sql
        let directory = try TemporaryDirectory()
        let database = directory.url.appendingPathComponent("db.sqlite").path
        _ = try Executables.run(sqlite3, [database], input: schema)
        let dumped = try Executables.run(sqlite3, [database, ".schema"])
        let findings = SQLFixtures.findings("query-performance/fk-without-index", [("schema.sql", dumped)])
        #expect(SQLFixtures.keys(findings) == (try Self.oracle(schema)))
    }
}
