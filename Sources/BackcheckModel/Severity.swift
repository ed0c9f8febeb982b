/// How bad a finding is, from `info` to `critical`; ordered.
public enum Severity: String, CaseIterable, Sendable, Codable, Comparable {
    case info, low, medium, high, critical

    /// 0 (`info`) to 4 (`critical`): the order, as a number the store can compare and index.
    public var rank: Int {
        switch self {
        case .info: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        case .critical: 4
        }
    }

    /// The severity of `rank`, clamped to `info`...`critical`.
    public init(rank: Int) {
        self = Self.allCases[min(max(rank, 0), Self.allCases.count - 1)]
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// How sure a rule is that its findings are real problems.
public enum Confidence: String, CaseIterable, Sendable, Codable {
    case low, medium, high
}
