import GRDB

/// What one scan changed, by `findings.status_scan_id` (the scan that set a finding's current
/// status) and `first_scan_id`.
struct ScanQueries {
    let db: Database
    let scan: ScanRecord

    private var scanId: Int64 { scan.id ?? 0 }

    /// Findings that became open (first seen) or reopened in the scan, and still are.
    var newFindings: QueryInterfaceRequest<FindingRecord> {
        FindingRecord.filter(
            (Column("status") == FindingStatus.open && Column("first_scan_id") == scanId)
                || (Column("status") == FindingStatus.reopened && Column("status_scan_id") == scanId))
    }

    /// Findings that became fixed in the scan, and still are.
    var fixedFindings: QueryInterfaceRequest<FindingRecord> {
        FindingRecord.filter(Column("status_scan_id") == scanId && Column("status") == FindingStatus.fixed)
    }

    func summary() throws -> ScanSummary {
        let reopened = FindingRecord.filter(
            Column("status_scan_id") == scanId && Column("status") == FindingStatus.reopened)
        let current = FindingRecord.filter(Column("root_id") == scan.rootId)
        let files = FileRecord.filter(Column("last_scan_id") == scanId)
        let previous = try Int64.fetchOne(db, sql: """
            SELECT id FROM scans
            WHERE root_id = ? AND kind = ? AND status = 'complete' AND id < ?
            ORDER BY id DESC LIMIT 1
            """, arguments: [scan.rootId, scan.kind.rawValue, scanId])
        return ScanSummary(
            newFindings: try newFindings.fetchCount(db),
            fixedFindings: try fixedFindings.fetchCount(db),
            reopenedFindings: try reopened.fetchCount(db),
            openFindings: try current.filter(FindingStatus.active.contains(Column("status"))).fetchCount(db),
            suppressedFindings: try current.filter(Column("status") == FindingStatus.suppressed).fetchCount(db),
            filesAnalyzed: try files.filter(Column("status") == FileRecord.Status.analyzed.rawValue).fetchCount(db),
            filesSkipped: try files.filter(Column("status") == FileRecord.Status.skipped.rawValue).fetchCount(db),
            previousScanId: previous)
    }
}
