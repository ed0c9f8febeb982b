import GRDB
import BackcheckModel

/// What a scan changed, compared with a baseline: for an audit, the end of the previous complete
/// audit of the same root (daemon batches in between count towards this audit's diff); for a
/// daemon batch, everything before it. A finding's state at the baseline is its last
/// `finding_events` row at or before the baseline scan, so a finding that was fixed and came back
/// between two audits is still open for the diff, not new.
struct ScanQueries {
    let db: Database
    let scan: ScanRecord
    /// The previous complete scan of the same root and kind, if any.
    let previousScanId: Int64?
    /// Scan id whose end state is compared with now.
    let baseline: Int64

    init(db: Database, scan: ScanRecord) throws {
        self.db = db
        self.scan = scan
        let scanId = scan.id ?? 0
        previousScanId = try Int64.fetchOne(db, sql: """
            SELECT id FROM scans
            WHERE root_id = ? AND kind = ? AND status = 'complete' AND id < ?
            ORDER BY id DESC LIMIT 1
            """, arguments: [scan.rootId, scan.kind.rawValue, scanId])
        baseline = scan.kind == .audit ? (previousScanId ?? 0) : scanId - 1
    }

    /// The status a finding (the outer query's `findings` row) had at the baseline; NULL if it did
    /// not exist yet.
    private static let stateAtBaseline = """
        (SELECT e.status FROM finding_events e WHERE e.finding_id = findings.id AND e.scan_id <= ?
         ORDER BY e.scan_id DESC, e.id DESC LIMIT 1)
        """

    /// Open or reopened now, and not at the baseline.
    var newFindings: QueryInterfaceRequest<FindingRecord> {
        FindingRecord.filter(sql: """
            root_id = ? AND status_scan_id > ? AND status IN ('open', 'reopened')
            AND coalesce(\(Self.stateAtBaseline), 'absent') NOT IN ('open', 'reopened')
            """, arguments: [scan.rootId, baseline, baseline])
    }

    /// Fixed now, and open or reopened at the baseline.
    var fixedFindings: QueryInterfaceRequest<FindingRecord> {
        FindingRecord.filter(sql: """
            root_id = ? AND status_scan_id > ? AND status = 'fixed'
            AND \(Self.stateAtBaseline) IN ('open', 'reopened')
            """, arguments: [scan.rootId, baseline, baseline])
    }

    func summary() throws -> ScanSummary {
        let current = FindingRecord.filter(Column("root_id") == scan.rootId)
        let files = FileRecord.filter(Column("last_scan_id") == (scan.id ?? 0))
        return ScanSummary(
            newFindings: try newFindings.fetchCount(db),
            fixedFindings: try fixedFindings.fetchCount(db),
            reopenedFindings: try newFindings.filter(Column("status") == FindingStatus.reopened).fetchCount(db),
            openFindings: try current.filter(FindingStatus.active.contains(Column("status"))).fetchCount(db),
            suppressedFindings: try current.filter(Column("status") == FindingStatus.suppressed).fetchCount(db),
            filesAnalyzed: try files.filter(Column("status") == FileRecord.Status.analyzed.rawValue).fetchCount(db),
            filesSkipped: try files.filter(Column("status") == FileRecord.Status.skipped.rawValue).fetchCount(db),
            previousScanId: previousScanId)
    }

    /// Records the root's open findings per checklist item and severity as this scan's totals
    /// (the trend over audits).
    func recordTotals() throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO scan_totals (scan_id, checklist, severity, open_count)
            SELECT ?, checklist, severity, count(*) FROM findings
            WHERE root_id = ? AND status IN ('open', 'reopened')
            GROUP BY checklist, severity
            """, arguments: [scan.id, scan.rootId])
    }
}
