extension DDLParser {
    /// `ALTER TABLE [IF EXISTS] [ONLY] name action, …`, the cursor after `TABLE`. `RENAME TO`
    /// becomes a table rename after the other actions.
    func alterTable(_ cursor: inout StatementCursor) -> [SchemaChange] {
        _ = cursor.accept("if", "exists")
        _ = cursor.accept("only")
        guard let table = cursor.tableName() else { return [] }
        var actions: [AlterAction] = []
        var renamedTo: String?
        for element in StatementCursor.elements(sql, cursor.index..<cursor.end) {
            var item = StatementCursor(sql, element)
            if item.accept("rename") {
                if item.accept("to") || item.accept("as") {
                    renamedTo = item.tableName()
                    continue
                }
                _ = item.accept("column")
                if let from = item.qualifiedName()?.last, item.accept("to"), let to = item.qualifiedName()?.last {
                    actions.append(.renameColumn(from: from, to: to))
                }
            } else if item.accept("add") {
                actions += addAction(&item, table: table)
            } else if item.accept("drop") {
                if let action = dropAction(&item) { actions.append(action) }
            }
        }
        var changes: [SchemaChange] = actions.isEmpty ? [] : [.alterTable(table, actions)]
        if let renamedTo { changes.append(.renameTable(from: table, to: renamedTo)) }
        return changes
    }

    private func addAction(_ item: inout StatementCursor, table: String) -> [AlterAction] {
        if let constraints = tableConstraint(&item, table: table) {
            return constraints.map(AlterAction.addConstraint)
        }
        _ = item.accept("column")
        _ = item.accept("if", "not", "exists")
        guard !item.atEnd, sql.isName(item.index) else { return [] }
        let (column, inline) = columnDefinition(&item, table: table)
        return [.addColumn(column, inline)]
    }

    private func dropAction(_ item: inout StatementCursor) -> AlterAction? {
        if item.accept("primary", "key") { return .dropConstraint(Self.primaryKeyName) }
        if item.accept("constraint") || item.accept("index") || item.accept("key") || item.accept("foreign", "key") {
            _ = item.accept("if", "exists")
            return item.qualifiedName()?.last.map(AlterAction.dropConstraint)
        }
        _ = item.accept("column")
        _ = item.accept("if", "exists")
        return item.qualifiedName()?.last.map(AlterAction.dropColumn)
    }

    /// The name `DROP PRIMARY KEY` drops, whatever the key was called.
    static let primaryKeyName = "#primary"
}
