import BackcheckModel
@testable import BackcheckSQL
import Testing

/// The SQL stages (lexing, statement splitting, DDL and query parsing, fact extraction from
/// code, the schema model and every schema analyzer) on the hostile shapes, at two sizes: the
/// steps counted (``WorkMeter``) grow at most linearly with the input, and stay within a small
/// constant per input byte. A count, not a time: it fails the same way on a loaded machine.
@Suite struct ComplexityTests {
    /// One shape as (path, text) files at a size parameter.
    struct Shape: Sendable, CustomStringConvertible {
        var description: String
        var files: @Sendable (Int) -> [(String, String)]
    }

    static let shapes: [Shape] = [
        Shape(description: "a table of n columns") { n in
            [("schema.sql", "CREATE TABLE wide (\n" + (0..<n).map { "  c\($0) text" }.joined(separator: ",\n") + "\n);\n")]
        },
        Shape(description: "a table of n columns on one line, a query per column") { n in
            [("schema.sql", "CREATE TABLE wide (" + (0..<n).map { "c\($0) int" }.joined(separator: ", ") + ");"),
             ("queries.py", (0..<n).map { "db.execute(\"SELECT c0 FROM wide WHERE c\($0) = %s\", (v,))" }.joined(separator: "\n"))]
        },
        Shape(description: "n indexes and n foreign keys on one table") { n in
            [("schema.sql", "CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE t (id int PRIMARY KEY, "
                + (0..<n).map { "c\($0) int REFERENCES p (id)" }.joined(separator: ", ") + ");\n"
                + (0..<n).map { "CREATE INDEX i\($0) ON t (c\($0), id);" }.joined(separator: "\n"))]
        },
        Shape(description: "an INSERT of n rows") { n in
            [("data.sql", "CREATE TABLE t (a int, b text);\nINSERT INTO t VALUES "
                + (0..<n).map { "(\($0), 'v\($0)')" }.joined(separator: ",") + ";\n")]
        },
        Shape(description: "a query nested n deep") { n in
            [("deep.sql", "CREATE TABLE t (a int);\nSELECT a FROM t WHERE a IN "
                + String(repeating: "(SELECT a FROM t WHERE a IN ", count: n) + "(1)" + String(repeating: ")", count: n) + ";\n")]
        },
        Shape(description: "a query concatenated from n strings") { n in
            [("schema.sql", "CREATE TABLE t (a int, b int);"),
             ("q.py", "q = \"SELECT a FROM t WHERE b = 1\"" + String(repeating: " + \" AND a = 2\"", count: n) + "\ndb.execute(q)\n")]
        },
    ]

    /// Steps of extracting facts from every file and running the schema analyzers over them.
    static func steps(_ files: [(String, String)]) -> Int {
        WorkMeter.measure {
            let facts = files.map { path, text in
                let language: Language = path.hasSuffix(".py") ? .python : .sql
                return SQLFactExtractor.extract(path: path, bytes: Array(text.utf8), language: language)
                    ?? SQLFileFacts(path: path, dialect: .unknown, changes: [], queries: [])
            }
            let rules = SQLFixtures.pack.rules.map(\.rule).filter(SchemaAnalysis.implements)
            return SchemaAnalysis.findings(facts: facts, rules: rules, lineText: { _, _ in "" }).count
        }.steps
    }

    @Test(arguments: shapes)
    func stepsGrowLinearly(shape: Shape) {
        let small = shape.files(2_000), large = shape.files(8_000)
        let smallSteps = Self.steps(small), largeSteps = Self.steps(large)
        let largeBytes = large.reduce(0) { $0 + $1.1.utf8.count }
        #expect(smallSteps > 0)
        // Four times the input: at most about four times the steps (quadratic work would be 16×).
        #expect(Double(largeSteps) <= 5.0 * Double(smallSteps), "\(smallSteps) → \(largeSteps) steps")
        #expect(largeSteps <= 4 * largeBytes, "\(largeSteps) steps for \(largeBytes) bytes")
    }
}
