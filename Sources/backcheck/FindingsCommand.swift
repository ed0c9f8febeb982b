import ArgumentParser
import BackcheckReport
import BackcheckRules
import BackcheckStore
import Foundation
import BackcheckModel
import BackcheckQuery

struct FindingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "findings",
        abstract: "List stored findings, filtered and sorted, as a table, JSON, CSV or SARIF.",
        discussion: """
        Reads the database only (the daemon or the last audit wrote it); answers in milliseconds.

        Examples:
          backcheck findings                                   # open findings of this repository, worst first
          backcheck findings --path 'payments/**' --severity high
          backcheck findings --checklist logging --since 7d    # first seen in the last week
          backcheck findings --status fixed --since 2024-05-01 # fixed since that day
          backcheck findings --rule 'sensitive-data/*' --format csv > findings.csv
          backcheck findings --role test                       # findings in tests (when config includes them)
          backcheck findings --status all --sort newest --limit 20
          backcheck findings --sync                            # after the daemon caught up with your last save
        """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Only this checklist item (\(ChecklistItem.allCases.map(\.rawValue).joined(separator: ", "))).")
    var checklist: ChecklistItem?

    @Option(help: "Only this rule id; end with * for a prefix (logging/*).")
    var rule: String?

    @Option(help: "Minimum severity (info, low, medium, high, critical).")
    var severity: Severity?

    @Option(help: "Only paths this gitignore-style pattern selects (* stays inside a folder name, **/ crosses folders; a folder selects what is under it; a pattern without / matches a name at any depth).")
    var path: String?

    @Option(help: "Only findings in files of this role (\(FileRole.allCases.map(\.rawValue).joined(separator: ", "))).")
    var role: FileRole?

    @Option(help: "open (includes reopened), fixed, suppressed, reopened or all.")
    var status: StatusFilter = .open

    @Option(help: "Only findings first seen since (fixed since, with --status fixed): 24h, 7d, 2w or 2024-05-01.")
    var since: String?

    @Option(help: "Order: severity (worst first), path, newest, rule.")
    var sort: FindingQuery.Order = .severity

    @Option(help: "Show at most this many (default: 100 for the table, all for other formats).")
    var limit: Int?

    @Option(help: "table, json, csv or sarif.")
    var format: Format = .table

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv, sarif }

    enum StatusFilter: String, ExpressibleByArgument, CaseIterable {
        case open, fixed, suppressed, reopened, all

        var statuses: Set<FindingStatus> {
            switch self {
            case .open: FindingStatus.active
            case .fixed: [.fixed]
            case .suppressed: [.suppressed]
            case .reopened: [.reopened]
            case .all: Set(FindingStatus.allCases)
            }
        }
    }

    @Flag(help: "First wait until the running daemon has recorded every change saved before this call.")
    var sync = false

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
        if let path, PathPattern(typed: path) == nil { throw ValidationError("--path '\(path)' selects nothing") }
    }

    func run() throws {
        let (queries, root) = try database.open()
        let sinceDate: Date?
        do {
            if sync { try queries.sync(root: root) }
            sinceDate = try since.map { text throws(QueryError) in try SinceParser.parse(text) }
        } catch {
            throw Terminal.fail(error)
        }
        let query = FindingQuery(
            root: root, checklist: checklist, ruleId: rule, minimumSeverity: severity, path: path.flatMap(PathPattern.init(typed:)),
            role: role, statuses: status.statuses, since: sinceDate, order: sort, limit: limit ?? (format == .table ? 100 : nil))
        let list: FindingList
        do {
            list = try queries.list(query)
        } catch {
            throw Terminal.fail(error)
        }
        switch format {
        case .table: print(FindingTableFormatter(style: Terminal.style).format(list), terminator: "")
        case .json: print(FindingJSONFormatter().format(list), terminator: "")
        case .csv: print(FindingCSVFormatter().format(list), terminator: "")
        case .sarif:
            let rules: RuleSet
            do {
                rules = try queries.rules()
            } catch {
                throw Terminal.fail(error)
            }
            let formatter = SARIFReportFormatter(rules: rules.rules.map(\.rule), toolVersion: ToolVersion.current)
            let sarifRoot = root ?? Set(list.findings.map(\.root)).first ?? database.directory
            print(formatter.format(list.findings.map { ReportedFinding($0) }, root: sarifRoot, hasBaseline: false), terminator: "")
        }
    }
}

extension ChecklistItem: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}
extension FileRole: ExpressibleByArgument {}
extension FindingQuery.Order: ExpressibleByArgument {}
