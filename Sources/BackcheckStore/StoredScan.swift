import Foundation
import BackcheckModel

/// A scan's row: what ran, when, with which tool and rules, and what it counted.
public struct StoredScan: Sendable, Hashable {
    /// The scan's row id (``ScanHandle/id``).
    public var id: Int64
    /// What started the scan.
    public var kind: ScanKind
    /// Running, complete or failed.
    public var status: ScanStatus
    /// When the scan began.
    public var startedAt: Date
    /// When it finished or failed; nil while running.
    public var finishedAt: Date?
    /// The backcheck version that ran it.
    public var toolVersion: String
    /// The hash of the rule pack it applied.
    public var rulePackHash: String
    /// True when the scan covered every file of the root (a full audit).
    public var coversRoot: Bool
    /// The counts of its ``ScanSummary``, filled in when it finished.
    public var filesAnalyzed: Int
    /// See ``ScanSummary/filesSkipped``.
    public var filesSkipped: Int
    /// See ``ScanSummary/openFindings``.
    public var findingsOpen: Int
    /// See ``ScanSummary/newFindings``.
    public var findingsNew: Int
    /// See ``ScanSummary/fixedFindings``.
    public var findingsFixed: Int
}
