import BackcheckModel
import GRDB

extension FindingStore {
    /// The history of the finding with row id `id`, oldest first.
    public func history(of id: Int64) throws(StoreError) -> [FindingEvent] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.status, e.at, e.scan_id, s.kind, e.reason
                FROM finding_events e JOIN scans s ON s.id = e.scan_id
                WHERE e.finding_id = ? ORDER BY e.scan_id, e.id
                """, arguments: [id]).map { row in
                FindingEvent(
                    status: row["status"], at: Timestamp.date(row["at"]), scanId: row["scan_id"],
                    scanKind: row["kind"], reason: row["reason"])
            }
        }
    }
}
