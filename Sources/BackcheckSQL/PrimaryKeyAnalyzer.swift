import BackcheckRules

/// Tables with no primary key: rows cannot be addressed reliably, replication and ORMs suffer,
/// and (InnoDB, PostgreSQL logical replication) updates get slow. A table with a candidate key
/// (a UNIQUE constraint or index over NOT NULL columns) is left alone: its rows are addressed by
/// that key, InnoDB clusters on it, PostgreSQL can take it as replica identity, and declaring it
/// the primary key would change nothing a query sees.
struct PrimaryKeyAnalyzer: SchemaAnalyzer {
    func problems(in context: SchemaContext, rule: Rule) -> [SchemaProblem] {
        context.schema.sortedTables.filter { $0.primaryKey == nil && !hasCandidateKey($0) }.map { table in
            SchemaProblem(location: table.location, identity: table.name, table: table.name, columns: [],
                          fix: "ALTER TABLE \(table.name) ADD PRIMARY KEY (…);")
        }
    }

    /// Whether a unique index without a predicate has only plain keys, each a NOT NULL column.
    private func hasCandidateKey(_ table: Schema.Table) -> Bool {
        let notNull = Set(table.columns.filter(\.isNotNull).map(\.name))
        return table.indexes.contains { index in
            index.isUnique && index.predicate == nil && !index.keys.isEmpty
                && index.keys.allSatisfy { key in key.column.map(notNull.contains) ?? false }
        }
    }
}
