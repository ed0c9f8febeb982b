import ArgumentParser
import BackcheckReport

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count open findings by checklist item and severity, top directories and rules, and the trend over audits.",
        discussion: """
        The trend lists the open findings at the end of each of the root's last 30 audits; it needs
        one root (run it inside an audited repository, or pass --root).

        Examples:
          backcheck stats
          backcheck stats --root ~/src/shop --format json
        """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "text or json.")
    var format: Format = .text

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    func run() throws {
        let (queries, root) = try database.open()
        do {
            let stats = try queries.statistics(root: root)
            let formatter = StatsFormatter(style: Terminal.style)
            print(format == .text ? formatter.text(stats) : formatter.json(stats), terminator: "")
        } catch {
            throw Terminal.fail(error)
        }
    }
}
