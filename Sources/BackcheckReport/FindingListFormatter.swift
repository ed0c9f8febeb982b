import BackcheckModel

/// A page of `backcheck findings` results: the findings and how many the query matched in all.
public struct FindingList: Sendable {
    public var findings: [TrackedFinding]
    /// Matches of the query without its limit.
    public var total: Int
    /// Whether the findings come from more than one root.
    let spansRoots: Bool

    public init(findings: [TrackedFinding], total: Int) {
        self.findings = findings
        self.total = total
        spansRoots = Set(findings.map(\.root)).count > 1
    }

    /// The path as printed: relative to its root, or absolute when the list spans several roots.
    func displayPath(_ finding: TrackedFinding) -> String {
        spansRoots ? finding.root + "/" + finding.finding.path : finding.finding.path
    }
}

/// Renders a ``FindingList``: one formatter per output format of `backcheck findings`.
public protocol FindingListFormatter: Sendable {
    func format(_ list: FindingList) -> String
}
