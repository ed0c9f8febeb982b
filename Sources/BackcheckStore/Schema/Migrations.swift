import GRDB

/// The schema's history. Migrations are append-only: a released one is never edited, a change is
/// a new migration, and a binary refuses a database that has migrations it does not know.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: SchemaV1.create)
        // Findings carry structured properties (a JSON object: `table`, `columns` for schema
        // findings), reported in JSON and SARIF.
        migrator.registerMigration("finding-properties", sql: """
            ALTER TABLE findings ADD COLUMN properties TEXT CHECK (properties IS NULL OR json_valid(properties))
            """)
        migrator.registerMigration("v2", migrate: SchemaV2.create)
        // The cookies of `backcheck findings --sync`: the daemon inserts a cookie's name once the
        // batch that saw its file is committed; the waiting command deletes the row.
        migrator.registerMigration("sync-cookies", sql: "CREATE TABLE sync_cookies (name TEXT PRIMARY KEY, seen_at INTEGER NOT NULL)")
        // How the daemon watches (`inotify 120 directories, polling 3`), written with its
        // heartbeat for `backcheck status`.
        migrator.registerMigration("daemon-watching", sql: "ALTER TABLE daemon_status ADD COLUMN watching TEXT")
        // From here on the `facts` table holds each file's SQL facts (kind `sql`), so the daemon
        // knows every file's facts on start without reading the files. Files recorded before kept
        // none, so their identity is forgotten (no hash, an impossible size): the next audit or
        // daemon start analyses them once more and stores their facts.
        migrator.registerMigration("file-facts", sql: "UPDATE files SET content_hash = NULL, size = -1")
        // Files and findings carry the file's role (README, "File roles"), which files recorded
        // before were never given: their identity is forgotten as above, so the next audit or
        // daemon start classifies and analyses them once more.
        migrator.registerMigration("file-roles", sql: """
            ALTER TABLE files ADD COLUMN role TEXT NOT NULL DEFAULT 'source';
            ALTER TABLE findings ADD COLUMN file_role TEXT NOT NULL DEFAULT 'source';
            UPDATE files SET content_hash = NULL, size = -1;
            """)
        return migrator
    }
}

extension DatabaseMigrator {
    /// Registers a migration that is one SQL text, run as it is.
    mutating func registerMigration(_ identifier: String, sql: String) {
        registerMigration(identifier) { db in try db.execute(sql: sql) }
    }
}

/// Schema v1. Times are integer milliseconds since 1970 (`*_at`), so "since" filters are integer
/// range scans; severities are integers 0 (info) ... 4 (critical) so `--severity high` is
/// `severity >= 3` on an index. Every foreign key leads some index (backcheck's own
/// `query-performance` rule), and every table has a primary key.
enum SchemaV1 {
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE roots (
                id INTEGER PRIMARY KEY,
                path TEXT NOT NULL UNIQUE,
                created_at INTEGER NOT NULL
            );

            -- AUTOINCREMENT: scan ids never go backwards, even after old scans are pruned, because
            -- files.recorded_epoch compares them.
            CREATE TABLE scans (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                root_id INTEGER NOT NULL REFERENCES roots(id) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('audit', 'watch')),
                started_at INTEGER NOT NULL,
                finished_at INTEGER,
                tool_version TEXT NOT NULL,
                rule_pack_hash TEXT NOT NULL,
                covers_root INTEGER NOT NULL DEFAULT 0 CHECK (covers_root IN (0, 1)),
                files_analyzed INTEGER NOT NULL DEFAULT 0,
                files_skipped INTEGER NOT NULL DEFAULT 0,
                findings_open INTEGER NOT NULL DEFAULT 0,
                findings_new INTEGER NOT NULL DEFAULT 0,
                findings_fixed INTEGER NOT NULL DEFAULT 0,
                status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'complete', 'failed'))
            );
            -- FK root_id; also "the previous audit of this root" and the trend over audits.
            CREATE INDEX scans_root_kind_started ON scans(root_id, kind, started_at);

            CREATE TABLE files (
                id INTEGER PRIMARY KEY,
                root_id INTEGER NOT NULL REFERENCES roots(id) ON DELETE CASCADE,
                path TEXT NOT NULL,
                language TEXT,
                size INTEGER NOT NULL,
                mtime_ns INTEGER NOT NULL,
                inode INTEGER NOT NULL,
                content_hash TEXT,
                status TEXT NOT NULL CHECK (status IN ('analyzed', 'skipped')),
                skip_reason TEXT,
                -- The newest scan id when the row was written: a complete scan S removes the root's
                -- files with recorded_epoch < S, i.e. not recorded by anyone since S began.
                recorded_epoch INTEGER NOT NULL,
                last_scan_id INTEGER NOT NULL REFERENCES scans(id),
                UNIQUE (root_id, path)
            );
            CREATE INDEX files_last_scan ON files(last_scan_id);

            CREATE TABLE findings (
                id INTEGER PRIMARY KEY,
                root_id INTEGER NOT NULL REFERENCES roots(id) ON DELETE CASCADE,
                -- NULL once the file is deleted; the path stays below for history and reports.
                file_id INTEGER REFERENCES files(id) ON DELETE SET NULL,
                fingerprint TEXT NOT NULL,
                rule_id TEXT NOT NULL,
                checklist TEXT NOT NULL,
                severity INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 4),
                confidence TEXT NOT NULL CHECK (confidence IN ('low', 'medium', 'high')),
                path TEXT NOT NULL,
                line INTEGER NOT NULL,
                column INTEGER NOT NULL,
                end_line INTEGER NOT NULL,
                end_column INTEGER NOT NULL,
                message TEXT NOT NULL,
                snippet TEXT NOT NULL,
                secret_hash TEXT,
                status TEXT NOT NULL CHECK (status IN ('open', 'fixed', 'reopened', 'suppressed')),
                suppression_marker TEXT,
                suppression_reason TEXT,
                suppression_line INTEGER,
                first_seen_at INTEGER NOT NULL,
                last_seen_at INTEGER NOT NULL,
                fixed_at INTEGER,
                reopened_at INTEGER,
                first_scan_id INTEGER NOT NULL REFERENCES scans(id),
                last_scan_id INTEGER NOT NULL REFERENCES scans(id),
                -- The scan that gave the finding its current status: "fixed / reopened in scan S".
                status_scan_id INTEGER NOT NULL REFERENCES scans(id),
                UNIQUE (root_id, fingerprint)
            );
            CREATE INDEX findings_file ON findings(file_id);
            CREATE INDEX findings_first_scan ON findings(first_scan_id);
            CREATE INDEX findings_last_scan ON findings(last_scan_id);
            CREATE INDEX findings_status_scan ON findings(status_scan_id, status);
            -- The query CLI's filters: worst open first, by checklist item, by rule, by path glob.
            CREATE INDEX findings_status_severity ON findings(status, severity);
            CREATE INDEX findings_checklist ON findings(checklist);
            CREATE INDEX findings_rule ON findings(rule_id);
            CREATE INDEX findings_root_path ON findings(root_id, path);

            CREATE TABLE facts (
                id INTEGER PRIMARY KEY,
                file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                payload TEXT NOT NULL CHECK (json_valid(payload))
            );
            CREATE INDEX facts_file_kind ON facts(file_id, kind);

            CREATE TABLE daemon_status (
                id INTEGER PRIMARY KEY,
                pid INTEGER NOT NULL,
                started_at INTEGER NOT NULL,
                heartbeat_at INTEGER NOT NULL,
                queue_depth INTEGER NOT NULL DEFAULT 0
            );
            """)
    }
}
