/// Why a walk could not start. Problems below the root are `WalkDiagnostic`s, never errors.
public enum WalkError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The root does not exist.
    case rootMissing(path: String)
    /// The root exists but is not a directory.
    case rootNotDirectory(path: String)
    /// The root cannot be opened or listed.
    case rootUnreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .rootMissing(let path):
            "\(path) does not exist; pass the repository's directory"
        case .rootNotDirectory(let path):
            "\(path) is not a directory; pass the repository's directory, not a file in it"
        case .rootUnreadable(let path, let reason):
            "cannot read \(path): \(reason); check its permissions or run as a user who can read it"
        }
    }
}
