import BackcheckModel

/// `backcheck findings --format json`: `{"total": N, "findings": [...]}`, each finding with its
/// id, root, lifecycle and the fields of the audit's JSON report.
public struct FindingJSONFormatter: FindingListFormatter {
    public init() {}

    struct Document: Encodable {
        var total: Int
        var findings: [JSONReportFormatter.Entry]
    }

    public func format(_ list: FindingList) -> String {
        let document = Document(total: list.total, findings: list.findings.map(JSONReportFormatter.Entry.init))
        return ReportJSON.text(document, fallback: "{}\n")
    }
}

extension JSONReportFormatter.Entry {
    /// A stored finding, with its id, root and lifecycle.
    init(_ stored: TrackedFinding) {
        self.init(ReportedFinding(stored))
        id = stored.id
        root = stored.root
        firstSeen = ReportDate.iso(stored.firstSeen)
        lastSeen = ReportDate.iso(stored.lastSeen)
        fixedAt = stored.fixedAt.map(ReportDate.iso)
        reopenedAt = stored.reopenedAt.map(ReportDate.iso)
    }
}
