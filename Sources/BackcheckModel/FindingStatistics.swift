import Foundation

/// `backcheck stats`: where the open findings are, and how their number moved over audits.
public struct FindingStatistics: Sendable, Hashable {
    /// Open (and reopened) findings per checklist item and severity; missing pairs are zero.
    public var open: [ChecklistItem: [Severity: Int]]
    /// Suppressed findings.
    public var suppressed: Int
    /// Fixed findings still remembered.
    public var fixed: Int
    /// Directories with the most open findings (a file's parent directory; `.` for the root).
    public var topDirectories: [RankedCount]
    /// Rules with the most open findings.
    public var topRules: [RankedCount]
    /// The root's last complete audits, oldest first; empty when the statistics span several roots.
    public var trend: [AuditTotals]

    public init(open: [ChecklistItem: [Severity: Int]], suppressed: Int, fixed: Int, topDirectories: [RankedCount],
                topRules: [RankedCount], trend: [AuditTotals]) {
        self.open = open
        self.suppressed = suppressed
        self.fixed = fixed
        self.topDirectories = topDirectories
        self.topRules = topRules
        self.trend = trend
    }

    /// Open findings in all.
    public var openTotal: Int { open.values.reduce(0) { $0 + $1.values.reduce(0, +) } }
}

/// A name (directory, rule id) with its number of open findings.
public struct RankedCount: Sendable, Hashable {
    public var name: String
    public var count: Int

    public init(name: String, count: Int) {
        self.name = name
        self.count = count
    }
}

/// The open findings at the end of one complete audit.
public struct AuditTotals: Sendable, Hashable {
    /// The audit's scan id.
    public var scanId: Int64
    /// When it started.
    public var startedAt: Date
    /// Open findings per checklist item at its end.
    public var open: [ChecklistItem: Int]

    /// Open findings in all.
    public var total: Int { open.values.reduce(0, +) }

    public init(scanId: Int64, startedAt: Date, open: [ChecklistItem: Int]) {
        self.scanId = scanId
        self.startedAt = startedAt
        self.open = open
    }
}
