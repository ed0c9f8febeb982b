import Foundation

/// `backcheck findings --format json`: `{"total": N, "findings": [...]}`, each finding with its
/// id, root, lifecycle and the fields of the audit's JSON report.
public struct FindingJSONFormatter: FindingListFormatter {
    public init() {}

    struct Document: Encodable {
        var total: Int
        var findings: [Entry]
    }

    struct Entry: Encodable {
        var id: Int64
        var root: String
        var firstSeen: String
        var lastSeen: String
        var fixedAt: String?
        var reopenedAt: String?
        var finding: JSONReportFormatter.Entry

        func encode(to encoder: any Encoder) throws {
            try finding.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(id, forKey: .id)
            try container.encode(root, forKey: .root)
            try container.encode(firstSeen, forKey: .firstSeen)
            try container.encode(lastSeen, forKey: .lastSeen)
            try container.encodeIfPresent(fixedAt, forKey: .fixedAt)
            try container.encodeIfPresent(reopenedAt, forKey: .reopenedAt)
        }

        enum Keys: String, CodingKey { case id, root, firstSeen, lastSeen, fixedAt, reopenedAt }
    }

    public func format(_ list: FindingList) -> String {
        let entries = list.findings.map { stored in
            Entry(id: stored.id, root: stored.root,
                  firstSeen: ReportDate.iso(stored.firstSeen), lastSeen: ReportDate.iso(stored.lastSeen),
                  fixedAt: stored.fixedAt.map(ReportDate.iso), reopenedAt: stored.reopenedAt.map(ReportDate.iso),
                  finding: JSONReportFormatter.Entry(ReportedFinding(stored)))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(Document(total: list.total, findings: entries)) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
