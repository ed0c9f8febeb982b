/// What a finished scan changed, for the audit's "new / fixed since last time" report.
public struct ScanSummary: Sendable, Hashable {
    /// Findings that became open in this scan: first seen in it, or reopened in it.
    public var newFindings: Int
    /// Findings that became fixed in this scan.
    public var fixedFindings: Int
    /// Of ``newFindings``, those that had been fixed before.
    public var reopenedFindings: Int
    /// Findings of the root that are open or reopened now.
    public var openFindings: Int
    /// Findings of the root that are suppressed now.
    public var suppressedFindings: Int
    /// Files this scan recorded as analysed.
    public var filesAnalyzed: Int
    /// Files this scan recorded as skipped.
    public var filesSkipped: Int
    /// The last earlier complete scan of the same root and kind, to diff against.
    public var previousScanId: Int64?

    /// Builds a summary from its counts.
    public init(newFindings: Int, fixedFindings: Int, reopenedFindings: Int, openFindings: Int,
                suppressedFindings: Int, filesAnalyzed: Int, filesSkipped: Int, previousScanId: Int64?) {
        self.newFindings = newFindings
        self.fixedFindings = fixedFindings
        self.reopenedFindings = reopenedFindings
        self.openFindings = openFindings
        self.suppressedFindings = suppressedFindings
        self.filesAnalyzed = filesAnalyzed
        self.filesSkipped = filesSkipped
        self.previousScanId = previousScanId
    }
}
