import GRDB
import BackcheckModel

extension FindingStore {
    /// Statistics over the open findings of `root` (every root when nil), with the trend over its
    /// last `audits` complete audits; `top` directories and rules.
    public func statistics(root: String?, audits: Int = 30, top: Int = 10) throws(StoreError) -> FindingStatistics {
        try read { db in
            var rootId: Int64?
            if let root {
                guard let id = try RootRecord.id(of: root, db) else {
                    return FindingStatistics(open: [:], suppressed: 0, fixed: 0, topDirectories: [], topRules: [], trend: [])
                }
                rootId = id
            }
            let scope = rootId == nil ? "1" : "root_id = ?"
            let arguments = rootId.map { StatementArguments([$0]) } ?? StatementArguments()
            let active = "\(scope) AND status IN ('open', 'reopened')"

            var open: [ChecklistItem: [Severity: Int]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT checklist, severity, count(*) AS n FROM findings WHERE \(active) GROUP BY checklist, severity
                """, arguments: arguments) {
                guard let item = ChecklistItem(rawValue: row["checklist"]) else { continue }
                open[item, default: [:]][Severity(rank: row["severity"])] = row["n"] as Int
            }
            let byStatus = try Row.fetchAll(db, sql: """
                SELECT status, count(*) AS n FROM findings WHERE \(scope) AND status IN ('suppressed', 'fixed') GROUP BY status
                """, arguments: arguments)
            func count(_ status: String) -> Int {
                byStatus.first { ($0["status"] as String) == status }.map { $0["n"] as Int } ?? 0
            }

            var directories: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT path, count(*) AS n FROM findings WHERE \(active) GROUP BY path
                """, arguments: arguments) {
                let path: String = row["path"]
                let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
                directories[directory, default: 0] += row["n"] as Int
            }
            let rules = try Row.fetchAll(db, sql: """
                SELECT rule_id, count(*) AS n FROM findings WHERE \(active)
                GROUP BY rule_id ORDER BY n DESC, rule_id LIMIT ?
                """, arguments: arguments + [top]).map { RankedCount(name: $0["rule_id"], count: $0["n"]) }

            return FindingStatistics(
                open: open, suppressed: count("suppressed"), fixed: count("fixed"),
                topDirectories: directories.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(top)
                    .map { RankedCount(name: $0.key, count: $0.value) },
                topRules: rules,
                trend: try rootId.map { try Self.trend(rootId: $0, audits: audits, db) } ?? [])
        }
    }

    /// The open findings per checklist item at the end of `root`'s last `audits` complete audits,
    /// oldest first.
    public func trend(root: String, audits: Int = 30) throws(StoreError) -> [AuditTotals] {
        try read { db in
            guard let rootId = try RootRecord.id(of: root, db) else { return [] }
            return try Self.trend(rootId: rootId, audits: audits, db)
        }
    }

    private static func trend(rootId: Int64, audits: Int, _ db: Database) throws -> [AuditTotals] {
        let scans = try Row.fetchAll(db, sql: """
            SELECT id, started_at FROM scans WHERE root_id = ? AND kind = 'audit' AND status = 'complete'
            ORDER BY id DESC LIMIT ?
            """, arguments: [rootId, audits])
        return try scans.reversed().map { scan in
            var open: [ChecklistItem: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT checklist, sum(open_count) AS n FROM scan_totals WHERE scan_id = ? GROUP BY checklist
                """, arguments: [scan["id"] as Int64]) {
                if let item = ChecklistItem(rawValue: row["checklist"]) { open[item] = row["n"] as Int }
            }
            return AuditTotals(scanId: scan["id"], startedAt: Timestamp.date(scan["started_at"]), open: open)
        }
    }
}
