import GRDB
import BackcheckModel

/// A row of `findings`: the finding as last reported plus its lifecycle. The finding spreads over
/// several columns (its severity as a rank, its suppression over three, its properties as JSON),
/// mapped both ways in `FindingRecord+Row.swift`.
struct FindingRecord: TableRow {
    static let databaseTableName = "findings"

    var id: Int64?
    var rootId: Int64
    var fileId: Int64?
    /// The finding as last reported.
    var finding: Finding
    var status: FindingStatus
    var firstSeenAt: Int64
    var lastSeenAt: Int64
    var fixedAt: Int64?
    var reopenedAt: Int64?
    var firstScanId: Int64
    var lastScanId: Int64
    var statusScanId: Int64

    /// A finding seen for the first time, in `scan`.
    init(_ finding: Finding, rootId: Int64, fileId: Int64, scanId: Int64, now: Int64) {
        self.rootId = rootId
        self.fileId = fileId
        self.finding = finding
        status = finding.suppression == nil ? .open : .suppressed
        firstSeenAt = now
        lastSeenAt = now
        firstScanId = scanId
        lastScanId = scanId
        statusScanId = scanId
    }

    /// Takes what the latest report says (position, text, severity, suppression) and marks the
    /// finding seen now. The lifecycle status is the caller's business.
    mutating func report(_ finding: Finding, fileId: Int64, scanId: Int64, now: Int64) {
        self.fileId = fileId
        self.finding = finding
        lastSeenAt = now
        lastScanId = scanId
    }

    func stored(root: String) -> TrackedFinding {
        TrackedFinding(
            id: id ?? 0, root: root, finding: finding, status: status,
            firstSeen: Timestamp.date(firstSeenAt), lastSeen: Timestamp.date(lastSeenAt),
            fixedAt: fixedAt.map(Timestamp.date), reopenedAt: reopenedAt.map(Timestamp.date))
    }
}
