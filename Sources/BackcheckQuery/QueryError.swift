import BackcheckConfig
import BackcheckRules
import BackcheckStore

/// Why `findings`, `show`, `stats` or `init` could not answer; each message says what to do.
public enum QueryError: Error, Sendable, CustomStringConvertible {
    case noSuchFinding(String)
    case ambiguousFinding(String, candidates: [String])
    case unknownRoot(String, known: [String])
    case invalidSince(String)
    case configuration(ConfigError)
    case rules(RuleLoadError)
    case store(StoreError)
    /// `--sync` with no live daemon on the database.
    case noDaemon
    /// `--sync` for a root the daemon does not watch.
    case notWatched(String, watched: [String])
    /// The cookie could not be created in the root.
    case cookie(String, reason: String)
    /// The daemon did not acknowledge the cookies of these roots in time.
    case syncTimeout([String], seconds: Int)

    /// Whether the user can fix it by changing arguments (exit 2) rather than an internal or
    /// environmental failure (exit 3).
    public var isUsageError: Bool {
        switch self {
        case .store, .cookie, .syncTimeout: false
        default: true
        }
    }

    public var description: String {
        switch self {
        case .noSuchFinding(let reference):
            "no finding with id or fingerprint `\(reference)`; `backcheck findings --status all` lists them with their ids"
        case .ambiguousFinding(let reference, let candidates):
            "`\(reference)` matches several findings (\(candidates.joined(separator: "; "))); give more of the fingerprint or the id"
        case .unknownRoot(let root, let known):
            "\(root) has never been audited with this database"
                + (known.isEmpty ? "; run `backcheck audit \(root)` first" : "; known roots: \(known.joined(separator: ", "))")
        case .invalidSince(let text):
            "--since `\(text)`: give a duration (30m, 24h, 7d, 2w) or a date (2024-05-01 or 2024-05-01T08:00:00Z)"
        case .configuration(let error): "configuration error: \(error)"
        case .rules(let error): "rule errors:\n\(error)"
        case .store(let error): "\(error)"
        case .noDaemon:
            "--sync needs a running daemon on this database; start one with `backcheck watch ROOT` (or `systemctl --user start backcheck`), or drop --sync"
        case .notWatched(let root, let watched):
            "the daemon does not watch \(root)" + (watched.isEmpty ? "" : "; it watches \(watched.joined(separator: ", "))")
        case .cookie(let path, let reason):
            "--sync cannot create its marker \(path): \(reason); it needs write access to the root"
        case .syncTimeout(let roots, let seconds):
            "the daemon did not catch up with \(roots.joined(separator: ", ")) within \(seconds) s; `backcheck status` shows its queue"
        }
    }
}
