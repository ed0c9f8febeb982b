import BackcheckAnalysis
import BackcheckModel
import BackcheckRules
import FuzzDriver

/// The whole built-in pack, compiled once per process as an audit does.
let analyzer: FileAnalyzer = {
    do {
        return FileAnalyzer(rules: try RuleSet.builtIn(), secretKey: Array(repeating: 7, count: 32))
    } catch {
        fatalError("the built-in pack does not load: \(error)")
    }
}()

/// One input analysed by every rule of the pack: the first byte picks the language (and whether
/// the file is a test), the rest is the file. Matching, taint and the audit tier must neither
/// crash nor hang, and every finding must lie inside the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = fuzzBytes(data, size)
    guard let selector = input.first else { return 0 }
    let languages = Language.allCases
    let language = languages[Int(selector) % languages.count]
    let role: FileRole = selector >= 128 ? .test : .source
    let bytes = Array(input.dropFirst())
    let lines = LineStarts(bytes).offsets.count
    let analysis = analyzer.analyze(path: "src/fuzz", bytes: bytes, language: language, role: role)
    for finding in analysis.findings {
        precondition(finding.line >= 1 && finding.line <= lines, "\(finding.ruleId) reported line \(finding.line) of \(lines)")
    }
    _ = analyzer.sourceSummary(path: "src/fuzz", bytes: bytes, language: language, role: role)
    return 0
}

@_cdecl("FuzzMatcher_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    // Loaded before the first input: LeakSanitizer cannot see pointers Swift packs into enum
    // payloads, so a pack compiled during an input would read as leaked.
    _ = analyzer
    return runFuzzer(argc, argv, fuzzOne)
}
