import GRDB
import BackcheckModel

/// A row of `scans`.
struct ScanRecord: TableRow, Codable {
    static let databaseTableName = "scans"

    var id: Int64?
    var rootId: Int64
    var kind: ScanKind
    var startedAt: Int64
    var finishedAt: Int64?
    var toolVersion: String
    var rulePackHash: String
    var coversRoot: Bool = false
    var filesAnalyzed: Int = 0
    var filesSkipped: Int = 0
    var findingsOpen: Int = 0
    var findingsNew: Int = 0
    var findingsFixed: Int = 0
    var status: ScanStatus = .running

    var stored: StoredScan {
        StoredScan(
            id: id ?? 0, kind: kind, status: status, startedAt: Timestamp.date(startedAt),
            finishedAt: finishedAt.map(Timestamp.date), toolVersion: toolVersion, rulePackHash: rulePackHash,
            coversRoot: coversRoot, filesAnalyzed: filesAnalyzed, filesSkipped: filesSkipped,
            findingsOpen: findingsOpen, findingsNew: findingsNew, findingsFixed: findingsFixed)
    }
}
