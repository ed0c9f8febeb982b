import BackcheckConfig
import BackcheckReport
import BackcheckRules
import BackcheckStore
import Foundation
import BackcheckModel

/// What the read-only commands (`findings`, `show`, `stats`) share: opening the database the
/// same way an audit would find it, and resolving `--root`.
public struct FindingQueries: Sendable {
    /// The open database.
    public let store: FindingStore
    /// The configuration of the directory the command runs in: where its database is, which
    /// rule folders describe its findings.
    public let configuration: Configuration
    /// The directory the command runs in.
    public let directory: String

    /// Opens the database at `--db` (`databasePath`), else from `BACKCHECK_DB`, the config of the
    /// current directory's repository, `STATE_DIRECTORY` and the XDG default. A broken configuration is an error,
    /// as it is for an audit.
    public init(databasePath: String?, environment: [String: String], directory: String) throws(QueryError) {
        do {
            configuration = try ConfigLoader.load(repositoryRoot: directory)
        } catch {
            throw .configuration(error)
        }
        self.directory = directory
        let location = DatabaseLocation.resolve(explicit: databasePath, configured: configuration.database, environment: environment)
        do {
            store = try FindingStore(location: location)
        } catch {
            throw .store(error)
        }
    }

    /// The root to query: `root` made absolute and canonical (an error when never audited); with
    /// no `root`, the audited root that contains `directory`, else nil (every root).
    public func root(_ root: String?, directory: String) throws(QueryError) -> String? {
        let known: [String]
        do {
            known = try store.roots()
        } catch {
            throw .store(error)
        }
        guard let root else {
            let here = Self.canonical(directory)
            return known.filter { here == $0 || here.hasPrefix($0 + "/") }.max { $0.count < $1.count }
        }
        let path = Self.canonical(root.hasPrefix("/") ? root : (directory as NSString).appendingPathComponent(root))
        guard known.contains(path) else { throw .unknownRoot(path, known: known) }
        return path
    }

    /// The findings `query` selects and how many it matches without its limit.
    public func list(_ query: FindingQuery) throws(QueryError) -> FindingList {
        do {
            let findings = try store.findings(matching: query)
            // A page shorter than the limit is everything; only a full page needs the count.
            let complete = query.limit.map { findings.count < $0 } ?? true
            let total = complete ? findings.count : try store.count(matching: query)
            return FindingList(findings: findings, total: total)
        } catch {
            throw .store(error)
        }
    }

    /// Statistics for `root` (every root when nil).
    public func statistics(root: String?) throws(QueryError) -> FindingStatistics {
        do {
            return try store.statistics(root: root)
        } catch {
            throw .store(error)
        }
    }

    /// The built-in rules plus the rule folders of the directory's configuration: what `show`
    /// and SARIF describe findings with.
    public func rules() throws(QueryError) -> RuleSet {
        do {
            return try RuleSet.builtIn(plus: configuration.ruleFolders, root: directory)
        } catch {
            throw .rules(error)
        }
    }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
