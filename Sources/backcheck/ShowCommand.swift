import ArgumentParser
import BackcheckReport
import BackcheckQuery

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one finding: the code around it (secrets masked), how to fix it, and its history.",
        discussion: """
        ID is the number in the first column of `backcheck findings`; a fingerprint (or its first
        4 or more hex digits) works too, and stays valid across databases and machines.

        Examples:
          backcheck show 42
          backcheck show 3f9a1c0e
          backcheck show 42 --context 8
        """
    )

    @Argument(help: "The finding's id or fingerprint (prefix).")
    var reference: String

    @Option(help: "Lines of code shown above and below the finding.")
    var context = 3

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let (queries, _) = try database.open()
        do {
            var inspector = FindingInspector(store: queries.store, rules: try queries.rules())
            inspector.contextLines = max(0, context)
            let detail = try inspector.detail(reference)
            print(FindingDetailFormatter(style: Terminal.style).format(detail), terminator: "")
        } catch {
            throw Terminal.fail(error)
        }
    }
}
