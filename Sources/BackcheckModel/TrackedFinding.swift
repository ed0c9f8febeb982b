import Foundation

/// A finding with its place in the lifecycle, as the store tracks it across scans: the finding
/// (with its suppression), its status and when it entered it.
public struct TrackedFinding: Sendable, Hashable {
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

    public init(id: Int64, root: String, finding: Finding, status: FindingStatus, firstSeen: Date, lastSeen: Date,
                fixedAt: Date?, reopenedAt: Date?) {
        self.id = id
        self.root = root
        self.finding = finding
        self.status = status
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.fixedAt = fixedAt
        self.reopenedAt = reopenedAt
    }
}
