import ArgumentParser
import BackcheckAPI
import BackcheckScan
import Foundation

/// Lists the HTTP routes backcheck reads from the code: what the api-docs and testing checks
/// compare with OpenAPI documents and tests.
struct RoutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routes",
        abstract: "List the HTTP routes declared in the code (method, path, handler, location).",
        discussion: """
        Paths are templates with every mount prefix applied and parameters written {name}. A `?`
        after the path marks a router whose mount was not found (its prefix may be missing).

        Examples:
          backcheck routes
          backcheck routes ~/src/shop --format json
        """
    )

    @Argument(help: "The repository root (default: the current directory).", completion: .directory)
    var path: String = "."

    @Option(help: "text or json.")
    var format: Format = .text

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    func run() throws {
        let routes: [ResolvedRoute]
        do {
            routes = try RouteListing.routes(root: ScannedRoot(path: path))
        } catch {
            printError("backcheck: \(error)")
            throw ExitCode(error.isUsageError ? 2 : 3)
        }
        print(format == .text ? RouteTable.text(routes) : RouteTable.json(routes), terminator: "")
    }
}
