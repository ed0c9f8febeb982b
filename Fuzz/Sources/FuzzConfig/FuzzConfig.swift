import BackcheckConfig
import FuzzDriver

/// One input as a repository's `.backcheck.yml` over the defaults: it either applies or gives an
/// error naming the file (and a line of it), never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    // YAML breaks lines at a lone CR too.
    let lines = bytes.count(where: { $0 == 0x0A || $0 == 0x0D }) + 1
    var config = Configuration()
    do {
        try ConfigLoader.apply(text, file: ".backcheck.yml", to: &config)
    } catch {
        precondition(error.file == ".backcheck.yml", "an error names another file: \(error)")
        if let line = error.line {
            precondition(line >= 1 && line <= lines + 1, "an error names line \(line) of \(lines): \(error)")
        }
    }
    return 0
}

@_cdecl("FuzzConfig_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzOne)
}
