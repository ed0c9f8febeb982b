/// The SQL facts of one file: its DDL changes in order and its queries, plus the dialect its
/// text suggests. Files are analysed in parallel; these facts are what the project step reads.
public struct SQLFileFacts: Sendable, Hashable, Codable {
    public var path: String
    var dialect: SQLDialect
    var changes: [SchemaChange]
    var queries: [QueryFact]
    /// The code calls a password-hashing API (``PasswordHashing``): the project stores password
    /// hashes, whatever its columns are named.
    var hashesPasswords = false

    init(path: String, dialect: SQLDialect, changes: [SchemaChange], queries: [QueryFact], hashesPasswords: Bool = false) {
        self.path = path
        self.dialect = dialect
        self.changes = changes
        self.queries = queries
        self.hashesPasswords = hashesPasswords
    }

    public var isEmpty: Bool { changes.isEmpty && queries.isEmpty && !hashesPasswords }

    private enum CodingKeys: String, CodingKey {
        case path, dialect, changes, queries, hashesPasswords
    }

    /// Facts stored before `hashesPasswords` existed read as hashing none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decode(String.self, forKey: .path)
        dialect = try container.decode(SQLDialect.self, forKey: .dialect)
        changes = try container.decode([SchemaChange].self, forKey: .changes)
        queries = try container.decode([QueryFact].self, forKey: .queries)
        hashesPasswords = try container.decodeIfPresent(Bool.self, forKey: .hashesPasswords) ?? false
    }
}
