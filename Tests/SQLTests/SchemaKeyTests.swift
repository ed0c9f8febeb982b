import Testing
@testable import BackcheckSQL

/// Candidate keys, indexes defined again, and how duplicate-index names the index that makes
/// another redundant.
@Suite struct SchemaKeyTests {
    let primaryKey = "query-performance/table-without-primary-key"
    let duplicate = "query-performance/duplicate-index"

    @Test(arguments: [
        ("CREATE TABLE s (name TEXT NOT NULL, value TEXT, UNIQUE (name))", false),
        ("CREATE TABLE s (u INT NOT NULL, k TEXT NOT NULL, v TEXT, UNIQUE (u, k))", false),
        ("CREATE TABLE s (name TEXT NOT NULL UNIQUE, value TEXT)", false),
        ("CREATE TABLE s (u INT NOT NULL, k TEXT NOT NULL);\nCREATE UNIQUE INDEX s_u_k ON s (u, k)", false),
        ("CREATE TABLE s (name TEXT, value TEXT, UNIQUE (name))", true),
        ("CREATE TABLE s (u INT NOT NULL, k TEXT, UNIQUE (u, k))", true),
        ("CREATE TABLE s (name TEXT NOT NULL);\nCREATE UNIQUE INDEX s_n ON s (name) WHERE name <> ''", true),
        ("CREATE TABLE s (name TEXT NOT NULL);\nCREATE UNIQUE INDEX s_n ON s (lower(name))", true),
        ("CREATE TABLE s (name TEXT NOT NULL);\nCREATE INDEX s_n ON s (name)", true),
    ])
    func aCandidateKeyServesAsThePrimaryKey(_ sql: String, _ reported: Bool) {
        #expect(SQLFixtures.findings(primaryKey, [("s.sql", sql)]).isEmpty == !reported)
    }

    @Test func theCoveringConstraintIsNamedForWhatItIs() throws {
        let sql = """
            CREATE TABLE login (id INT PRIMARY KEY, account_id INT NOT NULL, provider TEXT NOT NULL, UNIQUE (account_id, provider));
            CREATE INDEX login_account ON login (account_id);
            CREATE INDEX login_id ON login (id);
            """
        let findings = SQLFixtures.findings(duplicate, [("s.sql", sql)])
        #expect(findings.count == 2)
        #expect(findings.contains { $0.message.contains("the UNIQUE constraint (account_id, provider) already leads with them") })
        #expect(findings.contains { $0.message.contains("the primary key (id) already leads with them") })
    }

    @Test func anIndexDefinedAgainIsOneIndex() {
        let sql = """
            CREATE TABLE link (id INT PRIMARY KEY, post_id INT);
            CREATE INDEX IF NOT EXISTS link_post ON link (post_id);
            CREATE INDEX IF NOT EXISTS link_post ON link (post_id);
            """
        #expect(SQLFixtures.findings(duplicate, [("s.sql", sql)]).isEmpty)
    }
}
