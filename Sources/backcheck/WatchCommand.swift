import ArgumentParser
import Foundation
import BackcheckDaemon
import BackcheckModel

struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Run as a daemon: keep the findings of one or more repositories current as files change.",
        discussion: """
        On start every root is reconciled with the database (files changed while the daemon was
        down are analysed again, vanished ones closed; every file when the rules changed); then
        each burst of changes is analysed after --settle-ms of quiet. Editing .backcheck.yml or a
        custom rule reloads them (a broken edit keeps the last good ones). While git holds
        .git/index.lock (checkout, rebase), analysis waits, then rescans. Speaks systemd's notify protocol when run by systemd (see the
        README and systemd/). Stops cleanly on SIGTERM or SIGINT. One daemon per database.

        Examples:
          backcheck watch ~/src/shop ~/src/billing
          backcheck watch . --db /tmp/shop.sqlite --settle-ms 200
          backcheck watch /mnt/nfs/shop --watcher polling
        """
    )

    @Argument(help: "Repository roots to watch.", completion: .directory)
    var paths: [String] = ["."]

    @Option(help: "Findings database (default: $BACKCHECK_DB, the first root's config `database`, $STATE_DIRECTORY/backcheck.sqlite, $XDG_STATE_HOME/backcheck/backcheck.sqlite, else ~/.local/state/backcheck/backcheck.sqlite).",
            completion: .file())
    var db: String?

    @Option(help: "Quiet time in milliseconds before a burst of changes is analysed (default: the config's debounce-ms, 50).")
    var settleMs: Int?

    @Option(help: "How changes are noticed: auto (inotify, else polling), inotify, or polling (network file systems).")
    var watcher: WatcherChoice = .auto

    @Option(help: "Watch at most this many directories with inotify, leaving the per-user limit to other tools; the rest are polled.")
    var maxWatches: Int?

    func validate() throws {
        if let settleMs, settleMs < 0 { throw ValidationError("--settle-ms must be zero or more") }
        if let maxWatches, maxWatches < 1 { throw ValidationError("--max-watches must be 1 or more") }
    }

    func run() async throws {
        let request = DaemonRequest(roots: paths, databasePath: db, environment: Terminal.environment,
                                    settleMilliseconds: settleMs, watcher: watcher, maxWatches: maxWatches) { printError("backcheck: \($0)") }
        do {
            try await Daemon(request, toolVersion: ToolVersion.current).run()
        } catch {
            printError("backcheck: \(error)")
            throw ExitCode(error.isUsageError ? 2 : 3)
        }
    }
}

extension WatcherChoice: ExpressibleByArgument {}
