import GRDB

extension FindingStore {
    /// Records that the daemon with `pid` starts now, replacing a previous daemon's row (the
    /// caller holds the database's daemon lock, so any such row is stale).
    public func registerDaemon(pid: Int32) throws(StoreError) {
        let now = Timestamp.now()
        try write { db in
            try db.execute(sql: "DELETE FROM daemon_status")
            try db.execute(sql: "INSERT INTO daemon_status (id, pid, started_at, heartbeat_at, queue_depth) VALUES (1, ?, ?, ?, 0)",
                           arguments: [pid, now, now])
        }
    }

    /// The daemon's keep-alive: the time now, how many changes wait to be recorded, and how it
    /// watches (`inotify 120 directories, polling 3`).
    public func heartbeat(pid: Int32, queueDepth: Int, watching: String) throws(StoreError) {
        let now = Timestamp.now()
        try write { db in
            try db.execute(sql: "UPDATE daemon_status SET heartbeat_at = ?, queue_depth = ?, watching = ? WHERE pid = ?",
                           arguments: [now, queueDepth, watching, pid])
        }
    }

    /// Removes the daemon's row on a clean stop.
    public func unregisterDaemon(pid: Int32) throws(StoreError) {
        try write { db in try db.execute(sql: "DELETE FROM daemon_status WHERE pid = ?", arguments: [pid]) }
    }

    /// The daemon's status, or nil when none is registered.
    public func daemonStatus() throws(StoreError) -> DaemonStatus? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT pid, started_at, heartbeat_at, queue_depth, watching FROM daemon_status ORDER BY id LIMIT 1")
            else { return nil }
            let startedAt: Int64 = row["started_at"]
            let roots = try String.fetchAll(db, sql: """
                SELECT DISTINCT roots.path FROM scans JOIN roots ON roots.id = scans.root_id
                WHERE scans.kind = 'watch' AND scans.started_at >= ? ORDER BY roots.path
                """, arguments: [startedAt])
            let last = try Int64.fetchOne(db, sql: """
                SELECT max(finished_at) FROM scans WHERE kind = 'watch' AND started_at >= ? AND status = 'complete'
                """, arguments: [startedAt])
            return DaemonStatus(pid: row["pid"], startedAt: Timestamp.date(startedAt),
                                heartbeatAt: Timestamp.date(row["heartbeat_at"]), queueDepth: row["queue_depth"],
                                roots: roots, lastChangeAt: last.map(Timestamp.date), watching: row["watching"])
        }
    }

    /// Records that the daemon has committed every change made before the cookies `names` were
    /// created.
    public func acknowledgeSyncCookies(_ names: [String]) throws(StoreError) {
        let now = Timestamp.now()
        try write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO sync_cookies (name, seen_at) SELECT value, ? FROM json_each(?)",
                           arguments: [now, JSONList.text(names)])
        }
    }

    /// Whether the cookie `name` was acknowledged; a positive answer consumes it.
    public func takeSyncCookie(_ name: String) throws(StoreError) -> Bool {
        guard try read({ db in try Bool.fetchOne(db, sql: "SELECT 1 FROM sync_cookies WHERE name = ?", arguments: [name]) }) != nil
        else { return false }
        try write { db in try db.execute(sql: "DELETE FROM sync_cookies WHERE name = ?", arguments: [name]) }
        return true
    }
}
