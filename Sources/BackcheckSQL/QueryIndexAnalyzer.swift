import BackcheckModel
import BackcheckRules

/// Queries that must read a whole table: for each table a query filters (WHERE) or probes as the
/// inner side of a JOIN, some compared column must lead an index, or the engine scans. ORDER BY
/// … LIMIT on a table the query does not filter wants an index leading with the sort column
/// (low severity). An equality with a column of a table read before it (an outer query's, an
/// earlier FROM or JOIN table's) is a probe too, as `= ?` is: an index leading with that column
/// serves the table, whatever its other conditions. Only what the schema proves is reported: an
/// unknown table, alias or column keeps that table out.
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
                let correlated = resolved.filter { use in
                    guard use.isEquality, let partner = use.partner,
                          let other = resolve(qualifier: partner.qualifier, column: partner.column, in: query, context: context)
                    else { return false }
                    return isInner(position, than: other, in: query)
                }
                if let problem = probeProblem(probes, served: probes + correlated, table: table, lookup: lookup, query: query,
                                              dialect: context.schema.dialect)
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

    /// The problem of a table whose `probes` no index serves: none of the `served` columns (the
    /// probes and the equalities with tables read before it) leads an index.
    private func probeProblem(_ probes: [ColumnUse], served: [ColumnUse], table: Schema.Table, lookup: TableLookup,
                              query: QueryFact, dialect: SQLDialect) -> SchemaProblem? {
        guard !probes.isEmpty,
              !served.contains(where: { lookup.hasIndexLeading(with: $0.column) || lookup.hasPartialIndex(over: $0.column) })
        else { return nil }
        let how = probes.contains { if case .join = $0.clause { true } else { false } } ? "joins on" : "filters on"
        // Conditions ANDed with the rest can lead one index; an OR of different columns alone
        // needs an index on each.
        let conjuncts = probes.filter { !$0.isDisjunct }
        let alternatives = unique(probes.map(\.column))
        if conjuncts.isEmpty, alternatives.count > 1 {
            return SchemaProblem(
                location: query.location, identity: "query:\(table.name)(\(alternatives.joined(separator: ",")))",
                table: table.name, columns: alternatives,
                fix: "add one per column (an index on several columns cannot serve an OR of them): "
                    + alternatives.map { IndexCoverage.suggestion(table: table.name, columns: [$0], dialect: dialect) }
                        .joined(separator: " "),
                detail: how)
        }
        let chosen = conjuncts.isEmpty ? probes : conjuncts
        // Equality columns first, then one range column: the index that would serve the query.
        var columns = unique((chosen.filter(\.isEquality) + chosen.filter({ !$0.isEquality })).map(\.column))
        if let range = columns.firstIndex(where: { column in !chosen.contains { $0.column == column && $0.isEquality } }) {
            columns = Array(columns.prefix(range + 1))
        }
        return SchemaProblem(
            location: query.location, identity: "query:\(table.name)(\(columns.joined(separator: ",")))",
            table: table.name, columns: columns,
            fix: "add one: " + IndexCoverage.suggestion(table: table.name, columns: columns, dialect: dialect),
            detail: how)
    }

    /// `columns` without repeats, in first-seen order.
    private func unique(_ columns: [String]) -> [String] {
        var seen = Set<String>()
        return columns.filter { seen.insert($0).inserted }
    }

    /// Whether the table reference at `position` is read after the one at `other`, so that it is
    /// probed once per row of it: declared deeper (a subquery correlated with the outer query),
    /// or as deep but later (a JOIN, a later FROM item).
    private func isInner(_ position: Int, than other: Int, in query: QueryFact) -> Bool {
        guard position != other else { return false }
        let depth = query.tables[position].depth ?? 0
        let otherDepth = query.tables[other].depth ?? 0
        return depth != otherDepth ? depth > otherDepth : position > other
    }

    private func sortProblem(_ resolved: [ColumnUse], probes: [ColumnUse], table: Schema.Table, lookup: TableLookup,
                             query: QueryFact, dialect: SQLDialect) -> SchemaProblem? {
        guard probes.isEmpty, query.hasLimit, query.tables.count == 1,
              let sort = resolved.first(where: { $0.clause == .orderBy }),
              !lookup.hasIndexLeading(with: sort.column) else { return nil }
        return SchemaProblem(
            location: query.location, identity: "query-sort:\(table.name)(\(sort.column))",
            table: table.name, columns: [sort.column],
            fix: "add one: " + IndexCoverage.suggestion(table: table.name, columns: [sort.column], dialect: dialect),
            detail: "sorts (ORDER BY … LIMIT) on", severity: .low)
    }

    /// The position of the table reference a column use belongs to, or nil when the query does
    /// not say for sure.
    private func resolve(_ use: ColumnUse, in query: QueryFact, context: SchemaContext) -> Int? {
        resolve(qualifier: use.qualifier, column: use.column, in: query, context: context)
    }

    private func resolve(qualifier: String?, column: String, in query: QueryFact, context: SchemaContext) -> Int? {
        let tables = query.tables
        if let qualifier {
            let matches = tables.indices.filter { tables[$0].alias == qualifier }
            return matches.count == 1 ? matches[0] : nil
        }
        if tables.count == 1 { return 0 }
        guard tables.allSatisfy({ $0.table != nil }) else { return nil }
        let owners = tables.indices.filter { position in
            tables[position].table.flatMap { context.lookups[$0] }?.hasColumn(column) == true
        }
        return owners.count == 1 ? owners[0] : nil
    }
}
