import BackcheckAnalysis
import GRDB
import BackcheckModel

extension FindingStore {
    /// Findings with one of `statuses`, in `root` or in every root when nil, worst first
    /// (severity descending, then path and line).
    public func findings(root: String?, statuses: Set<FindingStatus>) throws(StoreError) -> [TrackedFinding] {
        try read { db in
            let roots = try rootPaths(db)
            var request = FindingRecord.filter(statuses.contains(Column("status")))
            if let root {
                guard let rootId = try RootRecord.id(of: root, db) else { return [] }
                request = request.filter(Column("root_id") == rootId)
            }
            return try request.order(Self.worstFirst).fetchAll(db).map { $0.stored(root: roots[$0.rootId] ?? "") }
        }
    }

    /// Findings open or reopened now that were not at the scan's baseline (for an audit, the end of
    /// the previous audit of the root): the "new" part of an audit report.
    public func newFindings(in scan: ScanHandle) throws(StoreError) -> [TrackedFinding] {
        try changes(in: scan) { $0.newFindings }
    }

    /// Findings fixed now that were open at the scan's baseline: the "fixed" part of an audit report.
    public func fixedFindings(in scan: ScanHandle) throws(StoreError) -> [TrackedFinding] {
        try changes(in: scan) { $0.fixedFindings }
    }

    /// The files of `root` as last recorded, by path; empty for a root never scanned. Each is the
    /// result that recorded it: `.skipped` with its reason, else `.unchanged` (its findings are
    /// the stored ones).
    public func files(root: String) throws(StoreError) -> [FileResult] {
        try read { db in
            guard let rootId = try RootRecord.id(of: root, db) else { return [] }
            // Decoded by column position, not Codable: a daemon start reads every row of a
            // 100k-file tree, and key decoding cost seconds there.
            return try FileResult.fetchAll(db, sql: "WHERE root_id = ? ORDER BY path", arguments: [rootId])
        }
    }

    /// The stored SQL facts (JSON) of `root`'s files, by path; files without facts are absent.
    public func sqlFacts(root: String) throws(StoreError) -> [String: String] {
        try facts(root: root, kind: "sql")
    }

    /// The stored api-docs and testing facts (JSON) of `root`'s files, by path.
    public func apiFacts(root: String) throws(StoreError) -> [String: String] {
        try facts(root: root, kind: "api")
    }

    /// The stored source summaries (JSON) of `root`'s files, by path.
    public func summaryFacts(root: String) throws(StoreError) -> [String: String] {
        try facts(root: root, kind: "summary")
    }

    private func facts(root: String, kind: String) throws(StoreError) -> [String: String] {
        try read { db in
            guard let rootId = try RootRecord.id(of: root, db) else { return [:] }
            let rows = try Row.fetchCursor(db, sql: """
                SELECT files.path, facts.payload FROM facts JOIN files ON files.id = facts.file_id
                WHERE files.root_id = ? AND facts.kind = ?
                """, arguments: [rootId, kind])
            var facts: [String: String] = [:]
            while let row = try rows.next() { facts[row[0]] = row[1] }
            return facts
        }
    }

    /// The current findings (open, reopened or suppressed) of the files of `root` at `paths`, by
    /// path: what the last analysis of each file recorded and a fix has not closed since.
    public func currentFindings(root: String, paths: [String]) throws(StoreError) -> [String: [Finding]] {
        try read { db in
            guard let rootId = try RootRecord.id(of: root, db) else { return [:] }
            var findings: [String: [Finding]] = [:]
            let records = try FindingRecord.fetchAll(db, sql: """
                SELECT findings.* FROM findings JOIN files ON files.id = findings.file_id
                WHERE files.root_id = ? AND files.path IN (SELECT value FROM json_each(?))
                  AND findings.status IN ('open', 'reopened', 'suppressed')
                """, arguments: [rootId, JSONList.text(paths)])
            for record in records { findings[record.finding.path, default: []].append(record.finding) }
            return findings
        }
    }

    /// The files of `root` under the directory `directory` (root-relative, not empty) as last
    /// recorded, as ``files(root:)`` gives them.
    public func files(root: String, under directory: String) throws(StoreError) -> [FileResult] {
        try read { db in
            guard let rootId = try RootRecord.id(of: root, db) else { return [] }
            // A range of the (root_id, path) index: "dir/" up to "dir0" ("0" follows "/").
            return try FileResult.fetchAll(db, sql: "WHERE root_id = ? AND path >= ? AND path < ? ORDER BY path",
                                           arguments: [rootId, directory + "/", directory + "0"])
        }
    }

