import BackcheckLexer
import Testing
@testable import BackcheckSQL
import BackcheckModel

/// Tables, aliases and column uses of queries, in .sql files and in code strings.
@Suite struct QueryFactTests {
    func uses(_ sql: String) -> [String] {
        SQLFixtures.facts(sql).queries.flatMap { query in
            query.uses.map { use in
                let clause = switch use.clause {
                case .filter: "where"
                case .join(let n): "join\(n)"
                case .orderBy: "order"
                case .groupBy: "group"
                }
                return "\(use.qualifier.map { $0 + "." } ?? "")\(use.column) \(clause)\(use.isEquality ? "=" : "<")\(use.comparedToColumn ? " col" : "")"
            }
        }
    }

    @Test func whereJoinOrderGroup() throws {
        let sql = """
            SELECT o.id, count(*) FROM orders AS o
            LEFT JOIN users u ON u.id = o.user_id AND u.active = true
            WHERE o.status IN ('a', 'b') AND o.created_at >= $1 AND lower(o.note) = 'x' AND o.total + 1 > 3
              AND o.code LIKE 'AB%' AND o.memo LIKE '%x' AND o.deleted_at IS NULL AND o.kind <> 'x'
            GROUP BY o.region ORDER BY o.created_at DESC LIMIT 10;
            """
        #expect(uses(sql) == [
            "u.id join1= col", "o.user_id join1= col", "u.active join1=",
            "o.status where=", "o.created_at where<", "o.code where<", "o.deleted_at where=",
            "o.region group<", "o.created_at order<",
        ])
        let query = try #require(SQLFixtures.facts(sql).queries.first)
        #expect(query.tables == [TableReference(table: "orders", alias: "o", join: nil, depth: 0),
                               TableReference(table: "users", alias: "u", join: 1, depth: 0)])
        #expect(query.hasLimit)
    }

    @Test func updateDeleteSubqueriesAndCTEs() throws {
        let facts = SQLFixtures.facts("""
            UPDATE accounts SET balance = 0 WHERE owner_id = :owner;
            DELETE FROM sessions WHERE expires_at < now();
            WITH recent AS (SELECT * FROM orders WHERE created_at > @since)
            SELECT r.id FROM recent r JOIN (SELECT id FROM users) x ON x.id = r.user_id;
            """)
        #expect(facts.queries.map { $0.tables.map { "\($0.table ?? "-") \($0.alias)" } } == [
            ["accounts accounts"], ["sessions sessions"], ["orders orders", "- r", "users users", "- x"],
        ])
        #expect(facts.queries.map(\.location.line) == [1, 2, 3])
    }

    @Test(arguments: [
        (Language.python, "cur.execute(\"SELECT id FROM orders \"\n    \"WHERE status = %s\", (s,))"),
        (.python, "q = f\"SELECT id FROM orders WHERE status = {status!r}\""),
        (.javascript, "db.query('SELECT id FROM orders WHERE status = ' + status + ' ORDER BY id')"),
        (.javascript, "db.query(`SELECT id FROM orders WHERE status = ${status}`)"),
        (.java, "String q = \"SELECT id FROM orders \" +\n \"WHERE status = ?\";"),
        (.go, "rows, err := db.Query(`SELECT id\n FROM orders\n WHERE status = $1`, s)"),
        (.php, "<?php $q = \"SELECT id FROM orders WHERE status = '\" . $status . \"'\";"),
        (.ruby, "Order.find_by_sql(\"SELECT id FROM orders WHERE status = '#{status}'\")"),
        (.kotlin, "val q = \"\"\"SELECT id FROM orders WHERE status = ?\"\"\""),
        (.csharp, "var q = $\"SELECT id FROM orders WHERE status = {status}\";"),
        (.swift, "let q = \"SELECT id FROM orders WHERE status = \\(status)\""),
        (.typescript, "const q: string = \"select id from orders where status = $1\";"),
    ])
    func queriesInCodeStrings(_ language: Language, _ code: String) throws {
        let facts = try #require(SQLFactExtractor.extract(path: "f", bytes: Array(code.utf8), language: language))
        let query = try #require(facts.queries.first)
        #expect(query.location.line == 1)
        #expect(query.tables.map(\.table) == ["orders"])
        #expect(query.uses.map(\.column).contains("status"))
    }

    @Test func stringsThatAreNotQueriesAreIgnored() {
        let code = "msg = \"select your plan where it fits\"\nlabel = 'Update the order'\n"
        #expect(SQLFactExtractor.extract(path: "f.py", bytes: Array(code.utf8), language: .python) == nil)
    }

    @Test func aQueryEndingInAnOperatorKeepsWhatItSays() {
        // The clause after `IN` is built at run time; the string ends at the keyword.
        let code = "_, err := tx.ExecContext(ctx, `DELETE FROM reaction WHERE memo_id IN `+clause, args...)\n"
        let facts = SQLFixtures.facts(code, path: "store/delete.go", language: .go)
        #expect(facts.queries.first?.tables.map(\.table) == ["reaction"])
        #expect(uses("SELECT id FROM t WHERE id IN") == ["id where="])
        for ending in ["=", ">", "<>", "LIKE", "NOT LIKE", "BETWEEN", "IS", "IS NOT", "IN (", "ORDER BY", "GROUP BY", "JOIN", "JOIN u ON",
                       "FROM", "LIMIT", "AND", "OR t.", "ORDER BY t."] {
            _ = uses("SELECT id FROM t WHERE id " + ending)
            _ = uses("UPDATE t SET a = 1 WHERE " + ending)
        }
    }
}

