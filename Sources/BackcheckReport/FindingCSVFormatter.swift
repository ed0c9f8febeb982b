
/// `backcheck findings --format csv`: RFC 4180 (CRLF line ends, fields with commas, quotes or
/// line breaks quoted, quotes doubled), one header row, times in ISO 8601 UTC.
public struct FindingCSVFormatter: FindingListFormatter {
    public init() {}

    static let header = ["id", "root", "path", "line", "column", "rule_id", "checklist", "severity", "confidence",
                         "status", "message", "fingerprint", "first_seen", "last_seen", "fixed_at", "suppression_reason",
                         "file_role"]

    public func format(_ list: FindingList) -> String {
        var lines = [Self.header.joined(separator: ",")]
        for stored in list.findings {
            let finding = stored.finding
            let fields: [String] = [
                String(stored.id), stored.root, finding.path, String(finding.line), String(finding.column), finding.ruleId,
                finding.checklist.rawValue, finding.severity.rawValue, finding.confidence.rawValue, stored.status.rawValue,
                finding.message, finding.fingerprint, ReportDate.iso(stored.firstSeen), ReportDate.iso(stored.lastSeen),
                stored.fixedAt.map(ReportDate.iso) ?? "", finding.suppression?.reason ?? "", finding.fileRole.rawValue,
            ]
            lines.append(fields.map(Self.quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
