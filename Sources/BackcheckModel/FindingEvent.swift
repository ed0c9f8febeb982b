import Foundation

/// One step of a finding's history: the status it entered, when, and in which scan.
public struct FindingEvent: Sendable, Hashable {
    /// The status entered.
    public var status: FindingStatus
    /// When.
    public var at: Date
    /// The scan that saw it.
    public var scanId: Int64
    /// What kind of scan that was (an audit or a daemon batch).
    public var scanKind: ScanKind
    /// The suppression reason, for a `suppressed` event.
    public var reason: String?

    public init(status: FindingStatus, at: Date, scanId: Int64, scanKind: ScanKind, reason: String?) {
        self.status = status
        self.at = at
        self.scanId = scanId
        self.scanKind = scanKind
        self.reason = reason
    }
}
