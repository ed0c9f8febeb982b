/// One SQL query as far as indexes are concerned: where it is written, the tables it reads
/// under which aliases, and the columns it filters, joins, sorts and groups on.
struct QueryFact: Sendable, Hashable, Codable {
    /// The query's first token, or the string literal holding it.
    var location: SourceLocation
    var tables: [TableReference]
    var uses: [ColumnUse]
    var hasLimit: Bool
    /// Columns it stores through a hashing or encrypting function, or checks as a stored hash
    /// (``QueryParser/hashedColumns(_:)``).
    var hashedColumns: [HashedColumn] = []

    init(location: SourceLocation, tables: [TableReference], uses: [ColumnUse], hasLimit: Bool, hashedColumns: [HashedColumn] = []) {
        self.location = location
        self.tables = tables
        self.uses = uses
        self.hasLimit = hasLimit
        self.hashedColumns = hashedColumns
    }

    private enum CodingKeys: String, CodingKey {
        case location, tables, uses, hasLimit, hashedColumns
    }

    /// Facts stored before `hashedColumns` existed read as storing none.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        location = try container.decode(SourceLocation.self, forKey: .location)
        tables = try container.decode([TableReference].self, forKey: .tables)
        uses = try container.decode([ColumnUse].self, forKey: .uses)
        hasLimit = try container.decode(Bool.self, forKey: .hasLimit)
        hashedColumns = try container.decodeIfPresent([HashedColumn].self, forKey: .hashedColumns) ?? []
    }
}

/// A table named in FROM, JOIN, UPDATE or DELETE, with the alias columns are qualified by.
struct TableReference: Sendable, Hashable, Codable {
    /// The table key, or nil for a derived table or CTE (never resolved against the schema).
    var table: String?
    var alias: String
    /// For a joined table, the ordinal of its JOIN (its ON columns are probed); nil for FROM tables.
    var join: Int?
    /// How many brackets deep it is declared (a subquery's tables are deeper than the outer
    /// query's); nil in facts stored before depths were recorded.
    var depth: Int?
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
    /// The column on the other side of `=`, when it is one.
    var partner: Partner?
    /// Combined by OR with other conditions of its clause: no one index serves them all.
    var isDisjunct = false

    /// A column as a comparison names it.
    struct Partner: Sendable, Hashable, Codable {
        var qualifier: String?
        var column: String
    }

    /// Where in the query a column is used.
    enum Clause: Sendable, Hashable, Codable {
        case filter
        case join(Int)
        case orderBy
        case groupBy
    }

    init(qualifier: String?, column: String, clause: Clause, isEquality: Bool, comparedToColumn: Bool,
         partner: Partner? = nil) {
        self.qualifier = qualifier
        self.column = column
        self.clause = clause
        self.isEquality = isEquality
        self.comparedToColumn = comparedToColumn
        self.partner = partner
    }

    private enum CodingKeys: String, CodingKey {
        case qualifier, column, clause, isEquality, comparedToColumn, partner, isDisjunct
    }

    /// Facts stored before `isDisjunct` existed read as conjunctions.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        qualifier = try container.decodeIfPresent(String.self, forKey: .qualifier)
        column = try container.decode(String.self, forKey: .column)
        clause = try container.decode(Clause.self, forKey: .clause)
        isEquality = try container.decode(Bool.self, forKey: .isEquality)
        comparedToColumn = try container.decode(Bool.self, forKey: .comparedToColumn)
        partner = try container.decodeIfPresent(Partner.self, forKey: .partner)
        isDisjunct = try container.decodeIfPresent(Bool.self, forKey: .isDisjunct) ?? false
    }
}
