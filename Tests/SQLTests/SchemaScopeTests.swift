import BackcheckModel
import Testing
@testable import BackcheckSQL

/// Which files make which schema, in which order: one schema per engine tree, versions replayed
/// in natural order, snapshots after the chain (docs/DESIGN.md §6).
@Suite struct SchemaScopeTests {
    let duplicate = "query-performance/duplicate-index"
    let primaryKey = "query-performance/table-without-primary-key"
    let query = "query-performance/unindexed-query-column"

    @Test(arguments: [
        ("m/0.7/a.sql", "m/0.16/a.sql"), ("m/v2/a.sql", "m/v10/a.sql"), ("9_x.sql", "10_y.sql"),
        ("m/0.9/z.sql", "m/0.22/a.sql"), ("m/0.31/a.sql", "m/LATEST.sql"), ("m/a.sql", "m/b/a.sql"),
        ("20230101_x.sql", "20230102_a.sql"), ("m/1.2.10/a.sql", "m/1.10.2/a.sql"),
    ])
    func versionsReplayInNaturalOrder(_ earlier: String, _ later: String) {
        #expect(NaturalPathOrder.precedes(earlier, later))
        #expect(!NaturalPathOrder.precedes(later, earlier))
    }

    @Test(arguments: [
        ("app/migration/postgres/3.1/01__x.sql", "postgresql"), ("db/pg/schema.sql", "postgresql"),
        ("schema.sqlite.sql", "sqlite"), ("internal/db/mysql/user.go", "mysql"), ("sql/mssql/a.sql", "mssql"),
        ("migrations/postgres/sqlite_compat.sql", "sqlite"),
    ])
    func enginesAreNamedByFoldersAndFileNames(_ path: String, _ scope: String) {
        #expect(SchemaScope.of(path: path)?.name == scope)
    }

    @Test(arguments: ["db/schema.sql", "app/pages.go", "migrations/0001_init.sql"])
    func pathsNamingNoEngineHaveNoScope(_ path: String) {
        #expect(SchemaScope.of(path: path) == nil)
    }

    @Test func engineTreesAreSeparateSchemas() {
        let files = [
            ("m/sqlite/1/a.sql", "CREATE TABLE t (id INT PRIMARY KEY, k TEXT);\nCREATE TABLE only_here (x INT PRIMARY KEY, y INT);\nCREATE INDEX t_k ON t (k);"),
            ("m/postgres/1/a.sql", "CREATE TABLE t (id INT PRIMARY KEY, k TEXT);\nCREATE INDEX t_k ON t (k);"),
            ("m/postgres/2/b.sql", "UPDATE t SET k = 'x' WHERE k = 'y';"),
            ("db/postgres/q.go", "package q\nconst q = `SELECT x FROM only_here WHERE y = $1`\n"),
            ("db/sqlite/q.go", "package q\nconst q = `SELECT x FROM only_here WHERE y = ?`\n"),
        ]
        // The index is defined once per tree, never redundant with the other tree's copy.
        #expect(SQLFixtures.findings(duplicate, files).isEmpty)
        // Only the SQLite tree has `only_here`; the PostgreSQL query is not judged against it.
        #expect(SQLFixtures.findings(query, files).map(\.path) == ["db/sqlite/q.go"])
    }

    @Test func aTreeSpeaksItsEngineAndSharedFilesVoteByTheirText() {
        let fk = "query-performance/fk-without-index"
        let schema = "CREATE TABLE u (id INT PRIMARY KEY);\nCREATE TABLE o (id INT PRIMARY KEY, u_id INT REFERENCES u (id));"
        // MySQL indexes foreign keys itself: never reported there.
        #expect(SQLFixtures.findings(fk, [("m/mysql/1/a.sql", schema)]).isEmpty)
        #expect(SQLFixtures.findings(fk, [("m/postgres/1/a.sql", schema)]).count == 1)
        let mysql = "CREATE TABLE `u` (`id` INT PRIMARY KEY) ENGINE=InnoDB;\nCREATE TABLE `o` (`id` INT PRIMARY KEY, `u_id` INT REFERENCES `u` (`id`)) ENGINE=InnoDB;"
        let shared = [("db/migrations/001_a.sql", mysql), ("db/migrations/002_b.sql", "CREATE TABLE `p` (`id` INT PRIMARY KEY) ENGINE=InnoDB;")]
        #expect(SQLFixtures.findings(fk, shared + [("test/sqlite/t.sql", "CREATE TABLE t (id INTEGER PRIMARY KEY);")]).isEmpty)
    }

    @Test func queriesNamingNoEngineAreJudgedInEachTreeAndReportedOnce() throws {
        let files = [
            ("m/sqlite/a.sql", "CREATE TABLE t (id INT PRIMARY KEY, k TEXT);"),
            ("m/mysql/a.sql", "CREATE TABLE t (id INT PRIMARY KEY, k TEXT);"),
            ("app/q.py", "def f(db):\n    return db.execute(\"SELECT id FROM t WHERE k = %s\", (1,))\n"),
        ]
        let findings = SQLFixtures.findings(query, files)
        #expect(findings.map { "\($0.path):\($0.line)" } == ["app/q.py:2"])
    }

