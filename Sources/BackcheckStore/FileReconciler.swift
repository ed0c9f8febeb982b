import BackcheckAnalysis
import GRDB

/// Brings one file's rows in line with what a scan saw, inside the caller's write transaction.
/// Findings are matched by fingerprint, so a finding keeps its row (id, first_seen) when code
/// moves above it.
struct FileReconciler {
    let db: Database
    let rootId: Int64
    let scanId: Int64
    let now: Int64
    /// The newest scan id when this transaction began; see `files.recorded_epoch`.
    let epoch: Int64

    init(db: Database, rootId: Int64, scanId: Int64, now: Int64) throws {
        self.db = db
        self.rootId = rootId
        self.scanId = scanId
        self.now = now
        epoch = try Int64.fetchOne(db, sql: "SELECT max(id) FROM scans") ?? scanId
    }

    /// Stores a file's facts of one kind as `stored` says: kept, replaced, or dropped.
    private func replaceFacts(_ kind: String, with stored: FileResult.StoredFacts, of fileId: Int64) throws {
        guard case .replace(let facts) = stored else { return }
        try db.execute(sql: "DELETE FROM facts WHERE file_id = ? AND kind = ?", arguments: [fileId, kind])
        if let facts {
            try db.execute(sql: "INSERT INTO facts (file_id, kind, payload) VALUES (?, ?, ?)", arguments: [fileId, kind, facts])
        }
    }

    /// Upserts the file's row, then updates its findings: new fingerprints are inserted, known ones
    /// updated (a fixed one reopens), and the file's other findings are fixed. A skipped file has
    /// no findings, so all of its findings are fixed, as a fresh audit would not report them.
    func record(_ result: FileResult) throws {
        var file = FileRecord(result, rootId: rootId, scanId: scanId, epoch: epoch)
        let fileId = try file.save(db)
        try replaceFacts("sql", with: result.sqlFacts, of: fileId)
        try replaceFacts("api", with: result.apiFacts, of: fileId)
        switch result.summaryFacts {
        case .replace(let summary):
            try db.execute(sql: "DELETE FROM facts WHERE file_id = ? AND kind = 'summary'", arguments: [fileId])
            if let summary {
                try db.execute(sql: "INSERT INTO facts (file_id, kind, payload) VALUES (?, 'summary', ?)", arguments: [fileId, summary])
            }
        case .keep:
            // New bytes without a new summary: the stored one may be of the old bytes.
            if case .unchanged = result.outcome {} else {
                try db.execute(sql: "DELETE FROM facts WHERE file_id = ? AND kind = 'summary'", arguments: [fileId])
            }
        }
        if case .unchanged = result.outcome {
            // Its findings stand as recorded; they were seen again.
            try db.execute(sql: """
                UPDATE findings SET last_seen_at = ?, last_scan_id = ?
                WHERE file_id = ? AND status IN ('open', 'reopened', 'suppressed')
                """, arguments: [now, scanId, fileId])
            return
        }
        let previous = try FindingRecord.filter(Column("file_id") == fileId).fetchAll(db)
        var byFingerprint = Dictionary(previous.map { ($0.finding.fingerprint, $0) }, uniquingKeysWith: { first, _ in first })
        var reported = Set<String>()
        // Findings seen again as they were (most findings of most re-audits): two columns each,
        // in one statement, instead of whole rows through their encoder.
        var seenAgain: [Int64] = []
        for finding in result.findings where reported.insert(finding.fingerprint).inserted {
            // A fingerprint can also belong to no file: its file was deleted and has come back.
            let known = try byFingerprint.removeValue(forKey: finding.fingerprint)
                ?? FindingRecord
                .filter(Column("root_id") == rootId && Column("fingerprint") == finding.fingerprint)
                .fetchOne(db)
            if var record = known {
                let previous = record.status
                let sameReport = record.fileId == fileId && record.finding == finding
                record.report(finding, fileId: fileId, scanId: scanId, now: now)
                record.advance(suppressed: finding.suppression != nil, scanId: scanId, now: now)
                if sameReport && record.status == previous, let id = record.id {
                    seenAgain.append(id)
                } else {
                    try record.update(db)
                }
                if record.status != previous { try event(record) }
            } else {
                var record = FindingRecord(finding, rootId: rootId, fileId: fileId, scanId: scanId, now: now)
                try record.insert(db)
                try event(record)
            }
        }
        if !seenAgain.isEmpty {
            try db.execute(sql: """
                UPDATE findings SET last_seen_at = ?, last_scan_id = ? WHERE id IN (SELECT value FROM json_each(?))
                """, arguments: [now, scanId, JSONList.text(seenAgain)])
        }
        try fix(Array(byFingerprint.values))
    }

    /// Fixes the findings of the file at `path` and deletes its row (its facts go with it; its
    /// findings keep their path and lose their file id).
    func remove(path: String) throws {
        guard let file = try FileRecord
            .filter(Column("root_id") == rootId && Column("path") == path)
            .fetchOne(db), let fileId = file.id
        else { return }
        try fix(FindingRecord.filter(Column("file_id") == fileId).fetchAll(db))
        try file.delete(db)
    }

    private func fix(_ records: [FindingRecord]) throws {
        for var record in records where record.status != .fixed {
            record.status = .fixed
            record.fixedAt = now
            record.statusScanId = scanId
            try record.update(db)
            try event(record)
        }
    }

    /// Appends the finding's current status to its history (`finding_events`).
    private func event(_ record: FindingRecord) throws {
        try db.execute(
            sql: "INSERT INTO finding_events (finding_id, scan_id, status, at, reason) VALUES (?, ?, ?, ?, ?)",
            arguments: [record.id, scanId, record.status, now, record.status == .suppressed ? record.finding.suppression?.reason : nil])
    }
}

extension FindingRecord {
    /// The lifecycle step for a finding that was reported again: suppression follows the marker,
    /// a fixed finding reopens, an open or reopened one stays as it is.
    mutating func advance(suppressed: Bool, scanId: Int64, now: Int64) {
        let previous = status
        switch (suppressed, status) {
        case (true, _): status = .suppressed
        case (false, .open), (false, .reopened): break
        case (false, .suppressed): status = .open
        case (false, .fixed):
            status = .reopened
            reopenedAt = now
        }
        guard status != previous else { return }
        fixedAt = nil
        statusScanId = scanId
    }
}
