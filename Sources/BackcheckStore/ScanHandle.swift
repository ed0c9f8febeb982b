import Foundation
import BackcheckModel

/// A scan in progress, returned by ``FindingStore/beginScan(root:kind:toolVersion:rulePackHash:)``
/// and passed to every write of that scan.
public struct ScanHandle: Sendable, Hashable {
    /// The scan's row id.
    public let id: Int64
    /// The root's row id.
    public let rootId: Int64
    /// The root's path, as given to `beginScan`.
    public let root: String
    /// What started the scan.
    public let kind: ScanKind
    /// When `beginScan` ran.
    public let startedAt: Date
}
