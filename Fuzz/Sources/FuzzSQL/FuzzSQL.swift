import BackcheckModel
import BackcheckRules
import BackcheckSQL
import FuzzDriver

/// The pack's schema analyzers (missing indexes, keys, sensitive columns...), compiled once.
let schemaRules: [Rule] = {
    do {
        return try RuleSet.builtIn().rules.map(\.rule).filter(SchemaAnalysis.implements)
    } catch {
        fatalError("the built-in pack does not load: \(error)")
    }
}()

/// One input as a SQL file (DDL parser, statement splitter, query scan) or, when the first byte
/// is odd, as Python whose strings carry SQL; then the schema step over its facts. Nothing may
/// crash or hang, the facts must survive the store's JSON round trip, and findings lie in the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = fuzzBytes(data, size)
    guard let selector = input.first else { return 0 }
    let bytes = Array(input.dropFirst())
    let (path, language): (String, Language) = selector & 1 == 0 ? ("db/schema.sql", .sql) : ("app/models.py", .python)
    guard let facts = SQLFactExtractor.extract(path: path, bytes: bytes, language: language) else { return 0 }
    precondition(SQLFileFacts(json: facts.json) == facts, "facts changed through their JSON form")
    let lines = LineStarts(bytes).offsets.count
    for finding in SchemaAnalysis.findings(facts: [facts], rules: schemaRules, lineText: { _, _ in "" }) {
        precondition(finding.line >= 1 && finding.line <= lines, "\(finding.ruleId) reported line \(finding.line) of \(lines)")
    }
    return 0
}

@_cdecl("FuzzSQL_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    // Loaded before the first input: LeakSanitizer cannot see pointers Swift packs into enum
    // payloads, so a pack compiled during an input would read as leaked.
    _ = schemaRules
    return runFuzzer(argc, argv, fuzzOne)
}
