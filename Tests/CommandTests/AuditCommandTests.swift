import BackcheckStore
import Foundation
import Testing
import TestSupport

/// The real binary on real directories and a real database file.
@Suite(.serialized) struct AuditCommandTests {
    struct Entry: Decodable, Hashable {
        var ruleId: String
        var checklist: String
        var severity: String
        var path: String
        var line: Int
        var column: Int
        var message: String
        var snippet: String
        var fingerprint: String
        var status: String
        var properties: [String: String]?
    }

    struct Document: Decodable {
        var findings: [Entry]
        var fixed: [Entry]
    }

    let work: URL
    let db: String

    init() throws {
        work = try TestSupport.temporaryDirectory("audit")
        db = work.appendingPathComponent("state/backcheck.sqlite").path
    }

    func audit(_ root: URL, _ extra: [String] = []) throws -> (BackcheckProcess.Result, Document?) {
        let result = try BackcheckProcess.run(["audit", root.path, "--db", db, "--format", "json"] + extra)
        let document = try? JSONDecoder().decode(Document.self, from: Data(result.stdout.utf8))
        return (result, document)
    }

    /// A copy of Examples/shop-backend in the temporary directory.
    func sampleCopy() throws -> URL {
        let target = work.appendingPathComponent("shop-backend")
        try TestSupport.copySampleBackend(to: target)
        return target
    }

    @Test func sampleBackendYieldsExactlyThePlantedFindings() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let (result, document) = try audit(TestSupport.packageRoot.appendingPathComponent("Examples/shop-backend"))
        let findings = try #require(document, "stdout was not the JSON report: \(result.stdout)\n\(result.stderr)").findings
        let actual = Set(findings.map { "\($0.path):\($0.line) \($0.ruleId)" })
        #expect(actual == ExpectedFindings.shopBackend, "unexpected: \(actual.subtracting(ExpectedFindings.shopBackend).sorted()) missing: \(ExpectedFindings.shopBackend.subtracting(actual).sorted())")
        #expect(result.status == 1, "high findings make the audit exit 1")
        #expect(findings.allSatisfy { $0.status == "open" })
        // Secrets never appear in full, anywhere in the output.
        for secret in ["sk_live_4eC39HqLyjWDarjtT1zdp7dc", "ghp_R8sT2uV4wX6yZ8aB0cD2eF4gH6iJ8kL0mN2p", "f3Kq9ZrT1vWx8LmN2pQs7YbC"] {
            #expect(!result.stdout.contains(secret))
        }
        let mode = try FileManager.default.attributesOfItem(atPath: db)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func rerunAddsNothingAndFixedProblemsBecomeFixed() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let root = try sampleCopy()
        let (_, first) = try audit(root)
        let firstFindings = try #require(first).findings
        let (_, second) = try audit(root)
        #expect(try #require(second).findings.count == firstFindings.count)
        #expect(Set(second!.findings.map(\.fingerprint)) == Set(firstFindings.map(\.fingerprint)))

        // Fix the Ruby password hash; move the Python file's code down by three lines.
        let ruby = root.appendingPathComponent("lib/account.rb")
        let fixedRuby = try String(contentsOf: ruby, encoding: .utf8)
            .replacingOccurrences(of: "Digest::SHA1.hexdigest(password)", with: "BCrypt::Password.create(password)")
        try fixedRuby.write(to: ruby, atomically: true, encoding: .utf8)
        let python = root.appendingPathComponent("app/auth.py")
        let moved = "# moved\n\n\n" + (try String(contentsOf: python, encoding: .utf8))
        try moved.write(to: python, atomically: true, encoding: .utf8)

