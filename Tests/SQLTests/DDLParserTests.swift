import Testing
@testable import BackcheckSQL

/// Every DDL construct of the three dialects, parsed into the schema model.
@Suite struct DDLParserTests {
    @Test func createTableWithInlineAndTableLevelKeys() throws {
        let schema = SQLFixtures.schema("""
            CREATE TABLE IF NOT EXISTS "Shop"."Orders" (
                id BIGSERIAL PRIMARY KEY,
                user_id BIGINT NOT NULL CONSTRAINT orders_user_fk REFERENCES public.users (id) ON DELETE SET NULL,
                code VARCHAR(20) UNIQUE,
                region TEXT, shop INT,
                CONSTRAINT orders_region_shop UNIQUE (region, shop),
                FOREIGN KEY (region, shop) REFERENCES shops (region, id) ON UPDATE CASCADE ON DELETE CASCADE,
                CHECK (shop > 0)
            );
            """)
        let table = try #require(schema.tables["shop.orders"])
        #expect(table.columns.map(\.name) == ["id", "user_id", "code", "region", "shop"])
        #expect(table.columns[2].type == "varchar(20)")
        #expect(table.primaryKey?.keys == [.column("id")])
        #expect(table.indexes.filter { $0.constraint == .unique }.map(\.keys) == [[.column("code")], [.column("region"), .column("shop")]])
        #expect(table.foreignKeys.map(\.columns) == [["user_id"], ["region", "shop"]])
        #expect(table.foreignKeys.map(\.referencedTable) == ["users", "shops"])
        #expect(table.foreignKeys.map(\.onDelete) == [.setNull, .cascade])
        #expect(table.foreignKeys[0].name == "orders_user_fk")
        #expect(table.foreignKeys[0].location.line == 3)
        #expect(table.foreignKeys[1].location.line == 7)
    }

    @Test func ifNotExistsKeepsTheFirstDefinition() {
        let schema = SQLFixtures.schema("CREATE TABLE t (a INT); CREATE TABLE IF NOT EXISTS t (b INT);")
        #expect(schema.tables["t"]?.columns.map(\.name) == ["a"])
    }

    @Test func createIndexVariants() throws {
        let schema = SQLFixtures.schema("""
            CREATE TABLE t (a INT, b INT, c TEXT);
            CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS t_ab ON ONLY public.t USING btree (a DESC, b);
            CREATE INDEX t_lower ON t (lower(c), a);
            CREATE INDEX t_partial ON t (b) WHERE a IS NOT NULL;
            CREATE INDEX ON t USING gin (c gin_trgm_ops);
            CREATE INDEX t_c ON t (c COLLATE "C" text_pattern_ops NULLS LAST);
            """)
        let indexes = try #require(schema.tables["t"]?.indexes)
        #expect(indexes.count == 5)
        #expect(indexes[0].name == "t_ab" && indexes[0].isUnique && indexes[0].method == "btree")
        #expect(indexes[0].keys == [.column("a"), .column("b")])
        #expect(indexes[1].keys == [.expression("lower(c)"), .column("a")])
        #expect(indexes[2].predicate == "a IS NOT NULL")
        #expect(indexes[3].name == nil && indexes[3].method == "gin")
        // Its own collation: it serves only comparisons made in that collation.
        #expect(indexes[4].keys == [.expression("c COLLATE \"C\" text_pattern_ops NULLS LAST")])
    }

    @Test func alterTableActions() throws {
        let schema = SQLFixtures.schema("""
            CREATE TABLE t (a INT, b INT, old INT);
            ALTER TABLE t ADD COLUMN c INT REFERENCES u (id), DROP COLUMN b, RENAME COLUMN old TO renamed;
            ALTER TABLE IF EXISTS ONLY t ADD CONSTRAINT t_pkey PRIMARY KEY (a);
            ALTER TABLE t ADD CONSTRAINT t_u FOREIGN KEY (renamed) REFERENCES u (id);
            ALTER TABLE t ADD CONSTRAINT t_uniq UNIQUE (renamed);
            ALTER TABLE t DROP CONSTRAINT t_u;
            ALTER TABLE t DROP CONSTRAINT IF EXISTS t_uniq;
            ALTER TABLE t RENAME TO t2;
            """)
        #expect(schema.tables["t"] == nil)
        let table = try #require(schema.tables["t2"])
        #expect(table.columns.map(\.name) == ["a", "renamed", "c"])
        #expect(table.primaryKey?.keys == [.column("a")])
        #expect(table.foreignKeys.map(\.columns) == [["c"]])
        #expect(table.indexes.count == 1)
    }

    @Test func dropAndRename() {
        let schema = SQLFixtures.schema("""
            CREATE TABLE a (id INT); CREATE TABLE b (id INT); CREATE TABLE c (id INT);
            CREATE INDEX c_id ON c (id);
            DROP TABLE IF EXISTS a, b CASCADE;
            DROP INDEX CONCURRENTLY IF EXISTS public.c_id;
            RENAME TABLE c TO d;
            """)
        #expect(schema.tables.keys.sorted() == ["d"])
        #expect(schema.tables["d"]?.indexes.isEmpty == true)
    }

    @Test func columnsDroppedTakeTheirIndexesAndKeys() {
        let schema = SQLFixtures.schema("""
            CREATE TABLE t (a INT REFERENCES u (id), b INT);
            CREATE INDEX t_ab ON t (a, b);
            ALTER TABLE t DROP COLUMN a;
            """)
        #expect(schema.tables["t"]?.indexes.isEmpty == true)
        #expect(schema.tables["t"]?.foreignKeys.isEmpty == true)
    }

