extension DDLParser {
    /// A table-level constraint or MySQL inline index (`[CONSTRAINT n] PRIMARY KEY (…)`, `UNIQUE
    /// [KEY|INDEX] [n] (…)`, `FOREIGN KEY [n] (…) REFERENCES …`, `KEY|INDEX n (…)`); `[]` for
    /// one that is not modelled (CHECK, EXCLUDE); nil when the element is not a constraint.
    func tableConstraint(_ cursor: inout StatementCursor, table: String) -> [TableConstraint]? {
        let start = cursor.index
        var name: String?
        if cursor.accept("constraint") {
            // `CONSTRAINT PRIMARY KEY` (MySQL allows the name to be left out).
            if !cursor.peek("primary"), !cursor.peek("unique"), !cursor.peek("foreign"), !cursor.peek("check") {
                name = cursor.qualifiedName()?.last
            }
        }
        let here = location(start)
        if cursor.accept("primary", "key") {
            return keyConstraint(&cursor, name: name, table: table, kind: .primaryKey, at: here)
        }
        if cursor.accept("unique") {
            if !cursor.accept("key") { _ = cursor.accept("index") }
            if !cursor.atEnd, !sql.opensGroup(cursor.index) { name = cursor.qualifiedName()?.last ?? name }
            return keyConstraint(&cursor, name: name, table: table, kind: .unique, at: here)
        }
        if cursor.accept("foreign", "key") {
            if !cursor.atEnd, !sql.opensGroup(cursor.index) { name = cursor.qualifiedName()?.last ?? name }
            guard let columns = cursor.group().map(columnNames), cursor.accept("references"),
                  let reference = references(&cursor) else { return [] }
            return [.foreignKey(ForeignKey(name: name, columns: columns, referencedTable: reference.table,
                                           referencedColumns: reference.columns, onDelete: reference.onDelete,
                                           location: here))]
        }
        if cursor.peek("key") || cursor.peek("index") || cursor.peek("fulltext") || cursor.peek("spatial") {
            // MySQL `KEY name (cols)` / `INDEX name USING BTREE (cols)` / `FULLTEXT KEY …` inside CREATE TABLE.
            var method: String?
            if cursor.accept("fulltext") || cursor.accept("spatial") { method = sql.name(cursor.index - 1) }
            if !cursor.accept("key") { _ = cursor.accept("index") }
            if !cursor.atEnd, !sql.opensGroup(cursor.index), !cursor.peek("using") { name = cursor.qualifiedName()?.last }
            if cursor.accept("using") { method = cursor.qualifiedName()?.last }
            guard let keys = cursor.group().map(indexKeys) else {
                // A column that happens to be called `key` or `index`.
                cursor.index = start
                return nil
            }
            return [.key(IndexDefinition(name: name, table: table, keys: keys, isUnique: false, method: method, location: here))]
        }
        return cursor.index > start || cursor.peek("check") || cursor.peek("exclude") ? [] : nil
    }

    private func keyConstraint(
        _ cursor: inout StatementCursor, name: String?, table: String, kind: IndexDefinition.Constraint, at here: SourceLocation
    ) -> [TableConstraint] {
        if cursor.accept("using") { _ = cursor.qualifiedName() }
        guard let keys = cursor.group().map(indexKeys) else { return [] }
        return [.key(IndexDefinition(name: name, table: table, keys: keys, isUnique: true, constraint: kind, location: here))]
    }

    /// The keys of an index column list: plain columns (with ASC/DESC, opclass, or a MySQL prefix
    /// length) or expressions. A key with its own collation (`path COLLATE NOCASE`) orders by
    /// that collation: it serves only comparisons made in it, so it is kept as an expression, and
    /// an index on `path` and one on `path COLLATE NOCASE` are not the same.
    func indexKeys(_ range: Range<Int>) -> [IndexKey] {
        StatementCursor.elements(sql, range).map { element in
            let first = element.lowerBound
            let second = first + 1
            let isColumn = sql.isName(first) && (
                second >= element.upperBound
                || (sql.tokens[second].kind == .identifier && !sql.isWord(second, "collate"))
                || (sql.opensGroup(second) && Int(sql.tokens[second].partner) == second + 2
                    && sql.tokens[second + 1].kind == .number))
            return isColumn ? .column(sql.name(first)) : .expression(sql.text(element))
        }
    }
}
