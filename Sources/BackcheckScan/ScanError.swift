import BackcheckConfig
import BackcheckRules
import BackcheckStore
import BackcheckWalk

/// Why a root could not be scanned (by an audit or the daemon); each message says what to do.
public enum ScanError: Error, Sendable, CustomStringConvertible {
    case rootNotFound(String)
    case databaseInsideRoot(database: String, root: String)
    case configuration(ConfigError)
    case rules(RuleLoadError)
    case store(StoreError)
    case walk(WalkError)

    /// Whether the user can fix it by changing arguments or config (exit 2) rather than an
    /// internal or environmental failure (exit 3).
    public var isUsageError: Bool {
        switch self {
        case .rootNotFound, .databaseInsideRoot, .configuration, .rules, .walk: true
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
        }
    }
}