    /// The files of `root` at `paths` as last recorded, by path, as ``files(root:)`` gives them;
    /// paths never recorded are absent.
    public func files(root: String, paths: [String]) throws(StoreError) -> [String: FileResult] {
        try read { db in
            guard let rootId = try RootRecord.id(of: root, db) else { return [:] }
            var files: [String: FileResult] = [:]
            for file in try FileResult.fetchAll(db, sql: "WHERE root_id = ? AND path IN (SELECT value FROM json_each(?))",
                                                arguments: [rootId, JSONList.text(paths)]) {
                files[file.path] = file
            }
            return files
        }
    }

    /// The content hashes of `root`'s files that were last analysed (not skipped) by a scan with
    /// `rulePackHash` and `toolVersion`, by path: files whose recorded findings those rules would
    /// find again in the same bytes.
    public func analysedHashes(root: String, rulePackHash: String, toolVersion: String) throws(StoreError) -> [String: String] {
        try read { db in
            guard let rootId = try RootRecord.id(of: root, db) else { return [:] }
            let rows = try Row.fetchCursor(db, sql: """
                SELECT files.path, files.content_hash FROM files JOIN scans ON scans.id = files.last_scan_id
                WHERE files.root_id = ? AND files.status = 'analyzed' AND files.content_hash IS NOT NULL
                  AND scans.rule_pack_hash = ? AND scans.tool_version = ?
                """, arguments: [rootId, rulePackHash, toolVersion])
            var hashes: [String: String] = [:]
            while let row = try rows.next() { hashes[row[0]] = row[1] }
            return hashes
        }
    }

    /// How many files of `root` are recorded.
    public func fileCount(root: String) throws(StoreError) -> Int {
        try read { db in
            guard let rootId = try RootRecord.id(of: root, db) else { return 0 }
            return try FileRecord.filter(Column("root_id") == rootId).fetchCount(db)
        }
    }

    /// The scans of `root`, most recent first; empty for a root never scanned.
    public func scans(root: String) throws(StoreError) -> [StoredScan] {
        try read { db in
            guard let rootId = try RootRecord.id(of: root, db) else { return [] }
            return try ScanRecord.filter(Column("root_id") == rootId)
                .order(Column("started_at").desc, Column("id").desc)
                .fetchAll(db).map(\.stored)
        }
    }

    /// The newest scan of `root`, or nil for a root never scanned.
    public func lastScan(root: String) throws(StoreError) -> StoredScan? {
        try read { db in
            guard let rootId = try RootRecord.id(of: root, db) else { return nil }
            return try ScanRecord.filter(Column("root_id") == rootId)
                .order(Column("id").desc)
                .fetchOne(db)?.stored
        }
    }

    private static var worstFirst: [any SQLOrderingTerm] { [
        Column("severity").desc, Column("path"), Column("line"), Column("column"), Column("id"),
    ] }

    private func changes(
        in scan: ScanHandle, _ request: (ScanQueries) -> QueryInterfaceRequest<FindingRecord>
    ) throws(StoreError) -> [TrackedFinding] {
        let path = path
        return try read { db in
            guard let row = try ScanRecord.fetchOne(db, key: scan.id) else {
                throw StoreError.unknownScan(path: path, scanId: scan.id)
            }
            return try request(try ScanQueries(db: db, scan: row)).order(Self.worstFirst).fetchAll(db)
                .map { $0.stored(root: scan.root) }
        }
    }

    func rootPaths(_ db: Database) throws -> [Int64: String] {
        let rows = try Row.fetchAll(db, sql: "SELECT id, path FROM roots")
        return Dictionary(uniqueKeysWithValues: rows.map { row -> (Int64, String) in (row["id"], row["path"]) })
    }
}

extension FileResult {
    /// The rows of `files` that `condition` (a WHERE clause, and an ORDER BY) selects.
    static func fetchAll(_ db: Database, sql condition: String, arguments: StatementArguments) throws -> [FileResult] {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT path, language, size, mtime_ns, inode, content_hash, skip_reason, role FROM files \(condition)
            """, arguments: arguments)
        var files: [FileResult] = []
        while let row = try rows.next() {
            let skipReason: String? = row[6]
            var file = FileResult(
                path: row[0], language: row[1], size: row[2], mtimeNanoseconds: row[3],
                inode: UInt64(bitPattern: row[4] as Int64), contentHash: row[5],
                outcome: skipReason.map { .skipped(reason: $0) } ?? .unchanged)
            file.role = try FileRole.stored(row[7], column: "files.role")
            files.append(file)
        }
        return files
    }
}