    @Test func mysqlInlineKeysAndDropForms() throws {
        let schema = SQLFixtures.schema("""
            CREATE TABLE `orders` (
              `id` int unsigned NOT NULL AUTO_INCREMENT,
              `user_id` int NOT NULL,
              `key` varchar(10),
              `note` text,
              PRIMARY KEY (`id`),
              UNIQUE KEY `orders_key` (`key`(8)),
              KEY `orders_user` (`user_id`) USING BTREE,
              FULLTEXT KEY `orders_note` (`note`),
              CONSTRAINT `orders_user_fk` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
            ALTER TABLE orders ADD INDEX orders_note_idx (note(20)), DROP INDEX orders_key;
            """)
        let table = try #require(schema.tables["orders"])
        #expect(table.columns.map(\.name) == ["id", "user_id", "key", "note"])
        #expect(table.indexes.map(\.name) == [nil, "orders_user", "orders_note", "orders_note_idx"])
        #expect(table.indexes[2].method == "fulltext")
        #expect(table.foreignKeys.first?.name == "orders_user_fk")
        #expect(SQLFixtures.facts("CREATE TABLE `t` (`id` int AUTO_INCREMENT) ENGINE=InnoDB;").dialect == .mysql)
    }

    @Test func sqliteSchemaOutput() throws {
        let facts = SQLFixtures.facts("""
            CREATE TABLE users(id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT);
            CREATE TABLE sqlite_sequence(name,seq);
            CREATE TABLE [posts] ([id] INTEGER PRIMARY KEY, author INTEGER REFERENCES users, body TEXT) WITHOUT ROWID;
            CREATE INDEX posts_author ON posts(author) WHERE author IS NOT NULL;
            """)
        #expect(facts.dialect == .sqlite)
        let schema = SchemaAnalysis.schema(from: [facts])
        #expect(schema.tables["posts"]?.foreignKeys.first?.referencedColumns == [])
        #expect(schema.tables["posts"]?.columns.map(\.name) == ["id", "author", "body"])
        #expect(schema.tables["sqlite_sequence"]?.columns.map(\.name) == ["name", "seq"])
    }

    @Test func pgDumpLoads() throws {
        let facts = SQLFixtures.facts("""
            --
            -- PostgreSQL database dump
            --
            SET statement_timeout = 0;
            SELECT pg_catalog.set_config('search_path', '', false);
            CREATE FUNCTION public.touch() RETURNS trigger
                LANGUAGE plpgsql
                AS $$
            BEGIN
                NEW.updated_at := now(); -- CREATE TABLE fake (x int);
                RETURN NEW;
            END;
            $$;
            CREATE TABLE public.users (
                id bigint NOT NULL,
                email text NOT NULL
            );
            ALTER TABLE public.users OWNER TO postgres;
            CREATE SEQUENCE public.users_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
            COPY public.users (id, email) FROM stdin;
            1\to'brien@example.com
            2\tCREATE TABLE nope (x int);
            \\.
            ALTER TABLE ONLY public.users ADD CONSTRAINT users_pkey PRIMARY KEY (id);
            CREATE INDEX users_email_idx ON public.users USING btree (email);
            """)
        #expect(facts.dialect == .postgresql)
        let schema = SchemaAnalysis.schema(from: [facts])
        #expect(schema.tables.keys.sorted() == ["users"])
        #expect(schema.tables["users"]?.primaryKey?.keys == [.column("id")])
        #expect(schema.tables["users"]?.indexes.count == 2)
    }

    @Test func garbageNeverStopsParsing() {
        let schema = SQLFixtures.schema("""
            CREATE TABLE (;
            ALTER TABLE;
            CREATE INDEX ON;
            GRANT ALL ON x TO y;
            CREATE TABLE ok (id INT PRIMARY KEY);
            CREATE TABLE broken (a INT
            """)
        #expect(schema.tables["ok"] != nil)
    }

    @Test func migrationsApplyInPathOrder() {
        let files = [
            SQLFixtures.facts("ALTER TABLE t ADD COLUMN b INT;", path: "db/migrations/002_b.sql"),
            SQLFixtures.facts("CREATE TABLE t (a INT);", path: "db/migrations/001_t.sql"),
            SQLFixtures.facts("ALTER TABLE t DROP COLUMN a;", path: "db/migrations/010_drop.sql"),
        ]
        #expect(SchemaAnalysis.schema(from: files).tables["t"]?.columns.map(\.name) == ["b"])
    }

    @Test func changesToATableCreatedLaterInPathOrderWaitForIt() {
        let files = [
            SQLFixtures.facts("CREATE INDEX t_a ON t (a);\nALTER TABLE t ADD COLUMN b INT;", path: "db/migrations/002.sql"),
            SQLFixtures.facts("CREATE TABLE t (a INT);", path: "db/schema.sql"),
        ]
        let table = SchemaAnalysis.schema(from: files).tables["t"]
        #expect(table?.indexes.map(\.name) == ["t_a"])
        #expect(table?.columns.map(\.name) == ["a", "b"])
    }

    @Test func aRepeatedDefinitionKeepsEarlierIndexes() {
        let schema = SQLFixtures.schema("CREATE TABLE t (a INT, b INT);\nCREATE INDEX t_a ON t (a);\nCREATE INDEX t_b ON t (b);\nCREATE TABLE t (a INT);")
        #expect(schema.tables["t"]?.indexes.map(\.name) == ["t_a"])
    }
}
