import BackcheckScan

/// What to audit and where to keep the results.
public struct AuditRequest: Sendable {
    /// The repository root to scan.
    public var root: String
    /// `--db`; nil to resolve from config and the environment.
    public var databasePath: String?
    /// The process environment (database location, HOME, XDG dirs).
    public var environment: [String: String]
    /// Worker count for analysis; defaults to the number of cores.
    public var parallelism: Int
    /// Called with (files done, files total) as analysis progresses.
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// `--baseline FILE`: a previous JSON or SARIF report; its fingerprints are not new. Without
    /// it, "new" means new since the previous audit of the root.
    public var baselinePath: String?

    public init(root: String, databasePath: String? = nil, environment: [String: String],
                parallelism: Int = ParallelAnalysis.defaultParallelism, baselinePath: String? = nil,
                progress: (@Sendable (Int, Int) -> Void)? = nil) {
        self.root = root
        self.databasePath = databasePath
        self.environment = environment
        self.parallelism = max(1, parallelism)
        self.baselinePath = baselinePath
        self.progress = progress
    }
}
