import BackcheckScan

/// Why an audit could not run; each message says what to do.
public enum AuditError: Error, Sendable, CustomStringConvertible {
    /// The root, its configuration, its rules, the walk or the database failed.
    case scan(ScanError)
    /// `--baseline FILE` cannot be used: the path and what is wrong with it.
    case baseline(String, String)

    /// Whether the user can fix it by changing arguments or config (exit 2) rather than an
    /// internal or environmental failure (exit 3).
    public var isUsageError: Bool {
        switch self {
        case .scan(let error): error.isUsageError
        case .baseline: true
        }
    }

    public var description: String {
        switch self {
        case .scan(let error): "\(error)"
        case .baseline(let path, let problem): "--baseline \(path) \(problem)"
        }
    }
}
