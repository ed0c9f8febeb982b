import Foundation
import Testing
@testable import BackcheckSQL

/// The analyzer's unindexed foreign keys against a real PostgreSQL server: the schema is loaded
/// into a fresh database and the catalog (pg_constraint × pg_index, btree, non-partial, plain
/// leading columns) says which foreign keys an index covers. Then the same for the schema as
/// `pg_dump` writes it back, data blocks and all. `.ci/run` starts the server and exports
/// BACKCHECK_PG_SOCKET (the socket directory) and BACKCHECK_PG_USER.
@Suite(.serialized) struct PostgresOracleTests {
    /// Foreign keys no btree, non-partial index leads with, as `table(c1,c2)`.
    static let catalogQuery = """
        SELECT c.conrelid::regclass::text || '(' ||
               (SELECT string_agg(a.attname, ',' ORDER BY a.attname) FROM pg_attribute a
                 WHERE a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)) || ')'
        FROM pg_constraint c
        WHERE c.contype = 'f' AND NOT EXISTS (
            SELECT 1 FROM pg_index i
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_am am ON am.oid = ic.relam
            WHERE i.indrelid = c.conrelid AND am.amname = 'btree' AND i.indpred IS NULL
              AND i.indnkeyatts >= cardinality(c.conkey)
              AND (SELECT array_agg(k ORDER BY k) FROM unnest((i.indkey::int2[])[0:cardinality(c.conkey) - 1]) k)
                  = (SELECT array_agg(k ORDER BY k) FROM unnest(c.conkey) k))
        """

    struct Server {
        var socket: String
        var user: String
        var psql: String
        var pgDump: String

        func psql(_ database: String, _ arguments: [String], input: String? = nil) throws -> String {
            try Executables.run(psql, ["-h", socket, "-U", user, "-d", database, "-X", "-q", "-t", "-A",
                                       "-v", "ON_ERROR_STOP=1"] + arguments, input: input)
        }

        /// Runs `body` with a fresh database, dropped afterwards.
        func withDatabase<T>(_ body: (String) throws -> T) throws -> T {
            let name = "backcheck_\(UUID().uuidString.prefix(8).lowercased())"
            try psql("postgres", ["-c", "CREATE DATABASE \(name)"])
            defer { _ = try? psql("postgres", ["-c", "DROP DATABASE \(name)"]) }
            return try body(name)
        }
    }

    /// The server from the environment; nil (and a failure in CI) when there is none.
    static func server() -> Server? {
        let environment = ProcessInfo.processInfo.environment
        guard let socket = environment["BACKCHECK_PG_SOCKET"], let psql = Executables.find("psql"),
              let pgDump = Executables.find("pg_dump") else {
            Executables.missing("a PostgreSQL server (BACKCHECK_PG_SOCKET) with psql and pg_dump")
            return nil
        }
        return Server(socket: socket, user: environment["BACKCHECK_PG_USER"] ?? "postgres", psql: psql, pgDump: pgDump)
    }

    func check(_ schema: String, data: String = "") throws {
        guard let server = Self.server() else { return }
        try server.withDatabase { database in
            _ = try server.psql(database, [], input: schema + data)
            // backcheck folds every name to lower case, quoted ones too ("Accounts" is accounts).
            let expected = Set(try server.psql(database, ["-c", Self.catalogQuery]).split(separator: "\n").map {
                $0.replacingOccurrences(of: "\"", with: "").lowercased()
            })
            #expect(!expected.isEmpty)
            let findings = SQLFixtures.findings("query-performance/fk-without-index", [("schema.sql", schema)], dialect: .postgresql)
            #expect(SQLFixtures.keys(findings) == expected)
            let dump = try Executables.run(server.pgDump, ["-h", server.socket, "-U", server.user, database])
            let facts = SQLFixtures.facts(dump, path: "dump.sql")
            #expect(facts.dialect == .postgresql)
            let fromDump = SQLFixtures.findings("query-performance/fk-without-index", [("dump.sql", dump)])
            #expect(SQLFixtures.keys(fromDump) == expected, "pg_dump output: \(SQLFixtures.keys(fromDump).symmetricDifference(expected).sorted())")
        }
    }

    @Test func handWrittenSchemaWithEveryConstruct() throws {
        let schema = """
            CREATE SCHEMA IF NOT EXISTS shop;
            CREATE TABLE users (id bigserial PRIMARY KEY, email text UNIQUE NOT NULL);
            CREATE TABLE "Accounts" (id bigint PRIMARY KEY, owner_id bigint REFERENCES users ON DELETE CASCADE);
            CREATE TABLE orders (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                user_id bigint NOT NULL REFERENCES users (id),
                account_id bigint,
                note text,
                CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES "Accounts" (id) ON DELETE SET NULL
            );
            CREATE INDEX CONCURRENTLY orders_user_idx ON orders USING btree (user_id DESC NULLS LAST);
            CREATE INDEX orders_account_lower ON orders (account_id) WHERE note IS NULL;
            CREATE TABLE shop.items (id int PRIMARY KEY, order_id bigint REFERENCES public.orders (id));
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END; $$;
            ALTER TABLE orders ADD COLUMN parent_id bigint, ADD CONSTRAINT orders_parent_fk FOREIGN KEY (parent_id) REFERENCES orders (id);
            ALTER TABLE orders RENAME COLUMN note TO memo;
            """
        try check(schema, data: "INSERT INTO users (email) VALUES ('o''brien@example.com'), ('x;y\\.z');\n")
    }

    @Test(arguments: [(UInt64(11), 60), (12, 400)])
    func generatedSchemaAgreesWithPostgreSQL(_ seed: UInt64, _ tables: Int) throws {
        let schema = GeneratedSchema(tables: tables, seed: seed, dialect: .postgresql).sql
        try check(schema, data: "INSERT INTO t0 (id, region, code, title) VALUES (1, 1, 1, 'it''s; CREATE TABLE x (y int);'), (2, 1, 2, E'tab\\there');\n")
    }
}
