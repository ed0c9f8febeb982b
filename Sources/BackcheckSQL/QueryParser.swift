/// Reads one SELECT/UPDATE/DELETE/INSERT/WITH statement into a ``QueryFact``: the tables of its
/// FROM, JOIN, UPDATE and DELETE clauses with their aliases, and the bare columns compared in
/// WHERE and JOIN … ON (`col = $1`, `a.x = b.y`, `col IN (…)`, `col < ?`, `col LIKE 'x%'`) or
/// listed in ORDER BY and GROUP BY. Sub-queries are read in the same flat scope; anything that is
/// not a bare column (`lower(col) = …`, `col + 1 > …`, `LIKE '%x'`) is left out, since an index on
/// the column would not serve it.
struct QueryParser {
    let sql: SQLTokens

    static let queryStarts: Set<String> = ["select", "update", "delete", "insert", "with"]

    /// Words that are never column or table names in a query.
    static let reserved: Set<String> = [
        "select", "from", "where", "and", "or", "not", "on", "join", "left", "right", "inner", "outer", "full",
        "cross", "natural", "using", "group", "order", "by", "having", "limit", "offset", "as", "in", "is", "null",
        "true", "false", "like", "ilike", "between", "exists", "case", "when", "then", "else", "end", "union",
        "all", "distinct", "asc", "desc", "nulls", "first", "last", "set", "values", "insert", "into", "update",
        "delete", "returning", "with", "default", "interval", "any", "some", "array", "lateral", "only", "for",
        "fetch", "window", "except", "intersect", "escape", "collate", "similar", "current_timestamp",
        "current_date", "current_user", "straight_join", "recursive", "materialized", "conflict", "do", "nothing",
    ]

    /// Whether `range` is a query statement.
    func isQuery(_ range: Range<Int>) -> Bool {
        !range.isEmpty && sql.isName(range.lowerBound) && Self.queryStarts.contains(sql.name(range.lowerBound))
    }

    /// The tables and column uses of the statement in `range`.
    func parse(_ range: Range<Int>) -> (tables: [TableReference], uses: [ColumnUse], hasLimit: Bool) {
        var state = QueryScan(parser: self, end: range.upperBound)
        state.run(from: range.lowerBound)
        let derived = state.derivedNames
        let tables = state.tables.map { reference in
            var reference = reference
            if let table = reference.table, derived.contains(table) { reference.table = nil }
            return reference
        }
        return (tables, state.uses, state.hasLimit)
    }

    /// Whether token `index` names a column or table (not a keyword, not a placeholder).
    func isPlainName(_ index: Int) -> Bool {
        sql.isName(index) && (sql.isQuoted(index) || !Self.reserved.contains(sql.name(index)))
    }

    /// A column reference `name` or `qualifier.name` spanning `range`, if `range` is exactly that.
    func columnReference(_ range: Range<Int>) -> (qualifier: String?, column: String)? {
        switch range.count {
        case 1 where isPlainName(range.lowerBound):
            return (nil, sql.name(range.lowerBound))
        case 3 where isPlainName(range.lowerBound) && sql.isSymbol(range.lowerBound + 1, ".") && sql.isName(range.lowerBound + 2):
            return (sql.name(range.lowerBound), sql.name(range.lowerBound + 2))
        default:
            return nil
        }
    }
}
