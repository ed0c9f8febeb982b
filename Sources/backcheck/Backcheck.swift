import ArgumentParser
import Foundation
import BackcheckModel

/// `backcheck`: parses arguments and prints; everything else lives in the library modules.
@main
struct Backcheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backcheck",
        abstract: "Checks a backend repository against the backend quality checklist.",
        discussion: """
        Examples:
          backcheck audit .                      # scan this repository, store and report the findings
          backcheck findings --severity high     # what is open, worst first
          backcheck show 42                      # one finding with its code, fix and history
          backcheck stats                        # counts per checklist item and the trend

        Shell completions: backcheck --generate-completion-script bash|zsh|fish
        """,
        version: ToolVersion.current,
        subcommands: [
            AuditCommand.self, FindingsCommand.self, ShowCommand.self, StatsCommand.self, InitCommand.self,
            RulesCommand.self, RoutesCommand.self, TokensCommand.self, WatchCommand.self, StatusCommand.self,
        ]
    )

    /// Exit codes per docs/DESIGN.md §9: 0 clean, 1 findings at or above the threshold, 2 usage or
    /// configuration error, 3 internal error.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            // --help and --version arrive here as clean exits; everything else ArgumentParser
            // rejects (unknown flags, bad values) is a usage error.
            if exitCode(for: error) == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            printError(fullMessage(for: error))
            Foundation.exit(2)
        }
    }
}

func printError(_ message: String) {
    guard !message.isEmpty else { return }
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
}
