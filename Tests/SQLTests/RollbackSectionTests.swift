import Testing
@testable import BackcheckSQL

/// A migration's rollback is the schema before it: it neither adds to nor takes from the schema
/// the rules read.
@Suite struct RollbackSectionTests {
    static let goose = """
        -- +goose Up
        CREATE TABLE plays (id INTEGER PRIMARY KEY, track_id INTEGER NOT NULL, played_at TEXT);
        CREATE INDEX plays_track ON plays (track_id);
        -- +goose StatementBegin
        CREATE TRIGGER plays_touch AFTER INSERT ON plays BEGIN SELECT 1; END;
        -- +goose StatementEnd

        -- +goose Down
        DROP INDEX plays_track;
        CREATE TABLE plays_old (track_id INTEGER, played_at TEXT);
        CREATE INDEX plays_old_track ON plays_old (track_id);
        CREATE INDEX plays_old_track_again ON plays_old (track_id);
        """

    @Test func gooseDownSectionIsNotSchema() throws {
        let schema = SchemaAnalysis.schema(from: [SQLFixtures.facts(Self.goose, path: "db/migrations/20260101_plays.sql")])
        #expect(schema.tables.keys.sorted() == ["plays"])
        #expect(schema.tables["plays"]?.indexes.map(\.keys).contains([.column("track_id")]) == true)
        let files = [("db/migrations/20260101_plays.sql", Self.goose)]
        #expect(SQLFixtures.findings("query-performance/table-without-primary-key", files).isEmpty)
        #expect(SQLFixtures.findings("query-performance/duplicate-index", files).isEmpty)
    }

    @Test(arguments: ["-- +migrate Down", "-- migrate:down", "--+goose down"])
    func otherToolsMarkersEndTheCurrentSchema(_ marker: String) {
        let sql = "-- migrate:up\nCREATE TABLE a (id INT PRIMARY KEY);\n\(marker)\nCREATE TABLE b (x INT);\n"
        #expect(SchemaAnalysis.schema(from: [SQLFixtures.facts(sql)]).tables.keys.sorted() == ["a"])
    }

    @Test func anUpMarkerAfterADownOneStartsSchemaAgain() {
        let sql = "-- +goose Down\nCREATE TABLE old (x INT);\n-- +goose Up\nCREATE TABLE new (id INT PRIMARY KEY);\n"
        #expect(SchemaAnalysis.schema(from: [SQLFixtures.facts(sql)]).tables.keys.sorted() == ["new"])
    }

    @Test func aCommentThatOnlyMentionsDownIsNoMarker() {
        let sql = "-- scale down: one row per user\nCREATE TABLE a (id INT PRIMARY KEY);\n"
        #expect(SchemaAnalysis.schema(from: [SQLFixtures.facts(sql)]).tables.keys.sorted() == ["a"])
    }

    @Test(arguments: [("db/migrations/000002_plays.down.sql", true), ("sql/U3__drop_plays.sql", true),
                      ("sql/U2.1__x.sql", true), ("sql/V3__plays.sql", false), ("sql/Users__seed.sql", false),
                      ("db/migrations/000002_plays.up.sql", false)])
    func rollbackFilesHoldNoSchema(_ path: String, _ rollback: Bool) {
        let facts = SQLFixtures.facts("CREATE TABLE plays_old (track_id INTEGER);\n", path: path)
        #expect(facts.changes.isEmpty == rollback, "\(path)")
    }
}
