import Foundation
import GRDB
import BackcheckModel

extension FindingRecord {
    /// Decodes a row by column name, without Codable: listing tens of thousands of findings
    /// (`backcheck findings --format csv`) spends its time here.
    init(row: Row) throws {
        id = row["id"]
        rootId = row["root_id"]
        fileId = row["file_id"]
        let checklistName: String = row["checklist"]
        guard let checklist = ChecklistItem(rawValue: checklistName) else {
            throw DatabaseError(message: "findings.checklist has an unknown value `\(checklistName)`")
        }
        let confidenceName: String = row["confidence"]
        let line: Int = row["line"]
        let marker: String? = row["suppression_marker"]
        let reason: String? = row["suppression_reason"]
        let markerLine: Int? = row["suppression_line"]
        finding = Finding(
            ruleId: row["rule_id"], checklist: checklist, severity: Severity(rank: row["severity"]),
            confidence: Confidence(rawValue: confidenceName) ?? .medium, path: row["path"], line: line,
            column: row["column"], endLine: row["end_line"], endColumn: row["end_column"],
            message: row["message"], snippet: row["snippet"], fingerprint: row["fingerprint"],
            secretHash: row["secret_hash"],
            suppression: marker.map { Suppression(marker: $0, reason: reason ?? "", line: markerLine ?? line) },
            properties: Self.decode(row["properties"]),
            fileRole: try FileRole.stored(row["file_role"], column: "findings.file_role"))
        status = row["status"]
        firstSeenAt = row["first_seen_at"]
        lastSeenAt = row["last_seen_at"]
        fixedAt = row["fixed_at"]
        reopenedAt = row["reopened_at"]
        firstScanId = row["first_scan_id"]
        lastScanId = row["last_scan_id"]
        statusScanId = row["status_scan_id"]
    }

    /// Every column of the row, for inserts and updates.
    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["root_id"] = rootId
        container["file_id"] = fileId
        container["fingerprint"] = finding.fingerprint
        container["rule_id"] = finding.ruleId
        container["checklist"] = finding.checklist.rawValue
        container["severity"] = finding.severity.rank
        container["confidence"] = finding.confidence.rawValue
        container["path"] = finding.path
        container["line"] = finding.line
        container["column"] = finding.column
        container["end_line"] = finding.endLine
        container["end_column"] = finding.endColumn
        container["message"] = finding.message
        container["snippet"] = finding.snippet
        container["secret_hash"] = finding.secretHash
        container["status"] = status
        container["suppression_marker"] = finding.suppression?.marker
        container["suppression_reason"] = finding.suppression?.reason
        container["suppression_line"] = finding.suppression?.line
        container["first_seen_at"] = firstSeenAt
        container["last_seen_at"] = lastSeenAt
        container["fixed_at"] = fixedAt
        container["reopened_at"] = reopenedAt
        container["first_scan_id"] = firstScanId
        container["last_scan_id"] = lastScanId
        container["status_scan_id"] = statusScanId
        container["properties"] = Self.encode(finding.properties)
        container["file_role"] = finding.fileRole
    }

    /// `Finding.properties` as stored: a JSON object with sorted keys, so equal maps store equal
    /// text, or nil when there are none.
    static func encode(_ properties: [String: String]) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard !properties.isEmpty, let data = try? encoder.encode(properties) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ text: String?) -> [String: String] {
        guard let text, let decoded = try? JSONDecoder().decode([String: String].self, from: Data(text.utf8)) else { return [:] }
        return decoded
    }
}

extension FileRole {
    /// The role a column holds; an unknown name is an error, as an unknown checklist item is.
    static func stored(_ name: String, column: String) throws -> FileRole {
        guard let role = FileRole(rawValue: name) else {
            throw DatabaseError(message: "\(column) has an unknown value `\(name)`")
        }
        return role
    }
}