    @Test func aSnapshotAndTheChainAreOneSchema() {
        let chain = [
            ("m/0.1/00__init.sql", "CREATE TABLE s (id INT PRIMARY KEY, m INT, u INT);\nCREATE TABLE r (id INT PRIMARY KEY);"),
            ("m/0.2/00__s.sql", "CREATE INDEX s_m ON s (m);\nCREATE UNIQUE INDEX s_u_m ON s (u, m);\nCREATE INDEX s_u ON s (u);"),
        ]
        let snapshot = ("m/LATEST.sql", """
            CREATE TABLE s (id INT PRIMARY KEY, m INT, u INT);
            CREATE TABLE r (id INT PRIMARY KEY);
            CREATE INDEX s_m ON s (m);
            CREATE UNIQUE INDEX s_u_m ON s (u, m);
            CREATE INDEX s_u ON s (u);
            """)
        // `s_m` is one index defined on both routes; `s_u` is redundant on both and reported once,
        // in the snapshot, also when the snapshot's path sorts before the chain's.
        let findings = SQLFixtures.findings(duplicate, chain + [snapshot])
        #expect(findings.map { "\($0.path):\($0.line)" } == ["m/LATEST.sql:5"])
        let early = SQLFixtures.findings(duplicate, chain.map { ("m/steps/" + $0.0.dropFirst(2), $0.1) } + [("m/BASE.sql", snapshot.1)])
        #expect(early.map { "\($0.path):\($0.line)" } == ["m/BASE.sql:5"])
    }

    @Test func aSchemaTheChainOnlyAddsToKeepsItsPlace() {
        let files = [
            ("db/schema.sql", "CREATE TABLE u (id INT PRIMARY KEY);\nCREATE TABLE o (id INT PRIMARY KEY, u_id INT REFERENCES u (id));"),
            ("db/migrations/002_o.sql", "CREATE INDEX o_u ON o (u_id);"),
        ]
        #expect(SQLFixtures.findings("query-performance/fk-without-index", files).isEmpty)
        #expect(SchemaReplay.snapshotPaths(files.map { SQLFixtures.facts($0.1, path: $0.0) }).isEmpty)
    }

    @Test func aTableDroppedInALaterVersionIsGone() {
        let files = [
            ("m/sqlite/0.22/03__drop_label.sql", "DROP TABLE label;"),
            ("m/sqlite/0.9/00__label.sql", "CREATE TABLE label (name TEXT, owner_id INT);"),
        ]
        #expect(SQLFixtures.findings(primaryKey, files).isEmpty)
        #expect(SQLFixtures.keys(SQLFixtures.findings(primaryKey, [files[1]])) == ["label()"])
    }

    @Test func queriesInMigrationsRunOnce() {
        let schema = ("db/schema.sql", "CREATE TABLE u (id INT PRIMARY KEY, role TEXT);")
        let update = "UPDATE u SET role = 'ADMIN' WHERE role = 'HOST';"
        #expect(SQLFixtures.findings(query, [schema, ("db/migration/2.6/04__roles.sql", update)]).isEmpty)
        #expect(SQLFixtures.findings(query, [schema, ("db/migrations/20240101_host.sql", update)]).isEmpty)
        // A migration by role (a Rails or Django migration in code) is one too; a query file is not.
        let facts = [SQLFixtures.facts(schema.1, path: schema.0), SQLFixtures.facts(update, path: "db/upgrade.sql")]
        let byRole = SchemaAnalysis.findings(facts: facts, rules: [SQLFixtures.rule(query)], roles: ["db/upgrade.sql": .migration],
                                             lineText: { _, _ in "" })
        #expect(byRole.isEmpty)
        #expect(SQLFixtures.findings(query, [schema, ("db/upgrade.sql", update)]).count == 1)
    }
    /// A schema that tests load is not the application's when the application declares one: its
    /// index does not make the application's index a duplicate.
    @Test func aTestSchemaIsNotTheApplications() {
        let migration = ("migration/V1__init.sql", "CREATE TABLE m (id INT PRIMARY KEY, project_id INT);\nCREATE INDEX m_project ON m (project_id);")
        let fixture = ("src/test/resources/old-schema.sql", "CREATE INDEX m_project_component ON m (project_id, id);")
        func findings(_ roles: [String: FileRole]) -> [Finding] {
            let facts = [migration, fixture].map { SQLFixtures.facts($0.1, path: $0.0) }
            return SchemaAnalysis.findings(facts: facts, rules: [SQLFixtures.rule(duplicate)], roles: roles, lineText: { _, _ in "" })
        }
        #expect(findings([fixture.0: .source]).count == 1)
        #expect(findings([fixture.0: .test]).isEmpty)
        // With no schema of its own, the tests' schema is the only one there is.
        let alone = [SQLFixtures.facts(migration.1 + "\n" + fixture.1, path: fixture.0)]
        #expect(SchemaAnalysis.findings(facts: alone, rules: [SQLFixtures.rule(duplicate)], roles: [fixture.0: .test], lineText: { _, _ in "" }).count == 1)
    }
}

