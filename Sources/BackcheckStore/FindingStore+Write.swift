import BackcheckAnalysis
import GRDB
import BackcheckModel

extension FindingStore {
    /// Starts a scan of `root` (an absolute, canonical path; the row is created on first use).
    /// `toolVersion` and `rulePackHash` are kept with the scan so reports can tell when a change in
    /// findings came from new rules rather than new code.
    public func beginScan(
        root: String, kind: ScanKind, toolVersion: String, rulePackHash: String
    ) throws(StoreError) -> ScanHandle {
        let now = Timestamp.now()
        return try write { db in
            let rootId = try RootRecord.findOrCreate(path: root, now: now, db)
            var scan = ScanRecord(
                rootId: rootId, kind: kind, startedAt: now, toolVersion: toolVersion, rulePackHash: rulePackHash)
            try scan.insert(db)
            return ScanHandle(
                id: db.lastInsertedRowID, rootId: rootId, root: root, kind: kind, startedAt: Timestamp.date(now))
        }
    }

    /// Records a batch of per-file results in one transaction. For each file its row is upserted
    /// and its findings reconciled by fingerprint: new ones open (or suppressed), known ones are
    /// updated, fixed ones reopen, and the file's findings missing from the result are fixed.
    /// A skipped file's findings are fixed. Recording the same results again changes only the
    /// last-seen time and scan.
    public func record(_ results: [FileResult], in scan: ScanHandle) throws(StoreError) {
        let now = Timestamp.now()
        try write { db in
            let reconciler = try FileReconciler(db: db, rootId: scan.rootId, scanId: scan.id, now: now)
            for result in results { try reconciler.record(result) }
        }
    }

    /// Records `results` and removes the files at `removed` in one transaction: a daemon batch,
    /// which readers see whole or not at all. See ``record(_:in:)`` and ``removeFiles(paths:in:)``.
    public func record(_ results: [FileResult], removing removed: [String], in scan: ScanHandle) throws(StoreError) {
        let now = Timestamp.now()
        try write { db in
            let reconciler = try FileReconciler(db: db, rootId: scan.rootId, scanId: scan.id, now: now)
            for result in results { try reconciler.record(result) }
            for path in removed { try reconciler.remove(path: path) }
        }
    }

    /// Records that the files at `paths` (relative to the scan's root) no longer exist: their
    /// findings are fixed and their rows deleted. Unknown paths are ignored.
    public func removeFiles(paths: [String], in scan: ScanHandle) throws(StoreError) {
        let now = Timestamp.now()
        try write { db in
            let reconciler = try FileReconciler(db: db, rootId: scan.rootId, scanId: scan.id, now: now)
            for path in paths { try reconciler.remove(path: path) }
        }
    }

    /// Finishes a scan and returns what it changed. `complete` says the scan covered every file of
    /// the root (a full audit): then every file not recorded since the scan began has vanished, and
    /// is removed as by ``removeFiles(paths:in:)``. A daemon batch passes false.
    public func finishScan(_ scan: ScanHandle, complete: Bool) throws(StoreError) -> ScanSummary {
        let now = Timestamp.now()
        let path = path
        return try write { db in
            guard var row = try ScanRecord.fetchOne(db, key: scan.id) else {
                throw StoreError.unknownScan(path: path, scanId: scan.id)
            }
            if complete {
                // "Not recorded by anyone since the scan began" rather than "not recorded by this
                // scan": a daemon writing the same root meanwhile re-records files that still exist.
                let vanished = try String.fetchAll(
                    db, sql: "SELECT path FROM files WHERE root_id = ? AND recorded_epoch < ?",
                    arguments: [scan.rootId, scan.id])
                let reconciler = try FileReconciler(db: db, rootId: scan.rootId, scanId: scan.id, now: now)
                for path in vanished { try reconciler.remove(path: path) }
            }
            row.finishedAt = now
            row.status = .complete
            row.coversRoot = complete
            let queries = try ScanQueries(db: db, scan: row)
            let summary = try queries.summary()
            if row.kind == .audit { try queries.recordTotals() }
            row.filesAnalyzed = summary.filesAnalyzed
            row.filesSkipped = summary.filesSkipped
            row.findingsOpen = summary.openFindings
            row.findingsNew = summary.newFindings
            row.findingsFixed = summary.fixedFindings
            try row.update(db)
            return summary
        }
    }

    /// Marks a scan that could not finish as failed. Its results stay recorded; nothing is
    /// removed, since an interrupted scan proves nothing about the files it did not reach.
    public func failScan(_ scan: ScanHandle) throws(StoreError) {
        let now = Timestamp.now()
        try write { db in
            try db.execute(
                sql: "UPDATE scans SET status = 'failed', finished_at = ? WHERE id = ?", arguments: [now, scan.id])
        }
    }
}
