import BackcheckAnalysis
import Testing
@testable import BackcheckSQL

/// The analyzers' decisions on the cases docs/DESIGN.md §6 names.
@Suite struct AnalyzerTests {
    let fk = "query-performance/fk-without-index"
    let query = "query-performance/unindexed-query-column"

    @Test(arguments: [
        ("CREATE INDEX i ON c (a_id, b_id)", true),
        ("CREATE INDEX i ON c (b_id, a_id, x)", true),
        ("CREATE INDEX i ON c (a_id)", false),
        ("CREATE INDEX i ON c (a_id, x, b_id)", false),
        ("CREATE INDEX i ON c (x, a_id, b_id)", false),
        ("CREATE INDEX i ON c ((a_id + 0), b_id)", false),
        ("CREATE INDEX i ON c USING hash (a_id, b_id)", false),
        ("CREATE INDEX i ON c (a_id, b_id) WHERE a_id IS NOT NULL AND b_id IS NOT NULL", true),
        ("CREATE INDEX i ON c (a_id, b_id) WHERE x > 0", false),
        ("ALTER TABLE c ADD CONSTRAINT u UNIQUE (b_id, a_id)", true),
        ("ALTER TABLE c ADD PRIMARY KEY (a_id, b_id, x)", true),
    ])
    func compositeForeignKeyCoverage(_ index: String, _ covered: Bool) {
        let sql = """
            CREATE TABLE p (a INT, b INT, PRIMARY KEY (a, b));
            CREATE TABLE c (a_id INT, b_id INT, x INT, FOREIGN KEY (a_id, b_id) REFERENCES p (a, b));
            \(index);
            """
        #expect(SQLFixtures.findings(fk, [("s.sql", sql)]).isEmpty == covered)
    }

    @Test func severityRisesWithCascadeAndMySQLIsNeverReported() throws {
        let sql = """
            CREATE TABLE u (id INT PRIMARY KEY);
            CREATE TABLE a (id INT PRIMARY KEY, u_id INT REFERENCES u (id));
            CREATE TABLE b (id INT PRIMARY KEY, u_id INT REFERENCES u (id) ON DELETE CASCADE);
            CREATE TABLE c (id INT PRIMARY KEY, u_id INT REFERENCES u (id) ON DELETE SET NULL);
            """
        let findings = SQLFixtures.findings(fk, [("s.sql", sql)], dialect: .postgresql)
        #expect(findings.map(\.severity) == [.medium, .high, .high])
        #expect(findings[0].message.contains("CREATE INDEX CONCURRENTLY a_u_id_idx ON a (u_id);"))
        #expect(findings[0].properties == ["table": "a", "columns": "u_id"])
        #expect(findings.map(\.line) == [2, 3, 4])
        #expect(SQLFixtures.findings(fk, [("s.sql", sql)], dialect: .mysql).isEmpty)
    }

    @Test func foreignKeyIsJudgedOnTheFinalSchema() {
        let files = [
            ("db/migrations/001.sql", "CREATE TABLE u (id INT PRIMARY KEY);\nCREATE TABLE o (id INT PRIMARY KEY, u_id INT REFERENCES u (id));"),
            ("db/migrations/002.sql", "CREATE INDEX o_u ON o (u_id);"),
        ]
        #expect(SQLFixtures.findings(fk, files).isEmpty)
        let findings = SQLFixtures.findings(fk, files + [("db/migrations/003.sql", "DROP INDEX o_u;")])
        #expect(findings.map { "\($0.path):\($0.line)" } == ["db/migrations/001.sql:2"])
    }

    @Test func fingerprintsIgnoreLines() throws {
        let schema = "CREATE TABLE u (id INT PRIMARY KEY);\nCREATE TABLE o (id INT PRIMARY KEY, u_id INT REFERENCES u (id));"
        let before = try #require(SQLFixtures.findings(fk, [("s.sql", schema)]).first)
        let after = try #require(SQLFixtures.findings(fk, [("s.sql", "-- moved\n\n" + schema)]).first)
        #expect(before.line + 2 == after.line)
        #expect(before.fingerprint == after.fingerprint)
    }

