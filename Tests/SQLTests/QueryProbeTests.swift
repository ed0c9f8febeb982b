import Testing
@testable import BackcheckSQL

/// Correlated and joined equalities as index probes, and OR conditions.
@Suite struct QueryProbeTests {
    let query = "query-performance/unindexed-query-column"

    @Test func aCorrelatedEqualityProbesTheSubquerysTable() {
        let schema = """
            CREATE TABLE post (id INT PRIMARY KEY, starred INT);
            CREATE TABLE flag (post_id INT NOT NULL, account_id INT NOT NULL, starred INT, UNIQUE (post_id, account_id));
            CREATE TABLE pref (account_id INT NOT NULL, key TEXT NOT NULL, UNIQUE (account_id, key));
            """
        let starred = """
            UPDATE post SET starred = 1
            WHERE EXISTS (SELECT 1 FROM flag WHERE post.id = flag.post_id AND flag.starred = 1);
            """
        #expect(SQLFixtures.findings(query, [("s.sql", schema), ("q.sql", starred)]).isEmpty)
        // The outer table's filter is still its own: one finding, not one per reference.
        let renamed = """
            UPDATE pref AS legacy SET key = 'B'
            WHERE legacy.key = 'A'
              AND NOT EXISTS (SELECT 1 FROM pref AS existing WHERE existing.account_id = legacy.account_id AND existing.key = 'B');
            """
        let findings = SQLFixtures.findings(query, [("s.sql", schema), ("q.sql", renamed)])
        #expect(findings.count == 1)
        #expect(SQLFixtures.keys(findings) == ["pref(key)"])
        // The outer side of the correlation gains nothing from the inner side's index.
        let outer = "SELECT 1 FROM flag f WHERE f.starred = 1 AND EXISTS (SELECT 1 FROM post p WHERE p.id = f.post_id);"
        #expect(SQLFixtures.keys(SQLFixtures.findings(query, [("s.sql", schema), ("q.sql", outer)])) == ["flag(starred)"])
    }

    @Test func aJoinedTableIsProbedByItsJoinColumn() {
        let schema = """
            CREATE TABLE users (id BIGINT PRIMARY KEY, email TEXT);
            CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT, status TEXT);
            CREATE INDEX orders_user ON orders (user_id);
            """
        let sql = "SELECT 1 FROM users u JOIN orders o ON o.user_id = u.id WHERE o.status = 'paid' AND u.email = $1;"
        #expect(SQLFixtures.keys(SQLFixtures.findings(query, [("s.sql", schema), ("q.sql", sql)])) == ["users(email)"])
    }

    @Test func anORofColumnsWantsAnIndexOnEach() throws {
        let schema = "CREATE TABLE message (id INT PRIMARY KEY, sender_id INT, receiver_id INT, status TEXT);"
        let either = try #require(SQLFixtures.findings(query, [("s.sql", schema), ("q.sql", "DELETE FROM message WHERE sender_id = ? OR receiver_id = ?;")]).first)
        #expect(either.message.contains("add one per column"))
        #expect(either.message.contains("CREATE INDEX message_sender_id_idx ON message (sender_id); CREATE INDEX message_receiver_id_idx ON message (receiver_id);"))
        // A condition ANDed with the OR can lead one index.
        let both = try #require(SQLFixtures.findings(query, [("s.sql", schema),
            ("q.sql", "SELECT id FROM message WHERE status = 'new' AND (sender_id = ? OR receiver_id = ?);")]).first)
        #expect(both.message.contains("add one: CREATE INDEX message_status_idx ON message (status);"))
        let and = try #require(SQLFixtures.findings(query, [("s.sql", schema), ("q.sql", "SELECT id FROM message WHERE sender_id = ? AND receiver_id = ?;")]).first)
        #expect(and.message.contains("CREATE INDEX message_sender_id_receiver_id_idx ON message (sender_id, receiver_id);"))
    }
}
