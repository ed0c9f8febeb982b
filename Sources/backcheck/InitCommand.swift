import ArgumentParser
import BackcheckConfig
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter .backcheck.yml (every key with its default, commented out).",
        discussion: """
        Refuses to replace an existing .backcheck.yml unless --force is given.

        Examples:
          backcheck init
          backcheck init ~/src/shop --force
        """
    )

    @Argument(help: "The repository root to write .backcheck.yml into.", completion: .directory)
    var path: String = "."

    @Flag(help: "Replace an existing .backcheck.yml.")
    var force = false

    func run() throws {
        do {
            let written = try StarterConfig.write(into: path, force: force)
            print("wrote \(written); uncomment a line to change a setting")
        } catch {
            printError("backcheck: \(error)")
            throw ExitCode(error.isUsageError ? 2 : 3)
        }
    }
}
