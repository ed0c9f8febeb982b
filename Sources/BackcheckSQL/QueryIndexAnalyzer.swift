import BackcheckModel
import BackcheckRules

/// Queries that must read a whole table: for each table a query filters (WHERE) or probes as the
/// inner side of a JOIN, some compared column must lead an index, or the engine scans. ORDER BY
/// … LIMIT on a table the query does not filter wants an index leading with the sort column
/// (low severity). Only what the schema proves is reported: an unknown table, alias or column
/// keeps that table out.
struct QueryIndexAnalyzer: SchemaAnalyzer {
    func problems(in context: SchemaContext, rule: Rule) -> [SchemaProblem] {
        var problems: [SchemaProblem] = []
        for query in context.queries where query.tables.count <= Self.tableLimit {
            // A column the query names but the schema cannot place: the query is not understood.
            let placed = query.uses.map { resolve($0, in: query, context: context) }
            guard !placed.contains(nil) else { continue }
            var usesByTable: [Int: [ColumnUse]] = [:]
            for (use, position) in zip(query.uses, placed) { usesByTable[position ?? -1, default: []].append(use) }
            for (position, reference) in query.tables.enumerated() {
                guard let key = reference.table, let table = context.schema.tables[key], let lookup = context.lookups[key] else { continue }
                let resolved = usesByTable[position] ?? []
                WorkMeter.tick(1 + resolved.count)
                let probes = resolved.filter { use in
                    switch use.clause {
                    case .filter: !use.comparedToColumn
                    case .join(let ordinal): reference.join == ordinal
                    case .orderBy, .groupBy: false
                    }
                }
                guard resolved.allSatisfy({ lookup.hasColumn($0.column) }) else { continue }
                if let problem = probeProblem(probes, table: table, lookup: lookup, query: query, dialect: context.schema.dialect)
                    ?? sortProblem(resolved, probes: probes, table: table, lookup: lookup, query: query, dialect: context.schema.dialect) {
                    problems.append(problem)
                }
            }
        }
        return problems
    }

    /// More table references than this (a query nested hundreds deep) and the query is left out:
    /// its flat reading says little, and resolving each column against each table costs their product.
    static let tableLimit = 64

    private func probeProblem(_ probes: [ColumnUse], table: Schema.Table, lookup: TableLookup, query: QueryFact,
                              dialect: SQLDialect) -> SchemaProblem? {
        guard !probes.isEmpty, !probes.contains(where: { lookup.hasIndexLeading(with: $0.column) }) else { return nil }
        // Equality columns first, then one range column: the index that would serve the query.
        var columns: [String] = []
        for use in probes.filter(\.isEquality) + probes.filter({ !$0.isEquality }) where !columns.contains(use.column) {
            columns.append(use.column)
        }
        if let range = columns.firstIndex(where: { column in !probes.contains { $0.column == column && $0.isEquality } }) {
            columns = Array(columns.prefix(range + 1))
        }
        let how = probes.contains { if case .join = $0.clause { true } else { false } } ? "joins on" : "filters on"
        return SchemaProblem(
            location: query.location, identity: "query:\(table.name)(\(columns.joined(separator: ",")))",
            table: table.name, columns: columns,
            fix: IndexCoverage.suggestion(table: table.name, columns: columns, dialect: dialect),
            detail: how)
    }

    private func sortProblem(_ resolved: [ColumnUse], probes: [ColumnUse], table: Schema.Table, lookup: TableLookup,
                             query: QueryFact, dialect: SQLDialect) -> SchemaProblem? {
        guard probes.isEmpty, query.hasLimit, query.tables.count == 1,
              let sort = resolved.first(where: { $0.clause == .orderBy }),
              !lookup.hasIndexLeading(with: sort.column) else { return nil }
        return SchemaProblem(
            location: query.location, identity: "query-sort:\(table.name)(\(sort.column))",
            table: table.name, columns: [sort.column],
            fix: IndexCoverage.suggestion(table: table.name, columns: [sort.column], dialect: dialect),
            detail: "sorts (ORDER BY … LIMIT) on", severity: .low)
    }

    /// The position of the table reference a column use belongs to, or nil when the query does
    /// not say for sure.
    private func resolve(_ use: ColumnUse, in query: QueryFact, context: SchemaContext) -> Int? {
        let tables = query.tables
        if let qualifier = use.qualifier {
            let matches = tables.indices.filter { tables[$0].alias == qualifier }
            return matches.count == 1 ? matches[0] : nil
        }
        if tables.count == 1 { return 0 }
        guard tables.allSatisfy({ $0.table != nil }) else { return nil }
        let owners = tables.indices.filter { position in
            tables[position].table.flatMap { context.lookups[$0] }?.hasColumn(use.column) == true
        }
        return owners.count == 1 ? owners[0] : nil
    }
}
