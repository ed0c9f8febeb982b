import GRDB

/// Schema v2: finding history, per-audit totals for trends, and indexes for the query CLI.
///
/// - `finding_events` records every status a finding enters, with the scan that set it, so "what
///   was open at audit A" is the last event at or before A; the audit diff and `backcheck show`'s
///   history read it. Existing findings get their first-seen event and, when their status changed
///   since, the current one.
/// - `scan_totals` keeps the open findings per checklist item and severity at the end of each
///   complete audit: the trend over audits is a read of 30 × 40 rows, not a recomputation.
/// - Indexes: one per `backcheck findings` filter, each followed by status and severity so the
///   filter, the status and the severity minimum are all answered from the index; they replace
///   v1's narrower status, checklist, rule and path indexes. The status indexes hold every column
///   of the default order, so the first page is chosen from the index alone (see
///   `FindingStore.findings(matching:)`), and (root, path, status) answers path globs and the
///   per-directory statistics without reading the table.
enum SchemaV2 {
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE finding_events (
                id INTEGER PRIMARY KEY,
                finding_id INTEGER NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
                scan_id INTEGER NOT NULL REFERENCES scans(id),
                status TEXT NOT NULL CHECK (status IN ('open', 'fixed', 'reopened', 'suppressed')),
                at INTEGER NOT NULL,
                reason TEXT
            );
            CREATE INDEX finding_events_finding_scan ON finding_events(finding_id, scan_id);
            CREATE INDEX finding_events_scan ON finding_events(scan_id);

            INSERT INTO finding_events (finding_id, scan_id, status, at, reason)
                SELECT id, first_scan_id, CASE WHEN status = 'suppressed' AND status_scan_id = first_scan_id
                    THEN 'suppressed' ELSE 'open' END, first_seen_at, NULL
                FROM findings;
            INSERT INTO finding_events (finding_id, scan_id, status, at, reason)
                SELECT id, status_scan_id, status, coalesce(fixed_at, reopened_at, last_seen_at), suppression_reason
                FROM findings WHERE status_scan_id <> first_scan_id;

            CREATE TABLE scan_totals (
                scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
                checklist TEXT NOT NULL,
                severity INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 4),
                open_count INTEGER NOT NULL,
                PRIMARY KEY (scan_id, checklist, severity)
            ) WITHOUT ROWID;

            -- The previous complete audit of a root, and the last N audits for trends.
            CREATE INDEX scans_root_kind_status ON scans(root_id, kind, status, id);

            -- backcheck findings: status (always), then one filter, then the default order.
            DROP INDEX findings_status_severity;
            DROP INDEX findings_checklist;
            DROP INDEX findings_rule;
            DROP INDEX findings_root_path;
            CREATE INDEX findings_status_order ON findings(status, severity, path, line, column);
            CREATE INDEX findings_root_status_order ON findings(root_id, status, severity, path, line, column);
            CREATE INDEX findings_root_path_status ON findings(root_id, path, status);
            CREATE INDEX findings_checklist_status ON findings(checklist, status, severity);
            CREATE INDEX findings_rule_status ON findings(rule_id, status, severity);
            CREATE INDEX findings_first_seen ON findings(first_seen_at);
            CREATE INDEX findings_fixed_at ON findings(fixed_at) WHERE fixed_at IS NOT NULL;
            CREATE INDEX findings_fingerprint ON findings(fingerprint);
            """)
    }
}
