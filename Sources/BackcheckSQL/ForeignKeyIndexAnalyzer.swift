import BackcheckRules
import BackcheckModel

/// Foreign keys no index covers: deleting or updating a referenced row scans the referencing
/// table (and locks it, in PostgreSQL). Never for MySQL, whose InnoDB indexes every foreign key
/// itself. `ON DELETE CASCADE / SET NULL` raises the severity one step: deletes then write too.
struct ForeignKeyIndexAnalyzer: SchemaAnalyzer {
    func problems(in context: SchemaContext, rule: Rule) -> [SchemaProblem] {
        let schema = context.schema
        guard schema.dialect != .mysql else { return [] }
        var problems: [SchemaProblem] = []
        for table in schema.sortedTables {
            guard let lookup = context.lookups[table.name] else { continue }
            for key in table.foreignKeys where !key.columns.isEmpty && !IndexCoverage.isCovered(key.columns, in: table, lookup: lookup) {
                let raised = key.onDelete == .cascade || key.onDelete == .setNull
                let action = key.onDelete == .cascade ? "ON DELETE CASCADE" : "ON DELETE SET NULL"
                problems.append(SchemaProblem(
                    location: key.location,
                    identity: "\(table.name)(\(key.columns.joined(separator: ",")))->\(key.referencedTable)",
                    table: table.name, columns: key.columns,
                    fix: IndexCoverage.suggestion(table: table.name, columns: key.columns, dialect: schema.dialect),
                    detail: raised ? " (\(action): every delete in \(key.referencedTable) scans \(table.name))" : "",
                    severity: raised ? rule.severity.raised : nil))
            }
        }
        return problems
    }
}

extension Severity {
    /// One step worse, at most critical.
    var raised: Severity {
        let all = Severity.allCases
        let index = all.firstIndex(of: self) ?? 0
        return all[min(index + 1, all.count - 1)]
    }
}
