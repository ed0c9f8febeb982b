import Foundation
import Testing
import TestSupport

/// Replays the judged precision sheets (`Tests/Precision/<owner>+<name>.tsv`, written by
/// `scripts/precision.sh`) against the pinned checkouts of real repositories, when they are present
/// under `$BACKCHECK_PRECISION_DIR` (default `/tmp/backcheck-precision`): every finding judged TP
/// must still be reported (same rule and path, line within ±2); the FP rows still reported are
/// printed, so a rule fix shows what it removed. Without the checkouts the suite is skipped.
///
/// To stay quick it audits a copy of only the files the sheet names; set
/// `BACKCHECK_PRECISION_FULL=1` to audit each whole checkout instead.
@Suite(.serialized, .enabled(if: PrecisionSheets.anyPresent, "no precision checkouts under $BACKCHECK_PRECISION_DIR (default /tmp/backcheck-precision); scripts/precision.sh extracts them"))
struct PrecisionSheetTests {
    @Test(arguments: PrecisionSheets.repositories)
    func judgedTruePositivesAreStillFound(_ repository: PrecisionSheets.Repository) throws {
        guard let checkout = repository.checkout else {
            print("precision: \(repository.name) skipped: no checkout at \(repository.commit) under \(PrecisionSheets.directory.path)")
            return
        }
        let rows = try PrecisionSheets.rows(of: repository).filter { $0.commit == repository.commit }
        let judged = rows.filter { $0.verdict == "TP" || $0.verdict == "FP" }
        guard !judged.isEmpty else { return }

        let work = try TestSupport.temporaryDirectory("precision")
        defer { try? FileManager.default.removeItem(at: work) }
        let root: URL
        // Analyzer rules compare files with each other (routes with tests and specs, a table with
        // the migrations that index it): their findings need the whole checkout.
        let projectWide = judged.contains { PrecisionSheets.comparesFiles($0.rule) }
        if projectWide || ProcessInfo.processInfo.environment["BACKCHECK_PRECISION_FULL"] == "1" {
            root = checkout
        } else {
            root = work.appendingPathComponent("tree")
            for path in Set(judged.map(\.path)) where FileManager.default.fileExists(atPath: checkout.appendingPathComponent(path).path) {
                let target = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: checkout.appendingPathComponent(path), to: target)
            }
        }
        let report = work.appendingPathComponent("report.json")
        let result = try BackcheckProcess.run(["audit", root.path, "--db", work.appendingPathComponent("db.sqlite").path,
                                               "--format", "json", "--output", report.path, "--fail-on", "none"])
        #expect(result.status == 0 || result.status == 1, "audit failed: \(result.stderr)")
        let document = try JSONDecoder().decode(Document.self, from: Data(contentsOf: report))
        let found = document.findings.filter { $0.status != "suppressed" }
        func stillFound(_ row: PrecisionSheets.Row) -> Bool {
            found.contains { $0.ruleId == row.rule && $0.path == row.path && abs($0.line - row.line) <= 2 }
        }

        let lost = judged.filter { $0.verdict == "TP" && !stillFound($0) }
        #expect(lost.isEmpty, "\(repository.name): true findings no longer reported:\n\(lost.map(\.description).joined(separator: "\n"))")
        let falsePositives = judged.filter { $0.verdict == "FP" }
        let remaining = falsePositives.filter(stillFound)
        let truePositives = judged.filter { $0.verdict == "TP" }.count
        print("precision: \(repository.name): \(truePositives - lost.count) of \(truePositives) TP still found; "
              + "\(remaining.count) of \(falsePositives.count) judged FP still reported")
        for row in remaining.prefix(40) { print("  FP still reported: \(row.description)") }
    }

    struct Entry: Decodable {
        var ruleId: String
        var path: String
        var line: Int
        var status: String
    }

    struct Document: Decodable {
        var findings: [Entry]
    }
}

/// The sheets and checkouts of the precision benchmark.
enum PrecisionSheets {
    struct Repository: Sendable, CustomTestStringConvertible {
        var name: String
        var commit: String
        var testDescription: String { name }

        /// The checkout at the pinned commit: `<dir>/<name>` with `<dir>/<name>.commit` naming the
        /// commit, or a git work tree whose HEAD is that commit.
        var checkout: URL? {
            let directory = PrecisionSheets.directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: directory.path) else { return nil }
            let marker = PrecisionSheets.directory.appendingPathComponent(name + ".commit")
            if let text = try? String(contentsOf: marker, encoding: .utf8) {
                return text.trimmingCharacters(in: .whitespacesAndNewlines) == commit ? directory : nil
            }
            guard FileManager.default.fileExists(atPath: directory.appendingPathComponent(".git").path) else { return nil }
            let git = Process()
            git.executableURL = URL(fileURLWithPath: "/usr/bin/git")
            git.arguments = ["-C", directory.path, "rev-parse", "HEAD"]
            let out = Pipe()
            git.standardOutput = out
            git.standardError = FileHandle.nullDevice
            guard (try? git.run()) != nil else { return nil }
            let head = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            git.waitUntilExit()
            if head.trimmingCharacters(in: .whitespacesAndNewlines) == commit { return directory }
            return nil
        }
    }

    struct Row: CustomStringConvertible {
        var commit: String
        var path: String
        var line: Int
        var rule: String
        var verdict: String
        var reason: String
        var description: String { "\(path):\(line) \(rule) — \(reason)" }
    }

    static var directory: URL {
        URL(fileURLWithPath: ProcessInfo.processInfo.environment["BACKCHECK_PRECISION_DIR"] ?? "/tmp/backcheck-precision")
    }

    static var sheets: URL { TestSupport.packageRoot.appendingPathComponent("Tests/Precision") }

    /// Whether the rule is an analyzer's (`analyzer:` in its YAML): schema, route, test and
    /// document rules, which read the whole project.
    static func comparesFiles(_ rule: String) -> Bool {
        let file = TestSupport.packageRoot.appendingPathComponent("Rules/\(rule).yml")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return false }
        return text.split(separator: "\n").contains { $0.hasPrefix("analyzer:") }
    }

    static var repositories: [Repository] {
        guard let text = try? String(contentsOf: sheets.appendingPathComponent("repos.tsv"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            return cells.count >= 2 ? Repository(name: String(cells[0]), commit: String(cells[1])) : nil
        }
    }

    static var anyPresent: Bool { repositories.contains { $0.checkout != nil } }

    static func rows(of repository: Repository) throws -> [Row] {
        let url = sheets.appendingPathComponent(repository.name + ".tsv")
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) else { return [] }
        let index = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return lines.dropFirst().compactMap { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            func cell(_ name: String) -> String { index[name].flatMap { $0 < cells.count ? cells[$0] : nil } ?? "" }
            guard let number = Int(cell("line")) else { return nil }
            return Row(commit: cell("commit"), path: cell("path"), line: number, rule: cell("rule"),
                       verdict: cell("verdict"), reason: cell("reason"))
        }
    }
}
