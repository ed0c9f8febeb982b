import BackcheckAnalysis
import Foundation
import GRDB
import BackcheckModel

/// A row of `findings`: the finding as last reported plus its lifecycle.
struct FindingRecord: TableRow {
    static let databaseTableName = "findings"

    var id: Int64?
    var rootId: Int64
    var fileId: Int64?
    var fingerprint: String
    var ruleId: String
    var checklist: ChecklistItem
    /// `Severity` as its rank, 0 (info) ... 4 (critical), so severities compare as integers.
    var severity: Int
    var confidence: Confidence
    var path: String
    var line: Int
    var column: Int
    var endLine: Int
    var endColumn: Int
    var message: String
    var snippet: String
    var secretHash: String?
    var status: FindingStatus
    var suppressionMarker: String?
    var suppressionReason: String?
    var suppressionLine: Int?
    var firstSeenAt: Int64
    var lastSeenAt: Int64
    var fixedAt: Int64?
    var reopenedAt: Int64?
    var firstScanId: Int64
    var lastScanId: Int64
    var statusScanId: Int64
    /// `Finding.properties` as a JSON object, or nil when there are none.
    var properties: String?

    /// A finding seen for the first time, in `scan`.
    init(_ finding: Finding, rootId: Int64, fileId: Int64, scanId: Int64, now: Int64) {
        self.rootId = rootId
        fingerprint = finding.fingerprint
        // Overwritten by `report` below; Swift needs every stored property set first.
        ruleId = ""
        checklist = finding.checklist
        severity = 0
        confidence = finding.confidence
        path = ""
        line = 0
        column = 0
        endLine = 0
        endColumn = 0
        message = ""
        snippet = ""
        status = finding.suppression == nil ? .open : .suppressed
        firstSeenAt = now
        lastSeenAt = now
        firstScanId = scanId
        lastScanId = scanId
        statusScanId = scanId
        report(finding, fileId: fileId, scanId: scanId, now: now)
    }

    /// Copies what the latest report says (position, text, severity, suppression) and marks the
    /// finding seen now. The lifecycle status is the caller's business.
    mutating func report(_ finding: Finding, fileId: Int64, scanId: Int64, now: Int64) {
        self.fileId = fileId
        ruleId = finding.ruleId
        checklist = finding.checklist
        severity = finding.severity.rank
        confidence = finding.confidence
        path = finding.path
        line = finding.line
        column = finding.column
        endLine = finding.endLine
        endColumn = finding.endColumn
        message = finding.message
        snippet = finding.snippet
        secretHash = finding.secretHash
        suppressionMarker = finding.suppression?.marker
        suppressionReason = finding.suppression?.reason
        suppressionLine = finding.suppression?.line
        properties = Self.encode(finding.properties)
        lastSeenAt = now
        lastScanId = scanId
    }

    /// The finding as last reported.
    var finding: Finding {
        let suppression = suppressionMarker.map {
            Suppression(marker: $0, reason: suppressionReason ?? "", line: suppressionLine ?? line)
        }
        return Finding(
            ruleId: ruleId, checklist: checklist, severity: Severity(rank: severity),
            confidence: confidence, path: path, line: line, column: column, endLine: endLine,
            endColumn: endColumn, message: message, snippet: snippet, fingerprint: fingerprint,
            secretHash: secretHash, suppression: suppression, properties: Self.decode(properties))
    }

    static func encode(_ properties: [String: String]) -> String? {
        guard !properties.isEmpty, let data = try? JSONEncoder.sorted.encode(properties) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ text: String?) -> [String: String] {
        guard let text, let decoded = try? JSONDecoder().decode([String: String].self, from: Data(text.utf8)) else { return [:] }
        return decoded
    }

    func stored(root: String) -> TrackedFinding {
        TrackedFinding(
            id: id ?? 0, root: root, finding: finding, status: status,
            firstSeen: Timestamp.date(firstSeenAt), lastSeen: Timestamp.date(lastSeenAt),
            fixedAt: fixedAt.map(Timestamp.date), reopenedAt: reopenedAt.map(Timestamp.date))
    }
}

extension JSONEncoder {
    /// An encoder with sorted keys, so equal property maps store equal text.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
