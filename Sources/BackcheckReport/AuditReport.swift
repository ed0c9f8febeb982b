import Foundation
import BackcheckModel

/// What an audit found, ready for any output format.
public struct AuditReport: Sendable {
    /// What "new" is relative to.
    public enum Baseline: Sendable, Hashable {
        /// The first audit of this root: nothing to compare with.
        case none
        /// The previous audit of the same root, which started at this time.
        case previousAudit(Date)
        /// A previous report (`--baseline FILE`): findings whose fingerprint it lists are not new.
        case file(String)
    }

    /// The scanned root, absolute.
    public var root: String
    /// Current findings of the root: open, reopened and suppressed.
    public var findings: [ReportedFinding]
    /// Findings fixed since the previous audit (present then, gone now).
    public var fixed: [ReportedFinding]
    public var filesAnalyzed: Int
    /// Files not analysed, with the reason.
    public var skipped: [SkippedFile]
    /// Problems met on the way (file:line: message), none of them fatal.
    public var diagnostics: [String]
    /// `backcheck:ignore` comments that suppressed nothing (file:line: message).
    public var unusedSuppressions: [String]
    /// What ``ReportedFinding/isNew`` compares with.
    public var baseline: Baseline
    /// Open findings per checklist item at the end of the root's last audits (this one last).
    public var trend: [AuditTotals]
    /// When the audit ran.
    public var date: Date
    /// The checklist items some enabled rule checked in this root: an item with no rule for any
    /// of its files (no OpenAPI document for api-docs, no tests for testing) reads "not checked",
    /// never as passed.
    public var checked: Set<ChecklistItem>

    public init(root: String, findings: [ReportedFinding], fixed: [ReportedFinding], filesAnalyzed: Int,
                skipped: [SkippedFile], diagnostics: [String], unusedSuppressions: [String] = [],
                baseline: Baseline, trend: [AuditTotals] = [], date: Date = Date(),
                checked: Set<ChecklistItem> = Set(ChecklistItem.allCases)) {
        self.checked = checked
        self.root = root
        self.findings = findings
        self.fixed = fixed
        self.filesAnalyzed = filesAnalyzed
        self.skipped = skipped
        self.diagnostics = diagnostics
        self.unusedSuppressions = unusedSuppressions
        self.baseline = baseline
        self.trend = trend
        self.date = date
    }

    /// Open (including reopened) findings, not suppressed.
    public var open: [ReportedFinding] { findings.filter { $0.status != .suppressed } }
    /// Suppressed findings.
    public var suppressed: [ReportedFinding] { findings.filter { $0.status == .suppressed } }
    /// Open findings that are new relative to ``baseline``.
    public var new: [ReportedFinding] { open.filter(\.isNew) }
    /// Whether there is anything to compare with, so "new" means something.
    public var hasBaseline: Bool { baseline != .none }
    /// Open findings that were already open at the baseline.
    public var stillOpen: [ReportedFinding] { open.filter { !$0.isNew } }

    /// "since the last audit (2024-05-01 02:00)" or "relative to baseline.sarif".
    public var baselineDescription: String {
        switch baseline {
        case .none: "(first audit of this root)"
        case .previousAudit(let date): "since the last audit (\(ReportDate.minutes(date)))"
        case .file(let path): "relative to the baseline \(path)"
        }
    }
}

/// A finding with its place in the lifecycle.
public struct ReportedFinding: Sendable, Hashable {
    public var finding: Finding
    public var status: FindingStatus
    /// New relative to the report's baseline.
    public var isNew: Bool

    /// A stored finding with its status; `isNew` relative to the report's baseline.
    public init(_ stored: TrackedFinding, isNew: Bool = false) {
        finding = stored.finding
        status = stored.status
        self.isNew = isNew
    }
}

/// A file the audit did not analyse, and why (`binary`, `too large (…)`, …).
public struct SkippedFile: Sendable, Hashable, Encodable {
    /// Relative to the root.
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// Turns an audit report into text for a terminal, a file or another program.
public protocol ReportFormatter: Sendable {
    func format(_ report: AuditReport) -> String
}
