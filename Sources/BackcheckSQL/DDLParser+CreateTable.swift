extension DDLParser {
    /// Words that end a column's type and start its constraints.
    static let columnConstraintWords: Set<String> = [
        "primary", "unique", "references", "not", "null", "default", "check", "constraint", "collate",
        "generated", "auto_increment", "autoincrement", "comment", "on", "as", "identity",
        "key",
    ]

    /// `CREATE TABLE [IF NOT EXISTS] name ( elements ) …`, the cursor after `TABLE`. Tables
    /// made by `AS SELECT`, `LIKE` or `PARTITION OF` are not modelled.
    func createTable(_ cursor: inout StatementCursor) -> SchemaChange? {
        let ifNotExists = cursor.accept("if", "not", "exists")
        let nameIndex = cursor.index
        guard let name = cursor.tableName(), let body = cursor.group() else { return nil }
        var columns: [ColumnDefinition] = []
        var constraints: [TableConstraint] = []
        for element in StatementCursor.elements(sql, body) {
            var item = StatementCursor(sql, element)
            if let constraint = tableConstraint(&item, table: name) {
                constraints += constraint
            } else if isColumnStart(element.lowerBound) {
                let (column, inline) = columnDefinition(&item, table: name)
                columns.append(column)
                constraints += inline
            }
        }
        if let key = mergeTreeKey(after: cursor, table: name) { constraints.append(.key(key)) }
        let table = TableDefinition(name: name, columns: columns, constraints: constraints, location: location(nameIndex))
        return .createTable(table, ifNotExists: ifNotExists)
    }

    /// ClickHouse's key of a `*MergeTree` table, from the options after the column list
    /// (`ENGINE = MergeTree PARTITION BY … ORDER BY (…) PRIMARY KEY (…)`): the PRIMARY KEY clause,
    /// else the ORDER BY clause, which is the primary key when none is given. The engine has no
    /// other kind of key (no `ALTER TABLE … ADD PRIMARY KEY`), so `ORDER BY tuple()` is recorded as
    /// the key it is. Nil for other engines and dialects.
    private func mergeTreeKey(after cursor: StatementCursor, table: String) -> IndexDefinition? {
        var options = cursor
        guard options.accept("engine") else { return nil }
        _ = options.accept(symbol: "=")
        guard !options.atEnd, sql.isName(options.index), sql.name(options.index).hasSuffix("mergetree") else { return nil }
        var orderBy: (keys: [IndexKey], at: Int)?
        var primaryKey: (keys: [IndexKey], at: Int)?
        while !options.atEnd {
            let here = options.index
            if options.accept("order", "by") {
                orderBy = (clauseKeys(&options), here)
            } else if options.accept("primary", "key") {
                primaryKey = (clauseKeys(&options), here)
            } else {
                options.skip()
            }
        }
        guard let key = primaryKey ?? orderBy else { return nil }
        return IndexDefinition(name: nil, table: table, keys: key.keys, isUnique: false, constraint: .primaryKey,
                               location: location(key.at))
    }

    /// The keys of `(a, b)` or of a single `a` / expression up to the next clause.
    private func clauseKeys(_ options: inout StatementCursor) -> [IndexKey] {
        if let group = options.group() {
            let keys = indexKeys(group)
            return keys.isEmpty ? [.expression("tuple()")] : keys
        }
        let start = options.index
        while !options.atEnd, !Self.tableOptionWords.contains(where: { options.peek($0) }) { options.skip() }
        return start < options.index ? indexKeys(start..<options.index) : []
    }

    private static let tableOptionWords = ["order", "primary", "partition", "sample", "settings", "ttl", "comment"]

    /// Whether an element starting at `index` declares a column (rather than `LIKE t` or a
    /// constraint this parser does not model, such as `CHECK` or `EXCLUDE`).
    private func isColumnStart(_ index: Int) -> Bool {
        guard sql.isName(index) else { return false }
        if sql.isQuoted(index) { return true }
        return !["like", "check", "exclude", "period", "fulltext", "spatial"].contains(sql.name(index))
    }

    /// `name type [constraints…]`: the column and the keys and foreign keys declared inline.
    func columnDefinition(_ cursor: inout StatementCursor, table: String) -> (ColumnDefinition, [TableConstraint]) {
        let nameIndex = cursor.index
        let name = sql.name(nameIndex)
        cursor.index += 1
        let typeStart = cursor.index
        while !cursor.atEnd, !(sql.tokens[cursor.index].kind == .identifier && !sql.isQuoted(cursor.index)
                                && Self.columnConstraintWords.contains(sql.name(cursor.index))) {
            cursor.skip()
        }
        let type = sql.text(typeStart..<cursor.index).lowercased()
        let here = location(nameIndex)
        var constraints: [TableConstraint] = []
        var constraintName: String?
        var isNotNull = false
        while !cursor.atEnd {
            if cursor.accept("not", "null") {
                isNotNull = true
            } else if cursor.accept("constraint") {
                constraintName = cursor.qualifiedName()?.last
            } else if cursor.accept("primary", "key") {
                constraints.append(.key(IndexDefinition(
                    name: constraintName, table: table, keys: [.column(name)], isUnique: true,
                    constraint: .primaryKey, location: here)))
            } else if cursor.accept("unique") {
                _ = cursor.accept("key")
                constraints.append(.key(IndexDefinition(
                    name: constraintName, table: table, keys: [.column(name)], isUnique: true,
                    constraint: .unique, location: here)))
            } else if cursor.accept("references") {
                if let reference = references(&cursor) {
                    constraints.append(.foreignKey(ForeignKey(
                        name: constraintName, columns: [name], referencedTable: reference.table,
                        referencedColumns: reference.columns, onDelete: reference.onDelete, location: here)))
                }
            } else {
                cursor.skip()
            }
        }
        return (ColumnDefinition(name: name, type: type, isNotNull: isNotNull, location: here), constraints)
    }

    /// `REFERENCES table [(cols)] [ON DELETE action] [ON UPDATE action] …`, the cursor after `REFERENCES`.
    func references(_ cursor: inout StatementCursor) -> (table: String, columns: [String], onDelete: ReferentialAction)? {
        guard let table = cursor.tableName() else { return nil }
        let columns = cursor.group().map(columnNames) ?? []
        var onDelete = ReferentialAction.noAction
        while !cursor.atEnd {
            if cursor.accept("on", "delete") {
                if cursor.accept("cascade") { onDelete = .cascade }
                else if cursor.accept("set", "null") { onDelete = .setNull }
                else if cursor.accept("set", "default") { onDelete = .setDefault }
                else if cursor.accept("restrict") { onDelete = .restrict }
                else if cursor.accept("no", "action") { onDelete = .noAction }
            } else if cursor.peek("constraint") || cursor.peek("primary") || cursor.peek("unique")
                        || cursor.peek("references") || cursor.peek("not") || cursor.peek("default") {
                break
            } else {
                cursor.skip()
            }
        }
        return (table, columns, onDelete)
    }

    /// The names in a `(a, "B", c)` list.
    func columnNames(_ range: Range<Int>) -> [String] {
        StatementCursor.elements(sql, range).compactMap { sql.isName($0.lowerBound) ? sql.name($0.lowerBound) : nil }
    }
}