    @Test func queryInCodeIsReportedAtItsLine() throws {
        let schema = "CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT, status TEXT);"
        let code = "import db\n\ndef paid():\n    return db.execute(\"SELECT id FROM orders WHERE status = %s\", ('paid',))\n"
        let findings = SQLFixtures.findings(query, [("db/schema.sql", schema), ("app/orders.py", code)])
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.path == "app/orders.py" && finding.line == 4)
        #expect(finding.properties == ["table": "orders", "columns": "status"])
        #expect(finding.message.contains("CREATE INDEX orders_status_idx ON orders (status);"))
    }

    @Test(arguments: [
        "SELECT id FROM orders WHERE id = $1 AND status = 'x'",
        "SELECT id FROM orders WHERE missing = 1",
        "SELECT id FROM nowhere WHERE status = 1",
        "SELECT o.id FROM orders o JOIN users u ON u.id = o.user_id WHERE u.id = 3",
        "SELECT id FROM orders WHERE status = 'x' AND user_id = 2",
        "SELECT id FROM orders, users WHERE status = 'x'",
        "SELECT id FROM orders ORDER BY status",
        "SELECT id FROM orders WHERE upper(status) = 'X'",
    ])
    func queriesTheSchemaDoesNotConvict(_ sql: String) {
        let schema = """
            CREATE TABLE users (id BIGINT PRIMARY KEY, status TEXT);
            CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT, status TEXT);
            CREATE INDEX orders_user ON orders (user_id);
            """
        #expect(SQLFixtures.findings(query, [("s.sql", schema), ("q.sql", sql)]).isEmpty)
    }

    @Test func sortWithLimitIsLowSeverity() throws {
        let sql = "CREATE TABLE t (id INT PRIMARY KEY, at TIMESTAMP);\nSELECT id FROM t ORDER BY at DESC LIMIT 20;"
        let finding = try #require(SQLFixtures.findings(query, [("s.sql", sql)]).first)
        #expect(finding.severity == .low && finding.line == 2)
    }

    @Test func joinProbesTheInnerSide() {
        let schema = """
            CREATE TABLE users (id BIGINT PRIMARY KEY, email TEXT);
            CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT);
            """
        let inner = SQLFixtures.findings(query, [("s.sql", schema), ("q.sql", "SELECT 1 FROM users u JOIN orders o ON o.user_id = u.id")])
        #expect(SQLFixtures.keys(inner) == ["orders(user_id)"])
        let outer = SQLFixtures.findings(query, [("s.sql", schema), ("q.sql", "SELECT 1 FROM orders o JOIN users u ON u.id = o.user_id")])
        #expect(outer.isEmpty)
    }

    @Test func primaryKeysDuplicatesAndSensitiveColumns() {
        let sql = """
            CREATE TABLE a (x INT);
            CREATE TABLE b (id INT PRIMARY KEY, user_password TEXT, password_hash TEXT, card_number CHAR(16), api_key_id INT);
            CREATE INDEX b_id ON b (id);
            CREATE INDEX b_pw ON b (user_password, id);
            CREATE INDEX b_pw2 ON b (user_password);
            """
        #expect(SQLFixtures.keys(SQLFixtures.findings("query-performance/table-without-primary-key", [("s.sql", sql)])) == ["a()"])
        #expect(SQLFixtures.keys(SQLFixtures.findings("query-performance/duplicate-index", [("s.sql", sql)])) == ["b(id)", "b(user_password)"])
        #expect(SQLFixtures.keys(SQLFixtures.findings("sensitive-data/plaintext-password-column", [("s.sql", sql)])) == ["b(user_password)"])
        #expect(SQLFixtures.keys(SQLFixtures.findings("sensitive-data/plaintext-card-number-column", [("s.sql", sql)])) == ["b(card_number)"])
    }
    /// An index in another collation orders differently: it is no duplicate of the plain one.
    @Test func anIndexInItsOwnCollationIsNoDuplicate() {
        let sql = """
            CREATE TABLE f (id INTEGER PRIMARY KEY, path TEXT NOT NULL);
            CREATE INDEX f_path ON f (path);
            CREATE INDEX f_path_nocase ON f (path COLLATE NOCASE);
            CREATE INDEX f_path_again ON f (path);
            """
        #expect(SQLFixtures.keys(SQLFixtures.findings("query-performance/duplicate-index", [("s.sql", sql)])) == ["f(path)"])
    }

    /// A partial index holds only the rows its predicate passes: a query filtering on the
    /// predicate's column reads it, whatever its first key.
    @Test func aPartialIndexOverTheFilteredColumnServesIt() {
        let table = "CREATE TABLE task (id INT PRIMARY KEY, queue TEXT NOT NULL, status TEXT NOT NULL, created_at TIMESTAMP);"
        let partial = "CREATE INDEX task_poll ON task (queue, created_at) WHERE status = 'QUEUED';"
        let plain = "CREATE INDEX task_queue ON task (queue, created_at);"
        let poll = "SELECT id FROM task WHERE status = 'QUEUED' ORDER BY created_at LIMIT 10"
        #expect(SQLFixtures.findings(query, [("s.sql", table + "\n" + partial), ("q.sql", poll)]).isEmpty)
        #expect(SQLFixtures.keys(SQLFixtures.findings(query, [("s.sql", table + "\n" + plain), ("q.sql", poll)])) == ["task(status)"])
    }
}
