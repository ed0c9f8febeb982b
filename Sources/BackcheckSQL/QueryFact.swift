/// One SQL query as far as indexes are concerned: where it is written, the tables it reads
/// under which aliases, and the columns it filters, joins, sorts and groups on.
struct QueryFact: Sendable, Hashable, Codable {
    /// The query's first token, or the string literal holding it.
    var location: SourceLocation
    var tables: [TableReference]
    var uses: [ColumnUse]
    var hasLimit: Bool
}

/// A table named in FROM, JOIN, UPDATE or DELETE, with the alias columns are qualified by.
struct TableReference: Sendable, Hashable, Codable {
    /// The table key, or nil for a derived table or CTE (never resolved against the schema).
    var table: String?
    var alias: String
    /// For a joined table, the ordinal of its JOIN (its ON columns are probed); nil for FROM tables.
    var join: Int?
}

/// A column compared, sorted or grouped on.
struct ColumnUse: Sendable, Hashable, Codable {
    /// The alias or table qualifying it (`o` in `o.user_id`), or nil.
    var qualifier: String?
    var column: String
    var clause: Clause
    /// `=`, `IN`, `IS NULL` (an index can seek to it); false for ranges (`<`, `BETWEEN`, `LIKE 'x%'`).
    var isEquality: Bool
    /// Compared with another column (a join condition) rather than a value.
    var comparedToColumn: Bool

    /// Where in the query a column is used.
    enum Clause: Sendable, Hashable, Codable {
        case filter
        case join(Int)
        case orderBy
        case groupBy
    }
}
