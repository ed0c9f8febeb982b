/// The database a file is written for, as its path names it: projects that support several
/// engines keep one tree per engine (`migration/sqlite/`, `migration/postgres/`, `db/mysql/`,
/// `schema.postgres.sql`). Each such tree is its own schema: a PostgreSQL query is never judged
/// against a table only the SQLite tree defines, and an index is never redundant with its copy
/// in another engine's tree.
struct SchemaScope: Sendable, Hashable {
    /// The engine's canonical name (`postgresql` for `postgres/`, `pg/`, `pgsql/`).
    var name: String
    /// The dialect the engine speaks, `unknown` for engines this module does not model.
    var dialect: SQLDialect

    /// The scope named by the deepest folder or file-name word of `path` that names an engine
    /// (words split at `.`, `_` and `-`); nil when none does.
    static func of(path: String) -> SchemaScope? {
        let segments = path.lowercased().split(separator: "/")
        for (position, segment) in segments.enumerated().reversed() {
            // A file's extension (`.sql`, `.go`) says its language, not its engine.
            let words = position == segments.count - 1 ? segment.split(separator: ".").dropLast() : [segment]
            for word in words.reversed() {
                for part in word.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." }).reversed() {
                    if let scope = engines[String(part)] { return scope }
                }
            }
        }
        return nil
    }

    /// Folder and file-name words that name an engine.
    private static let engines: [String: SchemaScope] = {
        let names: [(String, SQLDialect, [String])] = [
            ("postgresql", .postgresql, ["postgres", "postgresql", "pg", "pgsql"]),
            ("cockroachdb", .postgresql, ["cockroach", "cockroachdb"]),
            ("mysql", .mysql, ["mysql"]),
            ("mariadb", .mysql, ["mariadb"]),
            ("sqlite", .sqlite, ["sqlite", "sqlite3"]),
            ("mssql", .unknown, ["mssql", "sqlserver"]),
            ("oracle", .unknown, ["oracle"]),
            ("clickhouse", .unknown, ["clickhouse"]),
        ]
        var table: [String: SchemaScope] = [:]
        for (name, dialect, words) in names {
            for word in words { table[word] = SchemaScope(name: name, dialect: dialect) }
        }
        return table
    }()
}
