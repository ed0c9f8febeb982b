import BackcheckRules

/// Tables with no primary key: rows cannot be addressed reliably, replication and ORMs suffer,
/// and (InnoDB, PostgreSQL logical replication) updates get slow.
struct PrimaryKeyAnalyzer: SchemaAnalyzer {
    func problems(in context: SchemaContext, rule: Rule) -> [SchemaProblem] {
        context.schema.sortedTables.filter { $0.primaryKey == nil }.map { table in
            SchemaProblem(location: table.location, identity: table.name, table: table.name, columns: [],
                          fix: "ALTER TABLE \(table.name) ADD PRIMARY KEY (…);")
        }
    }
}
