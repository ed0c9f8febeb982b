import Foundation

/// The daemon's row in `daemon_status`, with what its scans say about its roots and last change.
public struct DaemonStatus: Sendable, Hashable {
    /// The daemon's process id.
    public var pid: Int32
    /// When it started.
    public var startedAt: Date
    /// Its last heartbeat (written at least every few seconds while it runs).
    public var heartbeatAt: Date
    /// Changes seen but not yet recorded, at the last heartbeat.
    public var queueDepth: Int
    /// The roots it has scanned since it started.
    public var roots: [String]
    /// When it last finished recording a batch, or nil before its first.
    public var lastChangeAt: Date?
    /// How it watches, as of its last heartbeat (`inotify 120 directories, polling 3`); nil
    /// before its first.
    public var watching: String?
}
