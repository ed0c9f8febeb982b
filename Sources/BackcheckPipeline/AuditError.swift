import BackcheckConfig
import BackcheckRules
import BackcheckStore
import BackcheckWatch

/// Why an audit could not run; each message says what to do.
public enum AuditError: Error, Sendable, CustomStringConvertible {
    case rootNotFound(String)
    case databaseInsideRoot(database: String, root: String)
    case configuration(ConfigError)
    case rules(RuleLoadError)
    case store(StoreError)
    case walk(WatchError)
    case baseline(String, String)

    /// Whether the user can fix it by changing arguments or config (exit 2) rather than an
    /// internal or environmental failure (exit 3).
    public var isUsageError: Bool {
        switch self {
        case .rootNotFound, .databaseInsideRoot, .configuration, .rules, .walk, .baseline: true
        case .store: false
        }
    }

    public var description: String {
        switch self {
        case .rootNotFound(let path):
            "\(path): no such directory; pass the repository root to audit"
        case .databaseInsideRoot(let database, let root):
            "the database \(database) is inside the scanned root \(root); pass --db with a path outside it (backcheck never writes into a repository it checks)"
        case .configuration(let error): "configuration error: \(error)"
        case .rules(let error): "rule errors:\n\(error)"
        case .store(let error): "\(error)"
        case .walk(let error): "\(error)"
        case .baseline(let path, let problem): "--baseline \(path) \(problem)"
        }
    }
}
