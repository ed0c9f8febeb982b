import ArgumentParser
import Foundation
import BackcheckQuery

/// `--db` and `--root`, shared by the commands that read the database.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "Findings database (default: $BACKCHECK_DB, the config's `database`, $STATE_DIRECTORY/backcheck.sqlite, $XDG_STATE_HOME/backcheck/backcheck.sqlite, else ~/.local/state/backcheck/backcheck.sqlite).",
            completion: .file())
    var db: String?

    @Option(help: "Only findings of this audited root (default: the audited root containing the current directory, else every root).",
            completion: .directory)
    var root: String?

    var directory: String { FileManager.default.currentDirectoryPath }

    /// Opens the database and resolves `--root`.
    func open() throws -> (FindingQueries, String?) {
        do {
            let queries = try FindingQueries(databasePath: db, environment: Terminal.environment, directory: directory)
            return (queries, try queries.root(root, directory: directory))
        } catch {
            throw Terminal.fail(error)
        }
    }
}
