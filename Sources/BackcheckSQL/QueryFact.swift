/// One SQL query as far as indexes are concerned: where it is written, the tables it reads
/// under which aliases, and the columns it filters, joins, sorts and groups on.
public struct QueryFact: Sendable, Hashable, Codable {
    /// The query's first token, or the string literal holding it.
    public var location: SourceLocation
    public var tables: [TableReference]
    public var uses: [ColumnUse]
    public var hasLimit: Bool

    public init(location: SourceLocation, tables: [TableReference], uses: [ColumnUse], hasLimit: Bool) {
        self.location = location
        self.tables = tables
        self.uses = uses
        self.hasLimit = hasLimit
    }
}

/// A table named in FROM, JOIN, UPDATE or DELETE, with the alias columns are qualified by.
public struct TableReference: Sendable, Hashable, Codable {
    /// The table key, or nil for a derived table or CTE (never resolved against the schema).
    public var table: String?
    public var alias: String
    /// For a joined table, the ordinal of its JOIN (its ON columns are probed); nil for FROM tables.
    public var join: Int?

    public init(table: String?, alias: String, join: Int?) {
        self.table = table
        self.alias = alias
        self.join = join
    }
}

/// A column compared, sorted or grouped on.
public struct ColumnUse: Sendable, Hashable, Codable {
    /// The alias or table qualifying it (`o` in `o.user_id`), or nil.
    public var qualifier: String?
    public var column: String
    public var clause: Clause
    /// `=`, `IN`, `IS NULL` (an index can seek to it); false for ranges (`<`, `BETWEEN`, `LIKE 'x%'`).
    public var isEquality: Bool
    /// Compared with another column (a join condition) rather than a value.
    public var comparedToColumn: Bool

    /// Where in the query a column is used.
    public enum Clause: Sendable, Hashable, Codable {
        case filter
        case join(Int)
        case orderBy
        case groupBy
    }

    public init(qualifier: String?, column: String, clause: Clause, isEquality: Bool, comparedToColumn: Bool) {
        self.qualifier = qualifier
        self.column = column
        self.clause = clause
        self.isEquality = isEquality
        self.comparedToColumn = comparedToColumn
    }
}
