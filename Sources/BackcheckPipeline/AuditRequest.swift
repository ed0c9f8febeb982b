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

    public init(root: String, databasePath: String? = nil, environment: [String: String],
                parallelism: Int = AuditRequest.defaultParallelism, progress: (@Sendable (Int, Int) -> Void)? = nil) {
        self.root = root
        self.databasePath = databasePath
        self.environment = environment
        self.parallelism = max(1, parallelism)
        self.progress = progress
    }

    /// One worker per active core.
    public static var defaultParallelism: Int { ProcessInfo.processInfo.activeProcessorCount }
}

import Foundation
