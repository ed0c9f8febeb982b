@testable import BackcheckAPI
import BackcheckLexer
import BackcheckModel
import BackcheckRules
import Testing

/// Route, document and test facts and every api-docs and testing analyzer over them, on the
/// shapes that would make pairwise comparison quadratic, at two sizes: the steps counted
/// (``WorkMeter``) grow at most linearly. A count, not a time.
@Suite struct APIComplexityTests {
    struct Shape: Sendable, CustomStringConvertible {
        var description: String
        var files: @Sendable (Int) -> [(String, String)]
    }

    static func document(_ paths: [String]) -> String {
        "openapi: 3.0.3\ninfo: {title: t, version: \"1\"}\npaths:\n" + paths.enumerated().map { index, path in
            "  \(path):\n    get:\n      operationId: op\(index)\n      responses: {\"200\": {description: ok}, \"404\": {description: no}}\n"
        }.joined()
    }

    static let shapes: [Shape] = [
        Shape(description: "n routes, n documented operations, n tests requesting them") { n in
            [("app.py", "from flask import Flask\napp = Flask(__name__)\n" + (0..<n).map { "@app.get(\"/r\($0)/<int:id>\")\ndef h\($0)(id): ...\n" }.joined()),
             ("openapi.yaml", document((0..<n).map { "/r\($0)/{id}" })),
             ("tests/test_app.py", (0..<n).map { "def test_\($0)(client):\n    assert client.get(\"/r\($0)/7\").status_code == 200\n" }.joined())]
        },
        Shape(description: "n routes on an unmounted router against n operations under a prefix") { n in
            [("routes/items.js", "const router = express.Router();\n" + (0..<n).map { "router.get('/i\($0)/:id', h\($0));\n" }.joined()),
             ("openapi.yaml", document((0..<n).map { "/api/i\($0)/{id}" })),
             ("test/items.test.js", (0..<n).map { "it('t\($0)', async () => { await request(app).get(`/api/i\($0)/${id}`).expect(200); });\n" }.joined())]
        },
        Shape(description: "n undocumented routes whose parameters sit elsewhere") { n in
            [("app.py", "from flask import Flask\napp = Flask(__name__)\n" + (0..<n).map { "@app.get(\"/u/<int:id>/o\($0)\")\ndef h\($0)(id): ...\n" }.joined()),
             ("openapi.yaml", document((0..<n).map { "/u/o\($0)/{id}" }))]
        },
    ]

    static let rules: [Rule] = {
        (try? RuleSet.builtIn().rules.map(\.rule).filter(APIAnalysis.implements)) ?? []
    }()

    static func steps(_ files: [(String, String)]) -> Int {
        WorkMeter.measure {
            let facts = files.compactMap { path, text -> APIFileFacts? in
                let bytes = Array(text.utf8)
                if path.hasSuffix(".yaml") { return try? APIFactExtractor.document(path: path, bytes: bytes, load: { _ in nil }) }
                let language: Language = path.hasSuffix(".js") ? .javascript : .python
                let role: FileRole = path.hasPrefix("test") ? .test : .source
                return APIFactExtractor.extract(path: path, bytes: bytes, language: language, role: role)
            }
            return APIAnalysis.findings(facts: facts, rules: rules, lineText: { _, _ in "" }).count
        }.steps
    }

    @Test(arguments: shapes)
    func stepsGrowLinearly(shape: Shape) {
        #expect(!Self.rules.isEmpty)
        let smallSteps = Self.steps(shape.files(500)), largeSteps = Self.steps(shape.files(2_000))
        #expect(smallSteps > 0)
        // Four times the input: at most about four times the steps (quadratic work would be 16×).
        #expect(Double(largeSteps) <= 5.0 * Double(smallSteps), "\(smallSteps) → \(largeSteps) steps")
    }
}
