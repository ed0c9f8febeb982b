import BackcheckModel

/// One table's columns by name and indexes by their first key, built once per analysis so that
/// analyzers answer "is there such a column / an index leading with it" in constant time: a
/// query per column of a 50,000-column table, or a foreign key per index, stays linear.
struct TableLookup {
    private let columnNames: Set<String>
    /// Positions in the table's `indexes`, in declaration order, by the index's first key.
    private let indexPositionsByFirstKey: [IndexKey: [Int]]
    /// Columns a partial index's predicate names (`WHERE status = 'QUEUED'`).
    private let predicateColumns: Set<String>

    init(_ table: Schema.Table) {
        WorkMeter.tick(table.columns.count + table.indexes.count)
        columnNames = Set(table.columns.map(\.name))
        var positions: [IndexKey: [Int]] = [:]
        for (position, index) in table.indexes.enumerated() {
            if let first = index.keys.first { positions[first, default: []].append(position) }
        }
        indexPositionsByFirstKey = positions
        let names = columnNames
        predicateColumns = Set(table.indexes.compactMap(\.predicate).flatMap { predicate in
            predicate.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init).filter(names.contains)
        })
    }

    func hasColumn(_ name: String) -> Bool { columnNames.contains(name) }

    /// Whether some index (or key constraint) of the table has `column` as its first key.
    func hasIndexLeading(with column: String) -> Bool { indexPositionsByFirstKey[.column(column)] != nil }

    /// Whether a partial index's predicate names `column`: the index holds only the rows that
    /// pass it (`WHERE status IN ('RUNNING', …)`), so a query filtering on that column reads the
    /// index, whatever the index's first key.
    func hasPartialIndex(over column: String) -> Bool { predicateColumns.contains(column) }

    /// Positions in the table's `indexes` of those whose first key is `key`, in declaration order.
    func indexPositions(leadingWith key: IndexKey) -> [Int] { indexPositionsByFirstKey[key] ?? [] }
}
