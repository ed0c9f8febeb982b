import Foundation
import Testing
import TestSupport

/// File roles through the real binary: vendored and minified files skipped with their reason,
/// test files spared the secret rules, `roles:` and `skip-roles:` honoured, the role in
/// `findings` and SARIF.
@Suite(.serialized) struct FileRoleCommandTests {
    let work: URL
    let root: URL
    let db: String

    /// The same planted AWS key in source and in a test; an empty catch in a vendored package,
    /// a vendored library, a library copied in with its own licence and a minified bundle.
    init() throws {
        work = try TestSupport.temporaryDirectory("roles")
        root = work.appendingPathComponent("repo")
        db = work.appendingPathComponent("state/backcheck.sqlite").path
        let secret = "AWS_ACCESS_KEY_ID = \"AKIAIOSFODNN7EXAMPLF\"\n"
        let emptyCatch = "function load() { try { run() } catch (e) {} }\n"
        try write("src/app.py", secret)
        try write("tests/test_x.py", secret)
        try write("node_modules/left-pad/index.js", emptyCatch)
        try write("static/js/libs/ace/ace.js", emptyCatch)
        try write("public/bundle.js", String(repeating: "function f(){try{g()}catch(e){}};", count: 200) + "\n")
        try write("public/app.min.js", emptyCatch)
        try write("LICENSE", "GNU AFFERO GENERAL PUBLIC LICENSE\n")
        try write("lib/querykit/LICENSE", "MIT License\nCopyright (c) 2015 Someone Else\n")
        try write("lib/querykit/db.js", emptyCatch)
        // node_modules/ is left out of the walk by default; walked, it is skipped as vendored.
        try write(".backcheck.yml", "exclude: []\n")
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try BackcheckProcess.run(arguments + ["--db", db], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func audit(_ format: String = "json") throws -> [String: Any] {
        try json(["audit", root.path, "--fail-on", "none", "--format", format])
    }

    static func findings(_ document: [String: Any]) -> [[String: Any]] {
        document["findings"] as? [[String: Any]] ?? []
    }

    @Test func onlyTheSourceSecretIsReportedAndThirdPartyCodeIsSkippedWithItsReason() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let report = try audit()
        let reported = Self.findings(report).map { "\($0["path"] ?? "") \($0["ruleId"] ?? "") \($0["fileRole"] ?? "")" }
        #expect(reported == ["src/app.py sensitive-data/hardcoded-aws-access-key source"])
        let skipped = (report["skipped"] as? [[String: String]] ?? []).map { "\($0["path"] ?? ""): \($0["reason"] ?? "")" }
        #expect(skipped == [
            "lib/querykit/db.js: vendored (own licence lib/querykit/LICENSE)",
            "node_modules/left-pad/index.js: vendored (node_modules/)",
            "public/app.min.js: minified (*.min.js)",
            "public/bundle.js: minified (line of 7 KB)",
            "static/js/libs/ace/ace.js: vendored (**/static/**/libs/)",
        ])

        let stored = Self.findings(try json(["findings", "--format", "json"]))
        #expect(stored.map { $0["fileRole"] as? String } == ["source"])
        let csv = try BackcheckProcess.run(["findings", "--format", "csv", "--db", db], in: root)
        #expect(csv.stdout.hasPrefix("id,") && csv.stdout.split(separator: "\r\n").first?.hasSuffix(",file_role") == true)
        #expect(csv.stdout.split(separator: "\r\n").dropFirst().allSatisfy { $0.hasSuffix(",source") })

        let sarif = try audit("sarif")
        let runs = try #require(sarif["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        #expect(results.compactMap { ($0["properties"] as? [String: Any])?["fileRole"] as? String } == ["source"])
    }

    @Test func configReclassifiesAndIncludesSkippedRolesBack() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        try write(".backcheck.yml", """
            exclude: []
            roles:
              source: ["tests/test_x.py"]
              migration: ["src/app.py"]
              vendored: ["public/"]
            skip-roles: [generated, minified]

            """)
        let report = try audit()
        let reported = Set(Self.findings(report).map { "\($0["path"] ?? "") \($0["ruleId"] ?? "") \($0["fileRole"] ?? "")" })
        // A secret in a migration ships with it: sensitive-data rules apply to migrations.
        #expect(reported == [
            "src/app.py sensitive-data/hardcoded-aws-access-key migration",
            "tests/test_x.py sensitive-data/hardcoded-aws-access-key source",
            "node_modules/left-pad/index.js error-handling/empty-catch-javascript vendored",
            "static/js/libs/ace/ace.js error-handling/empty-catch-javascript vendored",
            "public/bundle.js error-handling/empty-catch-javascript vendored",
            "public/app.min.js error-handling/empty-catch-javascript vendored",
            "lib/querykit/db.js error-handling/empty-catch-javascript vendored",
        ])
        #expect((report["skipped"] as? [Any])?.isEmpty == true)

        let sarif = try audit("sarif")
        let runs = try #require(sarif["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        #expect(Set(results.compactMap { ($0["properties"] as? [String: Any])?["fileRole"] as? String }) == ["migration", "source", "vendored"])

        // Back to the defaults: the test file's finding is fixed, the vendored ones too.
        try write(".backcheck.yml", "exclude: []\n")
        let again = try audit()
        #expect(Self.findings(again).map { $0["path"] as? String } == ["src/app.py"])
        #expect(Set((again["fixed"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String })
            == ["tests/test_x.py", "node_modules/left-pad/index.js", "static/js/libs/ace/ace.js", "public/bundle.js", "public/app.min.js",
                "lib/querykit/db.js"])
    }

    @Test func byDefaultVendorFoldersAreNotWalkedAndMinifiedFilesAreListed() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.removeItem(at: root.appendingPathComponent(".backcheck.yml"))
        let skipped = (try audit()["skipped"] as? [[String: String]] ?? []).compactMap { $0["path"] }
        #expect(skipped == ["lib/querykit/db.js", "public/app.min.js", "public/bundle.js", "static/js/libs/ace/ace.js"])
    }

    @Test func badRoleConfigurationIsAUsageError() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        try write(".backcheck.yml", "roles:\n  thirdparty: [\"x/\"]\n")
        let result = try BackcheckProcess.run(["audit", root.path, "--db", db], in: root)
        #expect(result.status == 2)
        #expect(result.stderr.contains(".backcheck.yml:2: unknown role `thirdparty` in `roles`"), "\(result.stderr)")
    }
}
