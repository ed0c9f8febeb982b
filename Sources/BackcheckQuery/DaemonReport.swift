#if canImport(Glibc)
import Glibc
#endif
import BackcheckRules
import BackcheckStore
import Foundation
import BackcheckModel

/// What `backcheck status` shows: the daemon's row, whether it is alive, and what its roots hold.
public struct DaemonReport: Sendable {
    /// A heartbeat older than this means the daemon is hung or gone (it beats every 2 s).
    public static let staleAfter: TimeInterval = 15

    /// The registered daemon, or nil when none ever registered (or it stopped cleanly).
    public var status: DaemonStatus?
    /// Its process exists and its heartbeat is recent.
    public var isAlive: Bool
    /// Files recorded for its roots.
    public var files: Int
    /// Open findings of its roots (every root when none is registered) per checklist item.
    public var openByItem: [ChecklistItem: Int]

    /// Reads the report from `queries`' database, as of `now`.
    public init(queries: FindingQueries, now: Date = Date()) throws(QueryError) {
        do {
            let store = queries.store
            status = try store.daemonStatus()
            isAlive = status.map { Self.isAlive($0, now: now) } ?? false
            let roots = status?.roots ?? []
            var files = 0
            for root in roots { files += try store.files(root: root).count }
            self.files = files
            var open: [ChecklistItem: Int] = [:]
            let scopes: [String?] = roots.isEmpty ? [nil] : roots
            for root in scopes {
                for (item, counts) in try store.statistics(root: root).open {
                    open[item, default: 0] += counts.values.reduce(0, +)
                }
            }
            openByItem = open
        } catch {
            throw .store(error)
        }
    }

    /// Whether the daemon of `status` runs: its process exists and its heartbeat is recent.
    public static func isAlive(_ status: DaemonStatus, now: Date = Date()) -> Bool {
        (kill(status.pid, 0) == 0 || errno == EPERM) && now.timeIntervalSince(status.heartbeatAt) < staleAfter
    }

    /// The report as aligned text lines.
    public func text(now: Date = Date()) -> String {
        func ago(_ date: Date) -> String {
            let seconds = max(0, Int(now.timeIntervalSince(date)))
            if seconds < 120 { return "\(seconds)s ago" }
            if seconds < 7200 { return "\(seconds / 60)m ago" }
            return "\(seconds / 3600)h ago"
        }
        var lines: [String] = []
        if let status {
            let uptime = Int(now.timeIntervalSince(status.startedAt))
            lines.append(isAlive
                ? "daemon       running (pid \(status.pid), up \(uptime / 3600)h \(uptime % 3600 / 60)m \(uptime % 60)s)"
                : "daemon       not running (pid \(status.pid) last seen \(ago(status.heartbeatAt)))")
            lines.append("roots        \(status.roots.isEmpty ? "-" : status.roots.joined(separator: ", "))")
            lines.append("files        \(files)")
            lines.append("watching     \(status.watching ?? "-")")
            lines.append("queue        \(status.queueDepth)")
            lines.append("last change  \(status.lastChangeAt.map(ago) ?? "none yet")")
            lines.append("heartbeat    \(ago(status.heartbeatAt))")
        } else {
            lines.append("daemon       not running (no `backcheck watch` has registered with this database)")
        }
        lines.append("")
        lines.append("open findings by checklist item")
        let items = ChecklistItem.allCases.filter { openByItem[$0, default: 0] > 0 }
        if items.isEmpty { lines.append("  none") }
        let width = items.map(\.rawValue.count).max() ?? 0
        for item in items {
            lines.append("  " + item.rawValue.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(openByItem[item]!)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
