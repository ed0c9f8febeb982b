import ArgumentParser
import BackcheckReport
import Foundation
import BackcheckAudit
import BackcheckModel

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Scan a repository once, store the findings, and report what is new and fixed since the last audit.",
        discussion: """
        Exit status: 0 clean, 1 a counted finding at or above --fail-on (default: the config's
        fail-on, high), 2 usage or configuration error, 3 internal error. With --baseline or
        --new-since-last-audit only new findings count.

        Examples:
          backcheck audit Examples/shop-backend
          backcheck audit . --format json --db /tmp/ci.sqlite
          backcheck audit . --format sarif --output backcheck.sarif --baseline main.sarif --fail-on high
          backcheck audit . --format github --new-since-last-audit        # GitHub Actions annotations
          backcheck audit ~/src/shop --format html --output /var/www/backcheck.html   # the nightly report
        """
    )

    @Argument(help: "Repository root to scan.", completion: .directory)
    var path: String = "."

    @Option(help: "Findings database (default: $BACKCHECK_DB, the config's `database`, $STATE_DIRECTORY/backcheck.sqlite, $XDG_STATE_HOME/backcheck/backcheck.sqlite, else ~/.local/state/backcheck/backcheck.sqlite).",
            completion: .file())
    var db: String?

    @Option(help: "Output format: text, json, sarif, github (workflow annotations) or html (the nightly report).")
    var format: OutputFormat = .text

    @Option(help: "Write the report to this file instead of standard output.", completion: .file())
    var output: String?

    @Option(help: "Exit with 1 when a counted finding has at least this severity (info, low, medium, high, critical, none).")
    var failOn: String?

    @Option(help: "A previous `--format json` or `--format sarif` report: findings listed in it are not new, and only new ones fail the audit.",
            completion: .file())
    var baseline: String?

    @Flag(help: "Only findings new since the previous audit of this root fail the audit.")
    var newSinceLastAudit = false

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif, github, html
    }

    func validate() throws {
        if let failOn, failOn != "none", Severity(rawValue: failOn) == nil {
            throw ValidationError("--fail-on must be one of info, low, medium, high, critical, none")
        }
        if baseline != nil, newSinceLastAudit {
            throw ValidationError("--baseline and --new-since-last-audit are alternatives; pass one of them")
        }
    }

    func run() async throws {
        let progress = Terminal.stderrIsTerminal
            ? ProgressLine { FileHandle.standardError.write(Data($0.utf8)) } : nil
        var request = AuditRequest(root: path, databasePath: db, environment: Terminal.environment, baselinePath: baseline)
        if let progress {
            request.progress = { done, total in progress.update(done: done, total: total) }
        }
        let outcome: Auditor.Outcome
        do {
            outcome = try await Auditor.run(request, toolVersion: ToolVersion.current)
            progress?.finish()
        } catch {
            progress?.finish()
            printError("backcheck: \(error)")
            throw ExitCode(error.isUsageError ? 2 : 3)
        }
        let formatter: any ReportFormatter = switch format {
        case .text: TextReportFormatter()
        case .json: JSONReportFormatter()
        case .sarif: SARIFReportFormatter(rules: outcome.rules, toolVersion: ToolVersion.current)
        case .github: GitHubAnnotationFormatter()
        case .html: HTMLReportFormatter()
        }
        try Terminal.emit(formatter.format(outcome.report), to: output)
        // `--fail-on none` parses to no severity: it never fails.
        let threshold = failOn.map { Severity(rawValue: $0) } ?? outcome.configuration.failOn
        let gate = AuditGate(threshold: threshold, newOnly: baseline != nil || newSinceLastAudit)
        if !gate.failing(outcome.report).isEmpty { throw ExitCode(1) }
    }
}
