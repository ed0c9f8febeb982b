extension ChecklistItem {
    /// The roles of the files a rule of this item applies to when the rule has no `roles:` key:
    /// the one place these defaults live (README, "File roles").
    ///
    /// Test, fixture and docs code is never judged as production code: its secrets are test
    /// values, its queries run on toy data, its logs go nowhere. Migrations are left out too
    /// (their loops and one-off queries run once), except for sensitive data, since a key or
    /// password in a migration ships with the schema. Browser code meets only the sensitive-data
    /// rules: a key in a bundle is public, while its queries, logs and error paths are the
    /// server's concern elsewhere.
    public var defaultRoles: Set<FileRole> {
        switch self {
        case .sensitiveData: FileRole.shipped.union([.migration, .frontend])
        case .inputValidation, .errorHandling, .queryPerformance, .auth, .logging: FileRole.shipped
        case .testing, .apiDocs: Set(FileRole.allCases)
        }
    }
}
