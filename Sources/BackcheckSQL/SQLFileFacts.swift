/// The SQL facts of one file: its DDL changes in order and its queries, plus the dialect its
/// text suggests. Files are analysed in parallel; these facts are what the project step reads.
public struct SQLFileFacts: Sendable, Hashable, Codable {
    public var path: String
    var dialect: SQLDialect
    var changes: [SchemaChange]
    var queries: [QueryFact]

    public var isEmpty: Bool { changes.isEmpty && queries.isEmpty }
}
