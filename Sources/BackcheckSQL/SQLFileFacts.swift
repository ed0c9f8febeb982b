/// The SQL facts of one file: its DDL changes in order and its queries, plus the dialect its
/// text suggests. Files are analysed in parallel; these facts are what the project step reads.
public struct SQLFileFacts: Sendable, Hashable, Codable {
    public var path: String
    public var dialect: SQLDialect
    public var changes: [SchemaChange]
    public var queries: [QueryFact]

    public init(path: String, dialect: SQLDialect, changes: [SchemaChange], queries: [QueryFact]) {
        self.path = path
        self.dialect = dialect
        self.changes = changes
        self.queries = queries
    }

    public var isEmpty: Bool { changes.isEmpty && queries.isEmpty }
}
