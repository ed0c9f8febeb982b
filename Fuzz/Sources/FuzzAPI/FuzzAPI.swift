import BackcheckAPI
import BackcheckLexer
import BackcheckModel
import BackcheckRules
import FuzzDriver

/// The pack's api-docs and testing rules, loaded once.
let apiRules: [Rule] = {
    do {
        return try RuleSet.builtIn().rules.map(\.rule).filter(APIAnalysis.implements)
    } catch {
        fatalError("the built-in pack does not load: \(error)")
    }
}()

/// Where each language's routes and tests live: extractors read some files by path (Django
/// `urls.py`, Rails `config/routes.rb`, Laravel `routes/*.php`, Go `_test.go`).
let sourcePaths: [(String, Language)] = [
    ("shop/urls.py", .python), ("app/main.py", .python), ("server/app.js", .javascript), ("src/app.ts", .typescript),
    ("main.go", .go), ("src/main/java/App.java", .java), ("src/main/kotlin/App.kt", .kotlin),
    ("Controllers/AppController.cs", .csharp), ("routes/api.php", .php), ("config/routes.rb", .ruby),
    ("Sources/App/routes.swift", .swift),
]
let testPaths: [(String, Language)] = [
    ("tests/test_app.py", .python), ("test/app.test.js", .javascript), ("test/app.spec.ts", .typescript),
    ("app_test.go", .go), ("src/test/java/AppTest.java", .java), ("src/test/kotlin/AppTest.kt", .kotlin),
    ("tests/AppTests.cs", .csharp), ("tests/AppTest.php", .php), ("spec/app_spec.rb", .ruby),
    ("Tests/AppTests/AppTests.swift", .swift),
]

/// One input as the first byte selects: a source file (route facts), a test file (test facts)
/// or an OpenAPI document whose `$ref`s to other files read the input again; then every api-docs
/// and testing analyzer over the facts. Nothing may crash or hang, facts must survive the
/// store's JSON round trip, and findings must lie inside the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = fuzzBytes(data, size)
    guard let selector = input.first else { return 0 }
    let bytes = Array(input.dropFirst())
    let facts: APIFileFacts?
    let choice = Int(selector) % (sourcePaths.count + testPaths.count + 1)
    if choice < sourcePaths.count {
        let (path, language) = sourcePaths[choice]
        facts = RouteExtraction.facts(path: path, file: LexedFile(bytes: bytes, language: language)).map { APIFileFacts(path: path, routes: $0) }
    } else if choice < sourcePaths.count + testPaths.count {
        let (path, language) = testPaths[choice - sourcePaths.count]
        facts = APIFactExtractor.extract(path: path, bytes: bytes, language: language, role: .test)
    } else {
        let text = String(decoding: bytes, as: UTF8.self)
        facts = try? APIFactExtractor.document(path: "docs/openapi.yaml", bytes: bytes, load: { _ in text })
    }
    guard let facts else { return 0 }
    precondition(APIFileFacts(json: facts.json) == facts, "facts changed through their JSON form")
    let lines = LineStarts(bytes).offsets.count
    for finding in APIAnalysis.findings(facts: [facts], rules: apiRules, lineText: { _, _ in "" }) where finding.path == facts.path {
        precondition(finding.line >= 1 && finding.line <= lines, "\(finding.ruleId) reported line \(finding.line) of \(lines)")
    }
    return 0
}

@_cdecl("FuzzAPI_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    // Loaded before the first input, for LeakSanitizer's sake (see FuzzSQL).
    _ = apiRules
    return runFuzzer(argc, argv, fuzzOne)
}