/// Columns a query stores through a hashing function, as ``SensitiveColumnAnalyzer`` reads them.
@Suite struct HashedColumnTests {
    func hashed(_ sql: String) -> [[String]] {
        SQLFixtures.facts(sql).queries.map { $0.hashedColumns.map { ($0.table.map { $0 + "." } ?? "") + $0.column } }
    }

    @Test func insertValuesByPosition() {
        #expect(hashed("INSERT INTO users (username, password, salt) VALUES ($1, CASE WHEN $2 != '' THEN CRYPT($2, GEN_SALT('bf')) ELSE NULL END, $3);")
            == [["users.password"]])
        #expect(hashed("INSERT INTO public.users (password, salt) VALUES ($1, gen_salt('bf'));") == [["users.salt"]])
    }

    @Test func updateAssignments() {
        #expect(hashed("UPDATE accounts SET name = $2, passwd = crypt($3, gen_salt('bf')), token = encode(digest($4, 'sha256'), 'hex') WHERE id = $1;")
            == [["passwd", "token"]])
        #expect(hashed("UPDATE accounts SET passwd = $2 WHERE id = $1;") == [[]])
    }

    @Test func pgcryptoCheckNamesTheStoredHash() {
        #expect(hashed("SELECT id FROM members WHERE email = $1 AND crypt($2, password) = password;") == [["password"]])
    }

    @Test func insertWithoutFiltersIsKeptForItsHashes() {
        #expect(SQLFixtures.facts("INSERT INTO users (password) VALUES ($1);").queries.isEmpty)
        #expect(hashed("INSERT INTO users (password) VALUES (crypt($1, gen_salt('bf')));") == [["users.password"]])
    }
}

/// A project whose code hashes passwords stores hashes in its `password` columns.
@Suite struct PasswordHashingProjectTests {
    let rule = "sensitive-data/plaintext-password-column"
    let schema = ("migrations/sqlite/0001_initial.up.sql",
                  "CREATE TABLE account (id INTEGER PRIMARY KEY, username TEXT NOT NULL, password TEXT NOT NULL, api_secret TEXT);")

    @Test func aPasswordHasherInTheCodeVouchesForPasswordColumnsOnly() {
        let hasher = ("internal/domains/accounts.go",
                      "package domains\nfunc hash(p string) ([]byte, error) { return bcrypt.GenerateFromPassword([]byte(p), 10) }\n")
        #expect(SQLFixtures.keys(SQLFixtures.findings(rule, [schema])) == ["account(password)", "account(api_secret)"])
        #expect(SQLFixtures.keys(SQLFixtures.findings(rule, [schema, hasher])) == ["account(api_secret)"])
    }

    @Test func aTableWithItsOwnHashColumnKeepsThePlainOneReported() {
        let both = ("db/schema.sql", "CREATE TABLE users (id BIGINT PRIMARY KEY, password TEXT NOT NULL, password_hash TEXT);")
        let hasher = ("app/auth.py", "import bcrypt\ndef hash_password(p):\n    return bcrypt.hashpw(p, bcrypt.gensalt())\n")
        #expect(SQLFixtures.keys(SQLFixtures.findings(rule, [both, hasher])) == ["users(password)"])
    }

    @Test(arguments: [
        ("src/main/java/app/UserService.java", "class UserService { void set(User u, String p) { u.setPassword(passwordEncoder.encode(p)); } }"),
        ("persistence/users.go", "package persistence\nfunc (r *repo) Put(u *User) error { u.Password, _ = encryptPassword(u.Password); return r.save(u) }\n"),
    ])
    func encodersAndEncryptingWrappersVouchToo(_ file: (String, String)) {
        #expect(SQLFixtures.keys(SQLFixtures.findings(rule, [schema, file])) == ["account(api_secret)"])
    }

    @Test func namesThatOnlyMentionHashingDoNot() {
        let other = ("internal/cache.go", "package cache\n// hash keys with fnv, not bcrypt\nfunc key(s string) uint32 { return fnv32(s) }\n")
        #expect(SQLFixtures.keys(SQLFixtures.findings(rule, [schema, other])) == ["account(password)", "account(api_secret)"])
    }
}
