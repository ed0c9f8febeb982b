import BackcheckAnalysis

/// What an audit found, ready for any output format.
public struct AuditReport: Sendable {
    /// The scanned root, absolute.
    public var root: String
    /// Current findings of the root: open, reopened and suppressed.
    public var findings: [ReportedFinding]
    /// Findings this audit found fixed (present before, gone now).
    public var fixed: [ReportedFinding]
    public var filesAnalyzed: Int
    /// Files not analysed, with the reason.
    public var skipped: [(path: String, reason: String)]
    /// Problems met on the way (file:line: message), none of them fatal.
    public var diagnostics: [String]
    /// `backcheck:ignore` comments that suppressed nothing (file:line: message).
    public var unusedSuppressions: [String]
    /// Whether an earlier audit of this root existed to compare against.
    public var hasPreviousAudit: Bool

    public init(root: String, findings: [ReportedFinding], fixed: [ReportedFinding], filesAnalyzed: Int,
                skipped: [(path: String, reason: String)], diagnostics: [String], unusedSuppressions: [String] = [],
                hasPreviousAudit: Bool) {
        self.root = root
        self.findings = findings
        self.fixed = fixed
        self.filesAnalyzed = filesAnalyzed
        self.skipped = skipped
        self.diagnostics = diagnostics
        self.unusedSuppressions = unusedSuppressions
        self.hasPreviousAudit = hasPreviousAudit
    }

    /// Open (including reopened) findings, not suppressed.
    public var open: [ReportedFinding] { findings.filter { $0.status != "suppressed" } }
    public var suppressed: [ReportedFinding] { findings.filter { $0.status == "suppressed" } }
    public var new: [ReportedFinding] { open.filter(\.isNew) }
}

/// A finding with its place in the lifecycle.
public struct ReportedFinding: Sendable, Hashable {
    public var finding: Finding
    /// `open`, `reopened`, `suppressed` or `fixed`.
    public var status: String
    /// First seen (or reopened) by this audit.
    public var isNew: Bool

    public init(finding: Finding, status: String, isNew: Bool) {
        self.finding = finding
        self.status = status
        self.isNew = isNew
    }
}

/// Turns an audit report into text for a terminal, a file or another program.
public protocol ReportFormatter: Sendable {
    func format(_ report: AuditReport) -> String
}
