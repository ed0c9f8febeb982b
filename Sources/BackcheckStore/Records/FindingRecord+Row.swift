import GRDB
import BackcheckModel

extension FindingRecord {
    /// Decodes a row by column name, without Codable: listing tens of thousands of findings
    /// (`backcheck findings --format csv`) spends its time here.
    init(row: Row) throws {
        id = row["id"]
        rootId = row["root_id"]
        fileId = row["file_id"]
        fingerprint = row["fingerprint"]
        ruleId = row["rule_id"]
        let checklistName: String = row["checklist"]
        guard let item = ChecklistItem(rawValue: checklistName) else {
            throw DatabaseError(message: "findings.checklist has an unknown value `\(checklistName)`")
        }
        checklist = item
        severity = row["severity"]
        let confidenceName: String = row["confidence"]
        confidence = Confidence(rawValue: confidenceName) ?? .medium
        path = row["path"]
        line = row["line"]
        column = row["column"]
        endLine = row["end_line"]
        endColumn = row["end_column"]
        message = row["message"]
        snippet = row["snippet"]
        secretHash = row["secret_hash"]
        status = row["status"]
        suppressionMarker = row["suppression_marker"]
        suppressionReason = row["suppression_reason"]
        suppressionLine = row["suppression_line"]
        firstSeenAt = row["first_seen_at"]
        lastSeenAt = row["last_seen_at"]
        fixedAt = row["fixed_at"]
        reopenedAt = row["reopened_at"]
        firstScanId = row["first_scan_id"]
        lastScanId = row["last_scan_id"]
        statusScanId = row["status_scan_id"]
        properties = row["properties"]
    }
}
