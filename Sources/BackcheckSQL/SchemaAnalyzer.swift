import BackcheckRules

/// An analyzer behind a rule's `analyzer:` name: reads the final schema and the queries and
/// reports problems.
protocol SchemaAnalyzer: Sendable {
    func problems(in context: SchemaContext, rule: Rule) -> [SchemaProblem]
}

/// What analyzers read: the schema after all migrations, and every query of the project.
struct SchemaContext {
    var schema: Schema
    var queries: [QueryFact]
    /// The project's code calls a password-hashing API (``PasswordHashing``).
    var hashesPasswords = false
    /// Each table's look-ups, by the same keys as `schema.tables`.
    let lookups: [String: TableLookup]

    init(schema: Schema, queries: [QueryFact], hashesPasswords: Bool = false) {
        self.schema = schema
        self.queries = queries
        self.hashesPasswords = hashesPasswords
        lookups = schema.tables.mapValues(TableLookup.init)
    }
}

/// The analyzers by the names rules declare them with.
enum SchemaAnalyzers {
    static let all: [String: any SchemaAnalyzer] = [
        "foreign-key-index": ForeignKeyIndexAnalyzer(),
        "query-index": QueryIndexAnalyzer(),
        "primary-key": PrimaryKeyAnalyzer(),
        "duplicate-index": DuplicateIndexAnalyzer(),
        "plaintext-secret-column": SensitiveColumnAnalyzer(kind: .secret),
        "card-number-column": SensitiveColumnAnalyzer(kind: .cardNumber),
    ]
}
