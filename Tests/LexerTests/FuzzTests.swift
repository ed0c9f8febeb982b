import BackcheckLexer
import Testing
import TestSupport
import BackcheckModel

/// Random inputs biased toward the bytes that open and close constructs, plus every truncation
/// of realistic samples: no crash, and every buffer keeps its structural invariants.
struct FuzzTests {
    static let alphabet: [UInt8] = Array("\"'`$#{}[]()/*\\\n\r<?>%@:=-!.;, \tabcEOSrfx0123456789_~".utf8) + [0x00, 0xC3, 0xA9, 0xFF, 0xEF, 0xBB, 0xBF]

    static func randomInput(_ rng: inout SplitMix64) -> [UInt8] {
        // Mostly short inputs keep the debug-build run fast; one in sixteen is up to 2000 bytes.
        let r = rng.next()
        let length = Int(r % 16 == 0 ? (r >> 4) % 2001 : (r >> 4) % 200)
        return (0..<length).map { _ in
            let r = rng.next()
            return r % 8 == 0 ? UInt8(truncatingIfNeeded: r >> 8) : alphabet[Int((r >> 8) % UInt64(alphabet.count))]
        }
    }

    static func check(_ bytes: [UInt8], _ language: Language, _ mode: LexMode) {
        let buffer = Lexer.tokenize(bytes, language: language, mode: mode)
        if let problem = TokenInvariants.violation(in: buffer, count: bytes.count) {
            Issue.record("\(language) \(mode): \(problem) in \(bytes)")
        }
    }

    /// Generated once and shared by every language; even inputs lex as source, odd as patterns.
    static let randomInputs: [[UInt8]] = {
        var rng = SplitMix64(state: 0x5EED)
        return (0..<2000).map { _ in randomInput(&rng) }
    }()

    @Test(arguments: Language.allCases)
    func randomBytes(language: Language) {
        for (i, input) in Self.randomInputs.enumerated() {
            Self.check(input, language, i % 2 == 0 ? .source : .pattern)
        }
    }

    @Test(arguments: Language.allCases)
    func everyTruncation(language: Language) {
        for sample in FuzzSamples.all {
            let bytes = Array(sample.utf8)
            // Adjacent prefixes differ by one byte, so alternating the mode covers both cheaply.
            for length in 0...bytes.count {
                Self.check(Array(bytes[..<length]), language, length % 2 == 0 ? .source : .pattern)
            }
        }
    }
}
