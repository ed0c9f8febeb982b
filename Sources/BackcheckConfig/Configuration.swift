import BackcheckModel

/// Settings for one repository: the embedded defaults (Config/backcheck.yml) overridden by the
/// repository's `.backcheck.yml`.
public struct Configuration: Sendable, Hashable {
    public var include: [String]
    public var exclude: [String]
    public var maxFileSize: Int
    public var languages: [String: Language]
    public var ruleFolders: [String]
    public var disabledRules: Set<String>
    public var severityOverrides: [String: Severity]
    /// The minimum severity that makes an audit fail, or nil for never.
    public var failOn: Severity?
    /// Database path from config, or nil.
    public var database: String?
    public var debounceMilliseconds: Int
    /// `roles:`: re-classifications of files, in file order (the last that selects a file wins).
    public var roles: [FileRoleOverride] = []
    /// `skip-roles:`: files of these roles are recorded as skipped, not analysed.
    public var skippedRoles: Set<FileRole> = FileRole.skippedByDefault
    /// `tiers:`: which tiers of taint rules report; the audit tier is on by default.
    public var tiers: Set<FindingTier> = Set(FindingTier.allCases)
    /// `api-docs.ignore:`: route paths no api-docs check reports (`/internal/**`, `/health`).
    public var apiIgnore: [String] = []
    /// `api-docs.services`: service directory → the OpenAPI document that describes it.
    public var apiServices: [String: String] = [:]
    /// `testing.assertions:`: more function names that count as assertions in tests.
    public var extraAssertions: [String] = []

    public init(include: [String] = [], exclude: [String] = [], maxFileSize: Int = 1_048_576,
                languages: [String: Language] = [:], ruleFolders: [String] = [], disabledRules: Set<String> = [],
                severityOverrides: [String: Severity] = [:], failOn: Severity? = .high, database: String? = nil,
                debounceMilliseconds: Int = 50) {
        self.include = include
        self.exclude = exclude
        self.maxFileSize = maxFileSize
        self.languages = languages
        self.ruleFolders = ruleFolders
        self.disabledRules = disabledRules
        self.severityOverrides = severityOverrides
        self.failOn = failOn
        self.database = database
        self.debounceMilliseconds = debounceMilliseconds
    }
}
