import BackcheckLexer
import BackcheckModel
import FuzzDriver

/// One input, lexed as every language: the lexer must neither crash nor hang on any bytes, and
/// every bracket's partner must point back at it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    for language in Language.allCases {
        let file = LexedFile(bytes: bytes, language: language)
        let tokens = file.buffer.tokens
        for (index, token) in tokens.enumerated() where token.hasPartner {
            let partner = Int(token.partner)
            precondition(partner < tokens.count && Int(tokens[partner].partner) == index, "unpaired bracket at token \(index)")
            precondition(Int(token.end) <= bytes.count, "token past the end of the input")
        }
    }
    return 0
}

@_cdecl("FuzzLexer_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzOne)
}
