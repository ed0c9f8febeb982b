extension DDLParser {
    /// `CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] [USING m]
    /// ON [ONLY] table [USING m] (keys) [INCLUDE (…)] [WITH (…)] [WHERE predicate]`, the cursor
    /// after `CREATE`.
    func createIndex(_ cursor: inout StatementCursor) -> IndexDefinition? {
        let start = cursor.index - 1
        let isUnique = cursor.accept("unique")
        var method: String?
        if cursor.accept("fulltext") || cursor.accept("spatial") { method = sql.name(cursor.index - 1) }
        guard cursor.accept("index") else { return nil }
        _ = cursor.accept("concurrently")
        _ = cursor.accept("if", "not", "exists")
        var name: String?
        if !cursor.peek("on") || cursor.peek("on", "on") { name = cursor.qualifiedName()?.last }
        if cursor.accept("using") { method = cursor.qualifiedName()?.last }
        guard cursor.accept("on") else { return nil }
        _ = cursor.accept("only")
        guard let table = cursor.tableName() else { return nil }
        if cursor.accept("using") { method = cursor.qualifiedName()?.last }
        guard let keyRange = cursor.group() else { return nil }
        var predicate: String?
        while !cursor.atEnd {
            if cursor.accept("where") {
                predicate = sql.text(cursor.index..<cursor.end)
                break
            }
            if cursor.accept("using") { method = cursor.qualifiedName()?.last } else { cursor.skip() }
        }
        return IndexDefinition(name: name, table: table, keys: indexKeys(keyRange), isUnique: isUnique,
                               predicate: predicate, method: method, location: location(start))
    }
}
