import BackcheckAnalysis
import BackcheckStore
import Foundation
import Testing
import BackcheckModel

@Suite struct FindingQueryTests {
    /// Five findings over three files, checklist items, rules and severities.
    func populated() throws -> TestStore {
        let test = try TestStore()
        func finding(_ fingerprint: String, _ path: String, _ line: Int, _ severity: Severity, rule: String, checklist: ChecklistItem,
                     role: FileRole = .source) -> Finding {
            var finding = Fixture.finding(fingerprint, path: path, line: line, severity: severity)
            finding.ruleId = rule
            finding.checklist = checklist
            finding.fileRole = role
            return finding
        }
        let stay = [
            Fixture.analyzed("payments/api/charge.py", [
                finding("p1", "payments/api/charge.py", 3, .critical, rule: "sensitive-data/hardcoded-stripe-live-key", checklist: .sensitiveData),
                finding("p2", "payments/api/charge.py", 9, .high, rule: "logging/secret-in-log-python", checklist: .logging),
            ]),
            Fixture.analyzed("payments/models.py", [finding("p3", "payments/models.py", 1, .medium, rule: "sensitive-data/weak-hash-of-secret-python", checklist: .sensitiveData, role: .migration)]),
            Fixture.analyzed("web/[id].js", [finding("w1", "web/[id].js", 5, .low, rule: "logging/secret-in-log-javascript", checklist: .logging)]),
        ]
        // w2 is open after the first scan and fixed by the second.
        try test.scan(stay + [Fixture.analyzed("web/old.js", [finding("w2", "web/old.js", 5, .high, rule: "logging/secret-in-log-javascript", checklist: .logging)])])
        try test.scan(stay + [Fixture.analyzed("web/old.js", [])])
        return test
    }

    func fingerprints(_ test: TestStore, _ query: FindingQuery) throws -> [String] {
        try test.store.findings(matching: query).map(\.finding.fingerprint)
    }

    @Test(arguments: [
        (FindingQuery(), ["p1", "p2", "p3", "w1"]),
        (FindingQuery(root: Fixture.root), ["p1", "p2", "p3", "w1"]),
        (FindingQuery(root: "/elsewhere"), []),
        (FindingQuery(checklist: .logging), ["p2", "w1"]),
        (FindingQuery(ruleId: "logging/secret-in-log-javascript"), ["w1"]),
        (FindingQuery(ruleId: "sensitive-data/*"), ["p1", "p3"]),
        (FindingQuery(minimumSeverity: .high), ["p1", "p2"]),
        (FindingQuery(role: .migration), ["p3"]),
        (FindingQuery(role: .source), ["p1", "p2", "w1"]),
        (FindingQuery(role: .test), []),
        (FindingQuery(path: PathPattern(typed: "payments/**")), ["p1", "p2", "p3"]),
        (FindingQuery(path: PathPattern(typed: "payments/*.py")), ["p3"]),
        (FindingQuery(path: PathPattern(typed: "payments/**/*.py")), ["p1", "p2", "p3"]),
        (FindingQuery(path: PathPattern(typed: "api/")), ["p1", "p2"]),
        (FindingQuery(path: PathPattern(typed: "charge.py")), ["p1", "p2"]),
        (FindingQuery(path: PathPattern(typed: "payments/api")), ["p1", "p2"]),
        (FindingQuery(path: PathPattern(typed: "./payments/api/")), ["p1", "p2"]),
        (FindingQuery(path: PathPattern(typed: "web/[id].js")), []),
        (FindingQuery(path: PathPattern(typed: "web/[[]id].js")), ["w1"]),
        (FindingQuery(path: PathPattern(typed: "*.js")), ["w1"]),
        (FindingQuery(path: PathPattern(typed: "pay")), []),
        (FindingQuery(statuses: [.fixed]), ["w2"]),
        (FindingQuery(statuses: Set(FindingStatus.allCases), order: .path), ["p1", "p2", "p3", "w1", "w2"]),
        (FindingQuery(order: .rule), ["w1", "p2", "p1", "p3"]),
        (FindingQuery(limit: 2), ["p1", "p2"]),
        (FindingQuery(checklist: .sensitiveData, minimumSeverity: .critical, path: PathPattern(typed: "payments/")), ["p1"]),
        (FindingQuery(since: Date(timeIntervalSinceNow: 3600)), []),
        (FindingQuery(since: Date(timeIntervalSinceNow: -3600)), ["p1", "p2", "p3", "w1"]),
        (FindingQuery(statuses: [.fixed], since: Date(timeIntervalSinceNow: -3600)), ["w2"]),
    ])
    func filtersCombine(query: FindingQuery, expected: [String]) throws {
        let test = try populated()
        defer { test.directory.remove() }
        #expect(try fingerprints(test, query) == expected)
        var unlimited = query
        unlimited.limit = nil
        #expect(try test.store.count(matching: unlimited) == (try fingerprints(test, unlimited)).count)
    }

    @Test func findingsByIdOrFingerprintPrefix() throws {
        let test = try TestStore()
        defer { test.directory.remove() }
        try test.scan([Fixture.analyzed("a.py", [Fixture.finding("abcdef01"), Fixture.finding("abcdef02", line: 2)])])
        let all = try test.findings()
        let first = try #require(all.first { $0.finding.fingerprint == "abcdef01" })
        #expect(try test.store.findings(reference: String(first.id)).map(\.id) == [first.id])
        #expect(try test.store.findings(reference: "abcdef01").map(\.id) == [first.id])
        #expect(try test.store.findings(reference: "abcdef").count == 2)
        #expect(try test.store.findings(reference: "abc").isEmpty, "too short to be a fingerprint")
        #expect(try test.store.findings(reference: "zz*").isEmpty)
    }

    /// A fingerprint is hex and may start with digits only; digits that name no row id are taken
    /// as a fingerprint prefix (the flake an all-digit prefix in `show` used to be).
    @Test func allDigitFingerprintPrefixesAreFound() throws {
        let test = try TestStore()
        defer { test.directory.remove() }
        try test.scan([Fixture.analyzed("a.py", [Fixture.finding("4096123abc")])])
        let only = try #require(try test.findings().first)
        #expect(try test.store.findings(reference: "4096123").map(\.id) == [only.id])
        #expect(try test.store.findings(reference: String(only.id)).map(\.id) == [only.id])
    }
}
