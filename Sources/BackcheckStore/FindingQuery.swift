import Foundation
import BackcheckModel

/// A `backcheck findings` query: which findings (every filter is optional and they combine with
/// AND), in which order, how many.
public struct FindingQuery: Sendable, Hashable {
    /// The order of the results.
    public enum Order: String, Sendable, Hashable, CaseIterable {
        /// Worst first, then by path and line (the default).
        case severity
        /// By path and line.
        case path
        /// Most recently first seen first.
        case newest
        /// By rule id, then worst first.
        case rule
    }

    /// Only findings of this root (an absolute path); nil for every root.
    public var root: String?
    /// Only this checklist item.
    public var checklist: ChecklistItem?
    /// Only this rule id; a trailing `*` makes it a prefix (`logging/*`).
    public var ruleId: String?
    /// Only findings at least this severe.
    public var minimumSeverity: Severity?
    /// Only paths this pattern selects (see ``PathPattern``).
    public var path: PathPattern?
    /// Only findings in files of this role (test, fixture, ...: see ``FileRole``).
    public var role: FileRole?
    /// Only findings with one of these statuses.
    public var statuses: Set<FindingStatus>
    /// Only findings first seen at or after this time (fixed at or after it, when `statuses` is
    /// exactly `[.fixed]`).
    public var since: Date?
    public var order: Order
    /// At most this many findings; nil for all.
    public var limit: Int?

    /// A query for the active (open and reopened) findings of every root, worst first.
    public init(root: String? = nil, checklist: ChecklistItem? = nil, ruleId: String? = nil,
                minimumSeverity: Severity? = nil, path: PathPattern? = nil, role: FileRole? = nil,
                statuses: Set<FindingStatus> = FindingStatus.active, since: Date? = nil,
                order: Order = .severity, limit: Int? = nil) {
        self.root = root
        self.checklist = checklist
        self.ruleId = ruleId
        self.minimumSeverity = minimumSeverity
        self.path = path
        self.role = role
        self.statuses = statuses
        self.since = since
        self.order = order
        self.limit = limit
    }
}
