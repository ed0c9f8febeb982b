import ArgumentParser
import BackcheckReport
import BackcheckRules
import BackcheckScan
import Foundation

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List, show and test checklist rules.",
        discussion: """
        Examples:
          backcheck rules list
          backcheck rules show logging/secret-in-log-python
          backcheck rules test my-rules/
        """,
        subcommands: [List.self, Show.self, Test.self]
    )

    /// The built-in pack, or the rules of `folder`.
    static func load(_ folder: String?) throws -> RuleSet {
        do {
            return try folder.map { try RuleSet.load(folder: $0) } ?? RuleSet.builtIn()
        } catch {
            printError("backcheck: \(error)")
            throw ExitCode(2)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List rules with their checklist item, severity and languages.",
            discussion: """
            Examples:
              backcheck rules list
              backcheck rules list --format markdown      # the checklist × language table in README
              backcheck rules list --folder my-rules
            """
        )

        @Option(help: "A rule folder instead of the built-in pack.", completion: .directory)
        var folder: String?

        @Option(help: "text or markdown.")
        var format: Format = .text

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown }

        func run() throws {
            let rules = try RulesCommand.load(folder).rules.map(\.rule)
            print(format == .text ? RuleCatalogFormatter.list(rules) : RuleCatalogFormatter.markdown(rules), terminator: "")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a rule: what it checks, how to fix it, and its examples.",
            discussion: "Example:\n  backcheck rules show logging/secret-in-log-python"
        )

        @Argument(help: "The rule id.")
        var id: String

        @Option(help: "A rule folder instead of the built-in pack.", completion: .directory)
        var folder: String?

        func run() throws {
            guard let rule = try RulesCommand.load(folder).rules.first(where: { $0.rule.id == id }) else {
                printError("backcheck: no rule `\(id)`; `backcheck rules list` shows the ids")
                throw ExitCode(2)
            }
            print(RuleCatalogFormatter.show(rule.rule), terminator: "")
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run rules' examples: every `bad` must be flagged at its ↓ markers, every `good` must not.",
            discussion: """
            Exits 1 when an example fails. This is how to develop a custom rule: write the YAML with
            its examples, run `backcheck rules test DIR`, iterate.

            Examples:
              backcheck rules test                # the built-in pack
              backcheck rules test my-rules/      # your own folder
            """
        )

        @Argument(help: "A rule folder (default: the built-in pack).", completion: .directory)
        var folder: String?

        func run() throws {
            let rules = try RulesCommand.load(folder).rules
            let failures = rules.flatMap(RuleExampleCheck.failures(of:))
            for failure in failures { print("FAIL \(failure)\n") }
            let failed = Set(failures.map(\.ruleId)).count
            print("\(rules.count - failed) passed, \(failed) failed")
            if !failures.isEmpty { throw ExitCode(1) }
        }
    }
}
