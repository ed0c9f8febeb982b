import BackcheckModel
/// The schema after every DDL fact has been applied in order: tables with their columns,
/// indexes (including those behind primary keys and UNIQUE constraints) and foreign keys.
struct Schema: Sendable {
    /// One table of the final schema.
    struct Table: Sendable, Hashable {
        var name: String
        var columns: [ColumnDefinition]
        var indexes: [IndexDefinition]
        var foreignKeys: [ForeignKey]
        var location: SourceLocation

        var primaryKey: IndexDefinition? {
            indexes.first { $0.constraint == .primaryKey }
        }
    }

    /// Tables by key (`name`, or `schema.name` outside the default schema).
    private(set) var tables: [String: Table] = [:]
    var dialect: SQLDialect
    /// Index and ALTER changes to tables not created yet (a migration sorted before the schema
    /// file that creates its table): applied when the table appears.
    private var pending: [String: [SchemaChange]] = [:]

    /// The schema made by applying `changes` in order.
    init(changes: [SchemaChange], dialect: SQLDialect) {
        self.dialect = dialect
        for change in changes { apply(change) }
        for key in tables.keys { tables[key]?.keepLastDefinitions() }
    }

    /// Tables in name order, for stable output.
    var sortedTables: [Table] { tables.values.sorted { $0.name < $1.name } }

    mutating func apply(_ change: SchemaChange) {
        WorkMeter.tick()
        switch change {
        case .createTable(let definition, let ifNotExists):
            if ifNotExists, tables[definition.name] != nil { return }
            WorkMeter.tick(tables[definition.name].map { $0.indexes.count * definition.columns.count } ?? 0)
            var table = Table(name: definition.name, columns: definition.columns, indexes: [], foreignKeys: [],
                              location: definition.location)
            for constraint in definition.constraints { table.add(constraint) }
            let redefined = Set(table.indexes.compactMap(\.name))
            // A second definition of a table (a schema dump beside the migrations that made it)
            // keeps the secondary indexes declared for the first whose columns still exist,
            // unless it defines one of the same name again.
            for index in tables[definition.name]?.indexes ?? [] where index.constraint == nil
                && index.keys.allSatisfy({ key in key.column.map { name in table.columns.contains { $0.name == name } } ?? true })
                && !(index.name.map(redefined.contains) ?? false) {
                table.indexes.append(index)
            }
            tables[definition.name] = table
            for change in pending.removeValue(forKey: definition.name) ?? [] { apply(change) }
        case .createIndex(let index):
            guard tables[index.table] != nil else { return pending[index.table, default: []].append(change) }
            tables[index.table]?.indexes.append(index)
        case .dropTable(let name):
            tables[name] = nil
        case .dropIndex(let name):
            for key in tables.keys {
                WorkMeter.tick(1 + (tables[key]?.indexes.count ?? 0))
                tables[key]?.indexes.removeAll { $0.name == name }
            }
        case .renameTable(let from, let to):
            guard var table = tables.removeValue(forKey: from) else { return }
            table.name = to
            for index in table.indexes.indices { table.indexes[index].table = to }
            tables[to] = table
            for key in tables.keys {
                WorkMeter.tick(1 + tables[key]!.foreignKeys.count)
                for index in tables[key]!.foreignKeys.indices where tables[key]!.foreignKeys[index].referencedTable == from {
                    tables[key]!.foreignKeys[index].referencedTable = to
                }
            }
        case .alterTable(let name, let actions):
            guard tables[name] != nil else { return pending[name, default: []].append(change) }
            for action in actions { tables[name]?.apply(action) }
        }
    }
}

extension Schema.Table {
    mutating func add(_ constraint: TableConstraint) {
        switch constraint {
        case .key(let index):
            WorkMeter.tick()
            if index.constraint == .primaryKey {
                WorkMeter.tick(indexes.count)
                indexes.removeAll { $0.constraint == .primaryKey }
            }
            indexes.append(index)
        case .foreignKey(let key):
            foreignKeys.append(key)
        }
    }

    /// Keeps the last of the indexes sharing a name: the same index defined again (a snapshot
    /// repeating the migration that made it, an `IF NOT EXISTS` re-run), so an index is never
    /// redundant with itself and is reported where it was defined last.
    mutating func keepLastDefinitions() {
        WorkMeter.tick(indexes.count)
        var seen = Set<String>()
        indexes = indexes.reversed().filter { index in index.name.map { seen.insert($0).inserted } ?? true }.reversed()
    }

    mutating func apply(_ action: AlterAction) {
        switch action {
        case .addColumn(let column, let constraints):
            WorkMeter.tick(columns.count)
            columns.removeAll { $0.name == column.name }
            columns.append(column)
            for constraint in constraints { add(constraint) }
        case .dropColumn(let name):
            WorkMeter.tick(columns.count + indexes.count + foreignKeys.count)
            columns.removeAll { $0.name == name }
            // Dropping a column drops the indexes and keys that use it.
            indexes.removeAll { $0.keys.contains(.column(name)) }
            foreignKeys.removeAll { $0.columns.contains(name) }
        case .renameColumn(let from, let to):
            WorkMeter.tick(columns.count + indexes.count + foreignKeys.count)
            for index in columns.indices where columns[index].name == from { columns[index].name = to }
            for index in indexes.indices {
                indexes[index].keys = indexes[index].keys.map { $0 == .column(from) ? .column(to) : $0 }
            }
            for index in foreignKeys.indices {
                foreignKeys[index].columns = foreignKeys[index].columns.map { $0 == from ? to : $0 }
            }
        case .addConstraint(let constraint):
            add(constraint)
        case .dropConstraint(let name):
            WorkMeter.tick(indexes.count + foreignKeys.count)
            if name == DDLParser.primaryKeyName {
                indexes.removeAll { $0.constraint == .primaryKey }
            } else {
                indexes.removeAll { $0.name == name }
                foreignKeys.removeAll { $0.name == name }
            }
        }
    }
}
