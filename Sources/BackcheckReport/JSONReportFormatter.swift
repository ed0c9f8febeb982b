import BackcheckModel

/// `{"findings": [...], "fixed": [...], "summary": {...}}` for scripts; paths are relative to
/// the scanned root, secrets are masked.
public struct JSONReportFormatter: ReportFormatter {
    public init() {}

    struct Document: Encodable {
        var root: String
        var findings: [Entry]
        var fixed: [Entry]
        var skipped: [SkippedFile]
        /// Problems met on the way (file:line: message), none of them fatal.
        var diagnostics: [String]
        var unusedSuppressions: [String]
        var summary: Summary
    }

    /// A finding: its fields but the secret hash, its status and whether it is new; with its id,
    /// root and lifecycle when it comes from the store (`backcheck findings`).
    struct Entry: Encodable {
        var ruleId: String
        var checklist: String
        var severity: String
        var confidence: String
        var path: String
        /// The role of the file the finding is in (README, "File roles").
        var fileRole: String
        var line: Int
        var column: Int
        var endLine: Int
        var endColumn: Int
        var message: String
        var snippet: String
        var fingerprint: String
        var status: String
        var new: Bool
        var suppression: Suppression?
        var properties: [String: String]?
        var id: Int64?
        var root: String?
        var firstSeen: String?
        var lastSeen: String?
        var fixedAt: String?
        var reopenedAt: String?

        init(_ entry: ReportedFinding) {
            let finding = entry.finding
            ruleId = finding.ruleId
            checklist = finding.checklist.rawValue
            severity = finding.severity.rawValue
            confidence = finding.confidence.rawValue
            path = finding.path
            fileRole = finding.fileRole.rawValue
            line = finding.line
            column = finding.column
            endLine = finding.endLine
            endColumn = finding.endColumn
            message = finding.message
            snippet = finding.snippet
            fingerprint = finding.fingerprint
            status = entry.status.rawValue
            new = entry.isNew
            suppression = finding.suppression
            properties = finding.properties.isEmpty ? nil : finding.properties
        }
    }

    struct Summary: Encodable {
        var filesAnalyzed: Int
        var filesSkipped: Int
        var open: Int
        var new: Int
        var stillOpen: Int
        var fixed: Int
        var suppressed: Int
        /// What `new` is relative to.
        var baseline: String
        /// Checklist items no rule checked in this root (README, "Routes, OpenAPI and tests").
        var notChecked: [String]
    }

    public func format(_ report: AuditReport) -> String {
        let document = Document(
            root: report.root,
            findings: report.findings.map(Entry.init),
            fixed: report.fixed.map(Entry.init),
            skipped: report.skipped,
            diagnostics: report.diagnostics,
            unusedSuppressions: report.unusedSuppressions,
            summary: Summary(filesAnalyzed: report.filesAnalyzed, filesSkipped: report.skipped.count,
                             open: report.open.count, new: report.new.count, stillOpen: report.stillOpen.count,
                             fixed: report.fixed.count, suppressed: report.suppressed.count,
                             baseline: report.baselineDescription,
                             notChecked: ChecklistItem.allCases.filter { !report.checked.contains($0) }.map(\.rawValue))
        )
        return ReportJSON.text(document, fallback: "{\"findings\": []}\n")
    }
}
