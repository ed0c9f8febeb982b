/// Where a finding is in its lifecycle (docs/DESIGN.md §7).
public enum FindingStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Reported and not yet fixed.
    case open
    /// No longer reported; `fixedAt` says since when.
    case fixed
    /// Reported again after having been fixed; `reopenedAt` says since when.
    case reopened
    /// Reported, but a `backcheck:ignore` (or foreign) marker suppresses it.
    case suppressed

    /// The statuses of findings that still need work.
    public static let active: Set<FindingStatus> = [.open, .reopened]
}
