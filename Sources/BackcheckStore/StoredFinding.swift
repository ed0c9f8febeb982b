import BackcheckAnalysis
import Foundation

/// A finding as the store knows it: the finding (with its suppression) plus its lifecycle.
public struct StoredFinding: Sendable, Hashable {
    /// The row id, stable for the life of the database (`backcheck show ID`).
    public var id: Int64
    /// The root the finding's path is relative to.
    public var root: String
    /// The finding as last reported; `suppression` is set when it was suppressed.
    public var finding: Finding
    /// Where it is in its lifecycle.
    public var status: FindingStatus
    /// When it was first reported.
    public var firstSeen: Date
    /// When a scan last reported it.
    public var lastSeen: Date
    /// When it was last fixed, while it is fixed.
    public var fixedAt: Date?
    /// When it last came back after a fix.
    public var reopenedAt: Date?

    /// The suppression marker and reason, when suppressed.
    public var suppression: Suppression? { finding.suppression }
}
