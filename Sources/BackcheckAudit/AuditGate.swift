import BackcheckReport
import BackcheckRules
import BackcheckModel

/// Decides an audit's exit status (docs/DESIGN.md §9): 1 when a finding at or above the threshold counts,
/// else 0. With a baseline (`--baseline FILE` or `--new-since-last-audit`) only new findings
/// count, so CI fails on what a change introduced, not on what was already there.
public struct AuditGate: Sendable {
    /// The minimum severity that fails; nil never fails.
    public var threshold: Severity?
    /// Count only findings new relative to the report's baseline.
    public var newOnly: Bool

    public init(threshold: Severity?, newOnly: Bool) {
        self.threshold = threshold
        self.newOnly = newOnly
    }

    /// The open findings that make the audit fail.
    public func failing(_ report: AuditReport) -> [ReportedFinding] {
        guard let threshold else { return [] }
        let counted = newOnly ? report.new : report.open
        return counted.filter { $0.finding.severity >= threshold }
    }
}
