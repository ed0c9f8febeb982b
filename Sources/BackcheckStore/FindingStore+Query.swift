import GRDB
import BackcheckModel

extension FindingStore {
    /// The findings `query` selects, in its order, at most `query.limit` of them. Every value is a
    /// bound parameter.
    public func findings(matching query: FindingQuery) throws(StoreError) -> [TrackedFinding] {
        try read { db in
            guard let (rootId, roots) = try resolve(query, db) else { return [] }
            let (clause, arguments) = query.whereClause(rootId: rootId)
            var sql = "SELECT * FROM findings WHERE \(clause) ORDER BY \(query.orderClause)"
            var all = arguments
            if let limit = query.limit {
                // Pick the page's ids first: ordering ids can run on a covering index, where
                // ordering whole rows would read every matching row of the table.
                sql = """
                    SELECT * FROM findings WHERE id IN (
                        SELECT id FROM findings WHERE \(clause) ORDER BY \(query.orderClause) LIMIT ?)
                    ORDER BY \(query.orderClause)
                    """
                all += [limit]
            }
            return try FindingRecord.fetchAll(db, sql: sql, arguments: all).map { $0.stored(root: roots[$0.rootId] ?? "") }
        }
    }

    /// How many findings `query` selects, ignoring its limit.
    public func count(matching query: FindingQuery) throws(StoreError) -> Int {
        try read { db in
            guard let (rootId, _) = try resolve(query, db) else { return 0 }
            let (clause, arguments) = query.whereClause(rootId: rootId)
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM findings WHERE \(clause)", arguments: arguments) ?? 0
        }
    }

    /// The findings whose row id is `reference` (all digits) or whose fingerprint starts with it
    /// (at least 4 hexadecimal digits); several when a fingerprint prefix is ambiguous. Digits
    /// that name no row are tried as a fingerprint prefix, which may be all digits too.
    public func findings(reference: String) throws(StoreError) -> [TrackedFinding] {
        try read { db in
            let roots = try rootPaths(db)
            var records: [FindingRecord] = []
            if let id = Int64(reference), reference.allSatisfy(\.isNumber) {
                records = try FindingRecord.filter(Column("id") == id).fetchAll(db)
            }
            if records.isEmpty, reference.count >= 4, reference.allSatisfy(\.isHexDigit) {
                records = try FindingRecord
                    .filter(sql: "fingerprint GLOB ?", arguments: [reference.lowercased() + "*"])
                    .order(Column("id")).limit(10).fetchAll(db)
            }
            return records.map { $0.stored(root: roots[$0.rootId] ?? "") }
        }
    }

    /// The roots this database holds, by path.
    public func roots() throws(StoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT path FROM roots ORDER BY path") }
    }

    /// The root id for `query.root` (nil for every root) and the root paths by id; nil when the
    /// query names a root the database does not know.
    /// Also adds the query's path test to the connection.
    private func resolve(_ query: FindingQuery, _ db: Database) throws -> (Int64?, [Int64: String])? {
        if let path = query.path { db.add(function: path.sqlFunction) }
        let roots = try rootPaths(db)
        guard let root = query.root else { return (nil, roots) }
        guard let id = roots.first(where: { $0.value == root })?.key else { return nil }
        return (id, roots)
    }
}
