import BackcheckStore

/// A page of `backcheck findings` results: the findings and how many the query matched in all.
public struct FindingList: Sendable {
    public var findings: [StoredFinding]
    /// Matches of the query without its limit.
    public var total: Int

    public init(findings: [StoredFinding], total: Int) {
        self.findings = findings
        self.total = total
    }

    /// The path as printed: relative to its root, or absolute when the list spans several roots.
    func displayPath(_ finding: StoredFinding) -> String {
        let roots = Set(findings.map(\.root))
        return roots.count > 1 ? finding.root + "/" + finding.finding.path : finding.finding.path
    }
}

/// Renders a ``FindingList``: one formatter per output format of `backcheck findings`.
public protocol FindingListFormatter: Sendable {
    func format(_ list: FindingList) -> String
}
