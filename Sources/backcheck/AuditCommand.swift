import ArgumentParser
import BackcheckPipeline
import BackcheckReport
import BackcheckRules
import Foundation

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Scan a repository once, store the findings, and report them.",
        discussion: """
        Examples:
          backcheck audit Examples/shop-backend
          backcheck audit . --format json --db /tmp/ci.sqlite
          backcheck audit . --fail-on medium
        """
    )

    @Argument(help: "Repository root to scan.", completion: .directory)
    var path: String = "."

    @Option(help: "Findings database (default: $BACKCHECK_DB, else ~/.local/state/backcheck/backcheck.sqlite).")
    var db: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "Exit with 1 when an open finding has at least this severity (info, low, medium, high, critical, none).")
    var failOn: String?

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func validate() throws {
        if let failOn, failOn != "none", Severity(rawValue: failOn) == nil {
            throw ValidationError("--fail-on must be one of info, low, medium, high, critical, none")
        }
    }

    func run() async throws {
        let outcome: Auditor.Outcome
        do {
            outcome = try await Auditor.run(
                AuditRequest(root: path, databasePath: db, environment: ProcessInfo.processInfo.environment),
                toolVersion: ToolVersion.current)
        } catch {
            printError("backcheck: \(error)")
            throw ExitCode(error.isUsageError ? 2 : 3)
        }
        let formatter: any ReportFormatter = switch format {
        case .text: TextReportFormatter()
        case .json: JSONReportFormatter()
        }
        let text = formatter.format(outcome.report)
        if let output {
            do {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                printError("backcheck: cannot write \(output): \(error.localizedDescription)")
                throw ExitCode(3)
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        let threshold = (failOn ?? outcome.configuration.failOn).flatMap(Severity.init(rawValue:))
        if let threshold, outcome.report.open.contains(where: { $0.finding.severity >= threshold }) {
            throw ExitCode(1)
        }
    }
}