        let (_, third) = try audit(root)
        let after = try #require(third)
        let fixedRules = after.fixed.map { "\($0.path) \($0.ruleId)" }
        #expect(fixedRules.count == 1)
        #expect(fixedRules.first?.hasPrefix("lib/account.rb sensitive-data/") == true)
        let pythonBefore = firstFindings.filter { $0.path == "app/auth.py" }
        let pythonAfter = after.findings.filter { $0.path == "app/auth.py" }
        #expect(Set(pythonAfter.map(\.fingerprint)) == Set(pythonBefore.map(\.fingerprint)), "fingerprints must not depend on line numbers")
        #expect(Set(pythonAfter.map(\.line)) == Set(pythonBefore.map { $0.line + 3 }))
    }

    @Test func aHelperInAnotherFileThatReturnsRequestInputIsASource() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let root = work.appendingPathComponent("servlets")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let helper = root.appendingPathComponent("RequestValues.java")
        let returningInput = """
        public class RequestValues {
            private final HttpServletRequest request;
            public RequestValues(HttpServletRequest request) { this.request = request; }
            public String textParameter(String name) {
                String value = request.getParameter(name);
                return value == null ? "" : value.trim();
            }
        }
        """
        try returningInput.write(to: helper, atomically: true, encoding: .utf8)
        try """
        public class Search extends HttpServlet {
            public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
                String term = new RequestValues(request).textParameter("q");
                statement.executeQuery("SELECT a FROM t WHERE b = '" + term + "'");
            }
        }
        """.write(to: root.appendingPathComponent("Search.java"), atomically: true, encoding: .utf8)
        // A rule limited by `keywords` to files naming its sink API still learns of the helper,
        // which names none of it.
        try """
        public class Signature extends HttpServlet {
            public void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {
                String payload = new RequestValues(request).textParameter("payload");
                MessageDigest md = MessageDigest.getInstance("MD5");
                md.update(payload.getBytes(StandardCharsets.UTF_8));
            }
        }
        """.write(to: root.appendingPathComponent("Signature.java"), atomically: true, encoding: .utf8)
        let (_, first) = try audit(root, ["--fail-on", "none"])
        let findings = try #require(first).findings
        let reported = findings.filter { $0.ruleId == "input-validation/sql-injection-java" }
        #expect(reported.map { "\($0.path):\($0.line)" } == ["Search.java:4"])
        #expect(findings.contains { $0.ruleId == "sensitive-data/weak-hash-of-input-java" && $0.path == "Signature.java" })
        // Each file's summary is stored, so a re-audit reads only the files that changed.
        let stored = try FindingStore(path: db).summaryFacts(root: root.resolvingSymlinksInPath().path)
        #expect(stored.keys.sorted() == ["RequestValues.java", "Search.java", "Signature.java"])
        let (_, again) = try audit(root, ["--fail-on", "none"])
        #expect(try #require(again).findings.filter { $0.ruleId == "input-validation/sql-injection-java" }.count == 1)

        // The helper now returns a fixed value: the unchanged caller is analysed again, and its
        // finding is fixed.
        try returningInput.replacingOccurrences(of: "return value == null ? \"\" : value.trim();", with: "return \"all\";")
            .write(to: helper, atomically: true, encoding: .utf8)
        let (_, second) = try audit(root, ["--fail-on", "none"])
        let after = try #require(second)
        #expect(!after.findings.contains { $0.ruleId == "input-validation/sql-injection-java" })
        #expect(after.fixed.map { "\($0.path) \($0.ruleId)" }.sorted()
                == ["Search.java input-validation/sql-injection-java", "Signature.java sensitive-data/weak-hash-of-input-java"])
    }

    @Test func aHelperInAnotherFileThatChecksItsArgumentCleansItsCalls() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let root = work.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("app"), withIntermediateDirectories: true)
        let helper = root.appendingPathComponent("app/report_window.rb")
        let checking = """
        module ReportWindow
          def report_window(text)
            return 30 unless text.to_s =~ /\\A\\d{1,3}\\z/
            text.to_i
          end
        end
        """
        try checking.write(to: helper, atomically: true, encoding: .utf8)
        try """
        class ReportsController < ApplicationController
          include ReportWindow

          def index
            days = report_window(params[:days])
            @rows = Report.where("created_at > now() - interval '#{days} days'")
          end
        end
        """.write(to: root.appendingPathComponent("app/reports_controller.rb"), atomically: true, encoding: .utf8)
        let (_, first) = try audit(root, ["--fail-on", "none"])
        #expect(try #require(first).findings.filter { $0.ruleId == "input-validation/sql-injection-ruby" }.isEmpty)

        // The helper now hands back its argument, tested only for holding a digit: the unchanged
        // caller is analysed again.
        try checking.replacingOccurrences(of: "text.to_i", with: "text").replacingOccurrences(of: "/\\A\\d{1,3}\\z/", with: "/\\d/")
            .write(to: helper, atomically: true, encoding: .utf8)
        let (_, second) = try audit(root, ["--fail-on", "none"])
        let reported = try #require(second).findings.filter { $0.ruleId == "input-validation/sql-injection-ruby" }
        #expect(reported.map { "\($0.path):\($0.line)" } == ["app/reports_controller.rb:6"])
    }

    @Test func textBuiltFromAParameterIsAnAuditTierFindingThatConfigCanTurnOff() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let root = work.appendingPathComponent("service")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try """
        import os

        def archive(folder):
            os.system("tar -czf backup.tgz " + folder)

        def run(command):
            os.system(command)
        """.write(to: root.appendingPathComponent("jobs.py"), atomically: true, encoding: .utf8)
        let (_, first) = try audit(root, ["--fail-on", "none"])
        let audited = try #require(first).findings.filter { $0.ruleId == "input-validation/command-injection-python" }
        #expect(audited.map { "\($0.line) \($0.severity) \($0.properties?["tier"] ?? "-")" } == ["4 medium audit"],
                "the built command is reported, the bare one is not")
        #expect(audited.first?.message.contains("`folder`") == true)

        let sarif = try BackcheckProcess.run(["audit", root.path, "--db", db, "--format", "sarif", "--fail-on", "none"])
        #expect(sarif.stdout.contains("\"tier\" : \"audit\""), "SARIF results carry the tier")

        try "tiers: [confirmed]\n".write(to: root.appendingPathComponent(".backcheck.yml"), atomically: true, encoding: .utf8)
        let (_, second) = try audit(root, ["--fail-on", "none"])
        let after = try #require(second)
        #expect(!after.findings.contains { $0.ruleId == "input-validation/command-injection-python" })
        #expect(after.fixed.map(\.ruleId) == ["input-validation/command-injection-python"], "a new rule set re-analyses the file")

        try "tiers: [audit]\n".write(to: root.appendingPathComponent(".backcheck.yml"), atomically: true, encoding: .utf8)
        let (refused, _) = try audit(root, ["--fail-on", "none"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains(".backcheck.yml:1") && refused.stderr.contains("confirmed"), "\(refused.stderr)")
    }

    @Test func binaryLargeAndBrokenFilesAreSkippedNotFatal() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let root = work.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data([0x70, 0x79, 0x00, 0x01, 0x02]).write(to: root.appendingPathComponent("blob.py"))
        try Data(repeating: UInt8(ascii: "a"), count: 2_000_000).write(to: root.appendingPathComponent("huge.js"))
        try Data([0x78, 0x20, 0x3D, 0x20, 0x22, 0xFF, 0xFE, 0x0A, 0x27, 0x27, 0x27]).write(to: root.appendingPathComponent("bad.py"))
        let (result, document) = try audit(root, ["--fail-on", "none"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(document != nil)
        #expect(result.stdout.contains("\"reason\" : \"binary\""))
        #expect(result.stdout.contains("too large"))
    }

    /// The shapes that once hung or crashed a stage, in one tree: each is analysed or skipped
    /// with its reason, and the audit completes (how long each stage may take is a step count,
    /// asserted by the engine's and parser's own tests, not a time).
    @Test func aHostileTreeIsAuditedWithEverySkipExplained() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let root = work.appendingPathComponent("hostile")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws {
            try text.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try write("wide.sql", "CREATE TABLE wide (\n" + (0..<50_000).map { "  c\($0) INTEGER" }.joined(separator: ",\n") + "\n);\n")
        try write("bundle.js", "var a=" + String(repeating: "function(){try{x()}catch(e){}},", count: 30_000) + "0;\n")
        try write("nested.py", "x = " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n")
        try write("long.py", "def f():\n" + String(repeating: "    y = 1\n", count: 100_000))
        try Data("x = '\u{FF}".utf8 + [0xFF, 0xFE] + Array(" unterminated\n".utf8)).write(to: root.appendingPathComponent("broken.py"))
        #expect(mkfifo(root.appendingPathComponent("pipe.py").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("loop").path, withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("outside.py").path, withDestinationPath: "/etc/passwd")
        let result = try BackcheckProcess.run(["audit", root.path, "--db", db, "--format", "json", "--fail-on", "none"])
        #expect(result.status == 0, "\(result.stderr)")
        struct Report: Decodable {
            struct Skip: Decodable { var path: String; var reason: String }
            var findings: [Entry]
            var skipped: [Skip]
        }
        let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
        let reasons = Dictionary(uniqueKeysWithValues: report.skipped.map { ($0.path, $0.reason) })
        #expect(reasons["pipe.py"] == "not a regular file")
        #expect(reasons["outside.py"] == "symlink (not followed)")
        #expect(reasons["bundle.js"]?.hasPrefix("minified") == true)
        #expect(report.findings.contains { $0.path == "wide.sql" && $0.ruleId == "query-performance/table-without-primary-key" })
        #expect(!result.stdout.contains("root:x:0:0"), "nothing is read through a symlink")
    }

    @Test func databaseInsideTheRootIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let root = try sampleCopy()
        let result = try BackcheckProcess.run(["audit", root.path, "--db", root.appendingPathComponent("x.sqlite").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("inside the scanned root"))
    }

    @Test func usageAndConfigErrorsExitWithTwo() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        #expect(try BackcheckProcess.run(["audit", "--no-such-flag"]).status == 2)
        #expect(try BackcheckProcess.run(["audit", work.appendingPathComponent("missing").path, "--db", db]).status == 2)
        let root = try sampleCopy()
        try "exclude: [a\nfail-on: sometimes\n".write(to: root.appendingPathComponent(".backcheck.yml"), atomically: true, encoding: .utf8)
        let broken = try BackcheckProcess.run(["audit", root.path, "--db", db])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains(".backcheck.yml:"))
    }
}

extension AuditCommandTests {
    /// backcheck must pass its own checklist.
    @Test func backcheckSourcesPassTheirOwnChecklist() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let (result, document) = try audit(TestSupport.packageRoot.appendingPathComponent("Sources"), ["--fail-on", "info"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(document?.findings.isEmpty == true)
    }
}
