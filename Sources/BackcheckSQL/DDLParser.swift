/// Reads DDL statements into ``SchemaChange`` values. Statements it does not know (SET, COPY,
/// CREATE FUNCTION, GRANT, …) and statements it cannot follow yield nothing: parsing never fails.
struct DDLParser {
    let sql: SQLTokens
    let path: String

    /// The changes one statement makes (usually one; `DROP TABLE a, b` and `RENAME TABLE` make several).
    func changes(in range: Range<Int>) -> [SchemaChange] {
        var cursor = StatementCursor(sql, range)
        if cursor.accept("create") {
            _ = cursor.accept("or", "replace")
            for word in ["global", "local", "temporary", "temp", "unlogged"] { _ = cursor.accept(word) }
            if cursor.accept("table") { return createTable(&cursor).map { [$0] } ?? [] }
            if cursor.peek("unique") || cursor.peek("index") || cursor.peek("fulltext") || cursor.peek("spatial") {
                return createIndex(&cursor).map { [.createIndex($0)] } ?? []
            }
            return []
        }
        if cursor.accept("alter", "table") { return alterTable(&cursor) }
        if cursor.accept("drop", "table") { return dropNames(&cursor).map(SchemaChange.dropTable) }
        if cursor.accept("drop", "index") {
            _ = cursor.accept("concurrently")
            return dropNames(&cursor, on: true).map(SchemaChange.dropIndex)
        }
        if cursor.accept("rename", "table") { return renameTables(&cursor) }
        return []
    }

    func location(_ index: Int) -> SourceLocation {
        SourceLocation(path: path, sql.position(index))
    }

    /// `[IF EXISTS] a, b [CASCADE|RESTRICT]` (and MySQL's `ON table` after an index name): the
    /// names, as table keys. Anything else after them means the statement was misread (say, a
    /// string the lexer split), so nothing is dropped.
    private func dropNames(_ cursor: inout StatementCursor, on allowsTable: Bool = false) -> [String] {
        _ = cursor.accept("if", "exists")
        var names: [String] = []
        while let name = cursor.tableName() {
            names.append(name)
            guard cursor.accept(symbol: ",") else { break }
        }
        if allowsTable, cursor.accept("on") { _ = cursor.tableName() }
        _ = cursor.accept("cascade") || cursor.accept("restrict")
        return cursor.atEnd ? names : []
    }

    /// MySQL `RENAME TABLE a TO b [, c TO d]`.
    private func renameTables(_ cursor: inout StatementCursor) -> [SchemaChange] {
        var changes: [SchemaChange] = []
        while let from = cursor.tableName(), cursor.accept("to"), let to = cursor.tableName() {
            changes.append(.renameTable(from: from, to: to))
            guard cursor.accept(symbol: ",") else { break }
        }
        return changes
    }
}
