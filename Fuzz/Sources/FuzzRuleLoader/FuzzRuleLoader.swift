import BackcheckAnalysis
import BackcheckRules
import FuzzDriver

/// One input as a custom rule file: loading and compiling must either succeed or give an error
/// at a line of the file, never crash; a rule that compiles then runs its own examples, so
/// fuzzed patterns, regexes and taint specifications reach the matcher too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    // YAML breaks lines at a lone CR too.
    let lines = bytes.count(where: { $0 == 0x0A || $0 == 0x0D }) + 1
    do {
        let rule = try CompiledRule(try RuleLoader.load(yaml: text, file: "rules/fuzz.yml", expectedId: nil))
        _ = RuleExampleRunner.check(rule.rule, with: .patterns(rule))
    } catch {
        precondition(error.file == "rules/fuzz.yml", "an error names another file: \(error)")
        if let line = error.line {
            precondition(line >= 1 && line <= lines + 1, "an error names line \(line) of \(lines): \(error)")
        }
    }
    return 0
}

@_cdecl("FuzzRuleLoader_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzOne)
}
