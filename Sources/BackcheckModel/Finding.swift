/// One checklist problem found in one file. Findings are data; their lifecycle lives in the store.
public struct Finding: Sendable, Hashable, Codable {
    /// The rule id, e.g. `logging/secret-in-log-call`.
    public var ruleId: String
    public var checklist: ChecklistItem
    public var severity: Severity
    public var confidence: Confidence
    /// Path relative to the scanned root, with `/` separators.
    public var path: String
    /// 1-based position of the finding's start (columns count Unicode scalars).
    public var line: Int
    public var column: Int
    /// 1-based position of the finding's end.
    public var endLine: Int
    public var endColumn: Int
    /// The rule message with metavariables filled in (secrets masked).
    public var message: String
    /// The matched source line(s), secrets masked.
    public var snippet: String
    /// Line-independent identity (hex SHA-256 prefix); see docs/DESIGN.md §7.
    public var fingerprint: String
    /// Keyed hash of the secret value for secret findings (hex), never the secret itself.
    public var secretHash: String?
    /// Set when a `backcheck:ignore` (or foreign) marker suppresses the finding.
    public var suppression: Suppression?
    /// Structured facts about the finding for JSON and SARIF (`table`, `columns` for schema
    /// findings); empty for pattern findings.
    public var properties: [String: String]
    /// The role of the file the finding is in (README, "File roles").
    public var fileRole: FileRole

    public init(
        ruleId: String, checklist: ChecklistItem, severity: Severity, confidence: Confidence,
        path: String, line: Int, column: Int, endLine: Int, endColumn: Int,
        message: String, snippet: String, fingerprint: String,
        secretHash: String? = nil, suppression: Suppression? = nil, properties: [String: String] = [:],
        fileRole: FileRole = .source
    ) {
        self.ruleId = ruleId
        self.checklist = checklist
        self.severity = severity
        self.confidence = confidence
        self.path = path
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.message = message
        self.snippet = snippet
        self.fingerprint = fingerprint
        self.secretHash = secretHash
        self.suppression = suppression
        self.properties = properties
        self.fileRole = fileRole
    }

    /// Where the finding starts.
    public var start: SourcePosition { SourcePosition(line: line, column: column) }
}

/// Why a finding is suppressed, and by which marker.
public struct Suppression: Sendable, Hashable, Codable {
    /// `backcheck:ignore`, `backcheck:ignore-file`, `nosemgrep`, `nosec`, `NOSONAR`, `gitleaks:allow`.
    public var marker: String
    /// The reason written after `--`, or empty for foreign markers without one.
    public var reason: String
    /// 1-based line of the marker comment.
    public var line: Int

    public init(marker: String, reason: String, line: Int) {
        self.marker = marker
        self.reason = reason
        self.line = line
    }
}
