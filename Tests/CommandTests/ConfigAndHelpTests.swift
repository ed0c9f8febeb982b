import Foundation
import Testing
import TestSupport

/// `backcheck init`, config errors, `--help` and completions, through the real binary.
@Suite(.serialized) struct ConfigAndHelpTests {
    @Test func initWritesACommentedStarterThatChangesNothing() throws {
        let session = try CLISession("init")
        defer { session.remove() }
        let first = try BackcheckProcess.run(["init", session.root.path])
        #expect(first.status == 0, "\(first.stderr)")
        let file = session.root.appendingPathComponent(".backcheck.yml")
        let text = try String(contentsOf: file, encoding: .utf8)
        for key in ["include:", "exclude:", "max-file-size: 1048576", "languages:", "rules:", "fail-on: high", "database:", "debounce-ms: 50"] {
            #expect(text.contains("# " + key), "starter lacks \(key)")
        }
        #expect(!text.split(separator: "\n").contains { !$0.isEmpty && !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") },
                "every setting is commented out")
        // It parses, and the audit behaves as without it.
        let audit = try session.audit(["--format", "json"])
        #expect(audit.status == 0, "\(audit.stderr)")

        let again = try BackcheckProcess.run(["init", session.root.path])
        #expect(again.status == 2)
        #expect(again.stderr.contains("--force"))
        try "fail-on: low\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(try BackcheckProcess.run(["init", session.root.path, "--force"]).status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == text)
    }

    @Test(arguments: [
        ("fail-on: sometimes\n", ".backcheck.yml:1: `fail-on` must be one of none, info"),
        ("include: []\nexclued: [dist/]\n", ".backcheck.yml:2: unknown key `exclued`; known keys: include, exclude"),
        ("rules:\n  disable: [a]\n  severty: {}\n", ".backcheck.yml:3: unknown key `rules.severty`; known: folders, disable, severity"),
        ("max-file-size: big\n", ".backcheck.yml:1: `max-file-size` must be a positive number of bytes, e.g. 1048576"),
        ("languages:\n  tpl: cobol\n", ".backcheck.yml:2: unknown language `cobol`; one of: python"),
    ])
    func configErrorsNameFileLineAndAHint(yaml: String, message: String) throws {
        let session = try CLISession("config-error")
        defer { session.remove() }
        try yaml.write(to: session.root.appendingPathComponent(".backcheck.yml"), atomically: true, encoding: .utf8)
        let result = try session.audit()
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    /// README: `--db`, else `$BACKCHECK_DB`, else the config's `database`: the environment wins
    /// over the file, for the audit and for the commands that read the database.
    @Test func backcheckDBWinsOverTheConfiguredDatabase() throws {
        let session = try CLISession("db-precedence")
        defer { session.remove() }
        let configured = session.work.appendingPathComponent("configured.sqlite").path
        let fromEnvironment = session.work.appendingPathComponent("environment.sqlite").path
        try "database: \(configured)\n".write(to: session.root.appendingPathComponent(".backcheck.yml"), atomically: true, encoding: .utf8)
        let environment = ["BACKCHECK_DB": fromEnvironment]
        let audit = try BackcheckProcess.run(["audit", session.root.path, "--fail-on", "none"], in: session.root, environment: environment)
        #expect(audit.status == 0, "\(audit.stderr)")
        #expect(FileManager.default.fileExists(atPath: fromEnvironment))
        #expect(!FileManager.default.fileExists(atPath: configured))
        let findings = try BackcheckProcess.run(["findings", "--format", "json"], in: session.root, environment: environment)
        #expect(findings.status == 0, "\(findings.stderr)")
        #expect(!(try session.json(findings)["findings"] as? [[String: Any]] ?? []).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: configured))
        // Without the variable, the configured database is the one used.
        #expect(try BackcheckProcess.run(["audit", session.root.path, "--fail-on", "none"], in: session.root).status == 0)
        #expect(FileManager.default.fileExists(atPath: configured))
    }

    /// A broken configuration is an error with its file and line for the commands that only read
    /// the database too, not silently ignored.
    @Test(arguments: [["findings"], ["stats"], ["show", "1"]])
    func readCommandsReportABrokenConfiguration(command: [String]) throws {
        let session = try CLISession("query-config-error")
        defer { session.remove() }
        try session.audit()
        try "fail-on: sometimes\n".write(to: session.root.appendingPathComponent(".backcheck.yml"), atomically: true, encoding: .utf8)
        let result = try session.run(command)
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains(".backcheck.yml:1: `fail-on` must be one of none, info"), "\(result.stderr)")
    }

    @Test func overridesApply() throws {
        let session = try CLISession("config-override")
        defer { session.remove() }
        try "rules:\n  disable: [logging/secret-in-log-python]\n  severity:\n    sensitive-data/hardcoded-stripe-live-key: low\nfail-on: critical\n"
            .write(to: session.root.appendingPathComponent(".backcheck.yml"), atomically: true, encoding: .utf8)
        let result = try session.run(["audit", session.root.path, "--format", "json"])
        #expect(result.status == 0, "no critical finding left: \(result.stderr)")
        let findings = try session.json(result)["findings"] as? [[String: Any]] ?? []
        #expect(findings.count == ExpectedFindings.shopBackend.count - 1)
        #expect(findings.first { $0["ruleId"] as? String == "sensitive-data/hardcoded-stripe-live-key" }?["severity"] as? String == "low")
    }

    @Test(arguments: [["audit"], ["findings"], ["show"], ["stats"], ["init"], ["rules", "list"], ["rules", "show"], ["rules", "test"], ["tokens"], ["rules"], []])
    func everyCommandsHelpHasExamples(command: [String]) throws {
        let result = try BackcheckProcess.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Example"), "\(command) --help has no examples")
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsAreGenerated(shell: String) throws {
        let result = try BackcheckProcess.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        #expect(result.stdout.contains("findings") && result.stdout.contains("severity") && result.stdout.contains("new-since-last-audit"))
    }

    @Test func colourOnlyWithoutNoColorAndOnATerminal() throws {
        // Not a terminal here: no colour even when NO_COLOR is unset.
        let session = try CLISession("colour")
        defer { session.remove() }
        try session.audit()
        let result = try session.run(["findings"], environment: ["NO_COLOR": "", "TERM": "xterm-256color"])
        #expect(!result.stdout.contains("\u{1B}["))
    }
}
