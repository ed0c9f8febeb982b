import BackcheckLexer
import Foundation
import BackcheckModel

/// Extracts a file's SQL facts: DDL and queries from `.sql` files, queries from string literals
/// in code. Runs per file, in parallel; never fails.
public enum SQLFactExtractor {
    /// The facts of the file at `path` (relative to the root), or nil when it holds none.
    public static func extract(path: String, bytes: [UInt8], language: Language) -> SQLFileFacts? {
        let facts = language == .sql ? sqlFile(path: path, bytes: bytes) : codeFile(path: path, bytes: bytes, language: language)
        return facts.isEmpty ? nil : facts
    }

    private static func sqlFile(path: String, bytes: [UInt8]) -> SQLFileFacts {
        guard !RollbackSections.isRollbackFile(path) else {
            return SQLFileFacts(path: path, dialect: .unknown, changes: [], queries: [])
        }
        let current = RollbackSections.blanked(bytes) ?? bytes
        let file = LexedFile(bytes: DumpDataBlocks.blanked(current) ?? current, language: .sql)
        let sql = SQLTokens(file)
        let ddl = DDLParser(sql: sql, path: path)
        let parser = QueryParser(sql: sql)
        var changes: [SchemaChange] = []
        var queries: [QueryFact] = []
        for statement in StatementSplitter.statements(sql) {
            if parser.isQuery(statement) {
                let (tables, uses, hasLimit) = parser.parse(statement)
                let hashed = parser.hashedColumns(statement)
                guard !uses.isEmpty || !hashed.isEmpty else { continue }
                queries.append(QueryFact(location: ddl.location(statement.lowerBound),
                                         tables: tables, uses: uses, hasLimit: hasLimit, hashedColumns: hashed))
            } else {
                changes += ddl.changes(in: statement)
            }
        }
        return SQLFileFacts(path: path, dialect: DialectDetector.detect(sql), changes: changes, queries: queries)
    }

    private static func codeFile(path: String, bytes: [UInt8], language: Language) -> SQLFileFacts {
        let hashesPasswords = PasswordHashing.isCalled(in: bytes)
        guard mayHoldQueries(bytes) else {
            return SQLFileFacts(path: path, dialect: .unknown, changes: [], queries: [], hashesPasswords: hashesPasswords)
        }
        let file = LexedFile(bytes: bytes, language: language)
        var queries: [QueryFact] = []
        for query in EmbeddedSQL.queries(in: file) {
            let sql = SQLTokens(LexedFile(bytes: query.text, language: .sql))
            let parser = QueryParser(sql: sql)
            for statement in StatementSplitter.statements(sql) where parser.isQuery(statement) {
                let (tables, uses, hasLimit) = parser.parse(statement)
                let hashed = parser.hashedColumns(statement)
                guard !uses.isEmpty || !hashed.isEmpty else { continue }
                let position = file.position(ofByte: Int(file.buffer.tokens[query.token].start))
                queries.append(QueryFact(location: SourceLocation(path: path, position),
                                         tables: tables, uses: uses, hasLimit: hasLimit, hashedColumns: hashed))
            }
        }
        return SQLFileFacts(path: path, dialect: .unknown, changes: [], queries: queries, hashesPasswords: hashesPasswords)
    }

    /// Prefilter: a query worth reading filters, joins or sorts, or stores a hash, so its text has
    /// one of these words.
    private static func mayHoldQueries(_ bytes: [UInt8]) -> Bool {
        ["where", "join", "order", "crypt(", "digest(", "hashbytes("].contains { ByteSearch.containsCaseInsensitive(bytes, $0) }
    }
}
