import BackcheckConfig
import BackcheckStore
import BackcheckWalk
import Foundation

/// What every scan of one root starts from: its canonical path, its configuration, the rules it
/// runs and how its tree is walked. The audit builds one per run; the daemon one per root and
/// reload.
public struct ScannedRoot: Sendable {
    /// The root, absolute, with symlinks resolved.
    public let path: String
    public let configuration: Configuration
    public let selection: RuleSelection
    /// How the root's tree is walked, from the configuration.
    public let walkOptions: WalkOptions

    /// Resolves `path` and loads its configuration and rules.
    public init(path: String) throws(ScanError) {
        self.path = try Self.canonical(path)
        do {
            configuration = try ConfigLoader.load(repositoryRoot: self.path)
        } catch {
            throw .configuration(error)
        }
        selection = try RuleSelection(configuration: configuration, root: self.path)
        walkOptions = WalkOptions(maxFileSize: configuration.maxFileSize, excludes: configuration.exclude,
                                  includes: configuration.include, languageOverrides: configuration.languages)
    }

    /// The database `explicit` (`--db`) names, else `BACKCHECK_DB`, the configuration's
    /// `database`, `STATE_DIRECTORY` and the XDG default; an error when it would lie inside the root.
    public func database(explicit: String?, environment: [String: String]) throws(ScanError) -> DatabaseLocation {
        let location = DatabaseLocation.resolve(explicit: explicit, configured: configuration.database, environment: environment)
        try ensureOutside(location)
        return location
    }

    /// Throws when `database` lies inside the root: backcheck never writes into a repository it checks.
    public func ensureOutside(_ database: DatabaseLocation) throws(ScanError) {
        let directory = URL(fileURLWithPath: database.directory).standardizedFileURL.resolvingSymlinksInPath().path
        if directory == path || directory.hasPrefix(path + "/") {
            throw .databaseInsideRoot(database: database.path, root: path)
        }
    }

    private static func canonical(_ path: String) throws(ScanError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .rootNotFound(path)
        }
        return URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
