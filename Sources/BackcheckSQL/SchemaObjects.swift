/// A column as declared: its name (folded to lower case), its type as written (lower case),
/// whether it is declared `NOT NULL`, and where it is declared.
struct ColumnDefinition: Sendable, Hashable, Codable {
    var name: String
    var type: String
    var isNotNull = false
    var location: SourceLocation

    init(name: String, type: String, isNotNull: Bool = false, location: SourceLocation) {
        self.name = name
        self.type = type
        self.isNotNull = isNotNull
        self.location = location
    }

    private enum CodingKeys: String, CodingKey {
        case name, type, isNotNull, location
    }

    /// Facts stored before `isNotNull` existed read as nullable columns.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        type = try container.decode(String.self, forKey: .type)
        isNotNull = try container.decodeIfPresent(Bool.self, forKey: .isNotNull) ?? false
        location = try container.decode(SourceLocation.self, forKey: .location)
    }
}

/// One key of an index: a plain column, or an expression (`lower(email)`), which never serves a
/// look-up by column.
enum IndexKey: Sendable, Hashable, Codable {
    case column(String)
    case expression(String)

    /// The column name of a plain key.
    var column: String? {
        if case .column(let name) = self { return name }
        return nil
    }
}

/// An index as far as look-ups are concerned: secondary indexes, and the indexes behind primary
/// keys and UNIQUE constraints.
struct IndexDefinition: Sendable, Hashable, Codable {
    /// The index or constraint name (lower case), or nil when unnamed.
    var name: String?
    var table: String
    var keys: [IndexKey]
    var isUnique: Bool
    /// The partial-index predicate as written, or nil.
    var predicate: String?
    /// The access method (`btree`, `gin`, `hash`, …), or nil for the default.
    var method: String?
    /// Where a primary key or UNIQUE constraint came from, when it is one.
    var constraint: Constraint?
    var location: SourceLocation

    /// What kind of constraint an index enforces.
    enum Constraint: String, Sendable, Hashable, Codable {
        case primaryKey, unique
    }

    init(name: String?, table: String, keys: [IndexKey], isUnique: Bool, predicate: String? = nil,
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
enum ReferentialAction: String, Sendable, Hashable, Codable {
    case noAction, restrict, cascade, setNull, setDefault
}

/// A foreign key: `columns` of the owning table reference `referencedColumns` of
/// `referencedTable`.
struct ForeignKey: Sendable, Hashable, Codable {
    var name: String?
    var columns: [String]
    var referencedTable: String
    var referencedColumns: [String]
    var onDelete: ReferentialAction
    /// The `REFERENCES` column or the `FOREIGN KEY`/`CONSTRAINT` clause.
    var location: SourceLocation
}

/// A table constraint: what `CREATE TABLE` and `ALTER TABLE … ADD` declare besides columns.
enum TableConstraint: Sendable, Hashable, Codable {
    case key(IndexDefinition)
    case foreignKey(ForeignKey)
}

/// A table as `CREATE TABLE` declares it.
struct TableDefinition: Sendable, Hashable, Codable {
    var name: String
    var columns: [ColumnDefinition]
    var constraints: [TableConstraint]
    /// The table name token.
    var location: SourceLocation
}
