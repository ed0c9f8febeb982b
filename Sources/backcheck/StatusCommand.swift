import ArgumentParser
import Foundation
import BackcheckQuery

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show whether the daemon is running: pid, uptime, roots, files, queue, last change, open findings.",
        discussion: """
        Exit status: 0 when the daemon is alive (its process exists and its heartbeat is recent),
        1 when it is not.

        Examples:
          backcheck status
          backcheck status --db /tmp/shop.sqlite
        """
    )

    @Option(help: "Findings database (default: $BACKCHECK_DB, the config's `database`, $STATE_DIRECTORY/backcheck.sqlite, $XDG_STATE_HOME/backcheck/backcheck.sqlite, else ~/.local/state/backcheck/backcheck.sqlite).",
            completion: .file())
    var db: String?

    func run() throws {
        do {
            let queries = try FindingQueries(databasePath: db, environment: Terminal.environment,
                                             directory: FileManager.default.currentDirectoryPath)
            let report = try DaemonReport(queries: queries)
            print(report.text(), terminator: "")
            if !report.isAlive { throw ExitCode(1) }
        } catch let error as QueryError {
            throw Terminal.fail(error)
        }
    }
}
