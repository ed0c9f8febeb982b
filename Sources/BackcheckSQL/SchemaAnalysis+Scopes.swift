import BackcheckModel

extension SchemaAnalysis {
    /// Roles whose DDL describes a test database rather than the application's.
    static let testSchemaRoles: Set<FileRole> = [.test, .fixture, .docs]

    /// What the analyzers read, one context per schema: without engine trees one schema of every
    /// file; else one per engine tree (``SchemaScope``), of its files and those outside any tree,
    /// with the queries of its tree and those written for no tree that has DDL; its dialect is the
    /// majority of its files', a tree's files voting for the tree's engine. Queries in
    /// migrations are left out: an UPDATE that rewrites data at upgrade runs once, and no index
    /// should be made for it.
    static func contexts(facts: [SQLFileFacts], dialect: SQLDialect?, roles: [String: FileRole]) -> [SchemaContext] {
        // A schema that tests load (`src/test/resources/schema.sql`, the old version a migrator's
        // tests start from) is not the application's, when the application declares its own.
        func isTestSchema(_ file: SQLFileFacts) -> Bool { roles[file.path].map(Self.testSchemaRoles.contains) ?? false }
        let facts = facts.contains { !$0.changes.isEmpty && !isTestSchema($0) }
            ? facts.filter { $0.changes.isEmpty || !isTestSchema($0) } : facts
        let scopes = Dictionary(facts.map { ($0.path, SchemaScope.of(path: $0.path)) }, uniquingKeysWith: { first, _ in first })
        let withDDL = Set(facts.filter { !$0.changes.isEmpty }.compactMap { scopes[$0.path] ?? nil })
        let queried = facts.sorted { NaturalPathOrder.precedes($0.path, $1.path) }
            .filter { roles[$0.path] != .migration && !MigrationPath.isVersionedMigration($0.path) }
        // Tests hash passwords for their fixtures; the project's own code is what stores them.
        let hashesPasswords = facts.contains { $0.hashesPasswords && roles[$0.path].map(FileRole.shipped.contains) ?? true }
        guard !withDDL.isEmpty else {
            return [SchemaContext(schema: schema(from: facts, dialect: dialect), queries: queried.flatMap(\.queries),
                                  hashesPasswords: hashesPasswords)]
        }
        return withDDL.sorted { $0.name < $1.name }.map { scope in
            let own = facts.filter { (scopes[$0.path] ?? nil).map { $0 == scope } ?? true }
            let queries = queried.filter { file in
                guard let other = scopes[file.path] ?? nil else { return true }
                return other == scope || !withDDL.contains(other)
            }
            // The tree's files speak its engine; the files outside any tree vote as their text says.
            let votes = own.filter { !$0.changes.isEmpty }.map { file in
                let inTree = (scopes[file.path] ?? nil) != nil
                return inTree && scope.dialect != .unknown ? scope.dialect : file.dialect
            }
            return SchemaContext(schema: schema(from: own, dialect: dialect ?? SQLDialect.majority(votes)),
                                 queries: queries.flatMap(\.queries), hashesPasswords: hashesPasswords)
        }
    }
}
