/// One DDL statement's effect on the schema, in file order: the per-file fact from which the
/// schema model is rebuilt by applying every file's changes in path order.
enum SchemaChange: Sendable, Hashable, Codable {
    /// `CREATE TABLE`; `ifNotExists` keeps an existing table unchanged.
    case createTable(TableDefinition, ifNotExists: Bool)
    case createIndex(IndexDefinition)
    case dropTable(String)
    case dropIndex(String)
    case renameTable(from: String, to: String)
    case alterTable(String, [AlterAction])
}

/// One action of `ALTER TABLE`.
enum AlterAction: Sendable, Hashable, Codable {
    case addColumn(ColumnDefinition, [TableConstraint])
    case dropColumn(String)
    case renameColumn(from: String, to: String)
    case addConstraint(TableConstraint)
    case dropConstraint(String)
}
