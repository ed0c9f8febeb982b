/// A column as declared: its name (folded to lower case), its type as written (lower case), and
/// where it is declared.
public struct ColumnDefinition: Sendable, Hashable, Codable {
    public var name: String
    public var type: String
    public var location: SourceLocation

    public init(name: String, type: String, location: SourceLocation) {
        self.name = name
        self.type = type
        self.location = location
    }
}

/// One key of an index: a plain column, or an expression (`lower(email)`), which never serves a
/// look-up by column.
public enum IndexKey: Sendable, Hashable, Codable {
    case column(String)
    case expression(String)

    /// The column name of a plain key.
    public var column: String? {
        if case .column(let name) = self { return name }
        return nil
    }
}

/// An index as far as look-ups are concerned: secondary indexes, and the indexes behind primary
/// keys and UNIQUE constraints.
public struct IndexDefinition: Sendable, Hashable, Codable {
    /// The index or constraint name (lower case), or nil when unnamed.
    public var name: String?
    public var table: String
    public var keys: [IndexKey]
    public var isUnique: Bool
    /// The partial-index predicate as written, or nil.
    public var predicate: String?
    /// The access method (`btree`, `gin`, `hash`, …), or nil for the default.
    public var method: String?
    /// Where a primary key or UNIQUE constraint came from, when it is one.
    public var constraint: Constraint?
    public var location: SourceLocation

    /// What kind of constraint an index enforces.
    public enum Constraint: String, Sendable, Hashable, Codable {
        case primaryKey, unique
    }

    public init(name: String?, table: String, keys: [IndexKey], isUnique: Bool, predicate: String? = nil,
                method: String? = nil, constraint: Constraint? = nil, location: SourceLocation) {
        self.name = name
        self.table = table
        self.keys = keys
        self.isUnique = isUnique
        self.predicate = predicate
        self.method = method
        self.constraint = constraint
        self.location = location
    }
}

/// What the referenced side does when a referenced row is deleted.
public enum ReferentialAction: String, Sendable, Hashable, Codable {
    case noAction, restrict, cascade, setNull, setDefault
}

/// A foreign key: `columns` of the owning table reference `referencedColumns` of
/// `referencedTable`.
public struct ForeignKey: Sendable, Hashable, Codable {
    public var name: String?
    public var columns: [String]
    public var referencedTable: String
    public var referencedColumns: [String]
    public var onDelete: ReferentialAction
    /// The `REFERENCES` column or the `FOREIGN KEY`/`CONSTRAINT` clause.
    public var location: SourceLocation

    public init(name: String?, columns: [String], referencedTable: String, referencedColumns: [String],
                onDelete: ReferentialAction, location: SourceLocation) {
        self.name = name
        self.columns = columns
        self.referencedTable = referencedTable
        self.referencedColumns = referencedColumns
        self.onDelete = onDelete
        self.location = location
    }
}

/// A table constraint: what `CREATE TABLE` and `ALTER TABLE … ADD` declare besides columns.
public enum TableConstraint: Sendable, Hashable, Codable {
    case key(IndexDefinition)
    case foreignKey(ForeignKey)
}

/// A table as `CREATE TABLE` declares it.
public struct TableDefinition: Sendable, Hashable, Codable {
    public var name: String
    public var columns: [ColumnDefinition]
    public var constraints: [TableConstraint]
    /// The table name token.
    public var location: SourceLocation

    public init(name: String, columns: [ColumnDefinition], constraints: [TableConstraint], location: SourceLocation) {
        self.name = name
        self.columns = columns
        self.constraints = constraints
        self.location = location
    }
}
