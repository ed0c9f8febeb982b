import BackcheckLexer
import BackcheckModel
import Testing

/// Every language lexed on hostile shapes at two sizes: the steps counted (``WorkMeter``: loop
/// iterations and look-ahead reads) grow at most linearly with the input. Runs of quotes,
/// of Swift `#` and of C# `$` once cost their square (a 20,000-byte run of `#` took 12 s).
@Suite struct LexerComplexityTests {
    /// Units repeated to make an input, each a shape some language reads with look-ahead:
    /// quote runs, raw-string and interpolation prefixes, heredoc openers, regex and comment
    /// starts, brackets and interpolations nested, line continuations.
    static let units = [
        "\"", "'", "`", "#", "$", "$$", "@", "$@", "/", "x /", "/*", "--", "\\\n", "<<A\n", "<<~A\n", "<<<EOT\n",
        "%q", "%(", "$a$", "#\"", "@\"", "r\"", "f\"{", "${", "#{", "\\(", "(", "[", "{", "a<", "?", "=begin\n",
        "<?php ?>", "e'", "q'", "u8\"", "f\"{x:", "\"a\" + ", "def f():\n    ",
    ]

    static func steps(_ unit: String, _ count: Int, _ language: Language) -> Int {
        let bytes = Array(String(repeating: unit, count: count).utf8)
        return WorkMeter.measure { Lexer.tokenize(bytes, language: language).tokens.count }.steps
    }

    @Test(arguments: Language.allCases)
    func stepsGrowLinearly(language: Language) {
        for unit in Self.units {
            let small = Self.steps(unit, 2_000, language), large = Self.steps(unit, 8_000, language)
            #expect(small > 0)
            #expect(Double(large) <= 5.0 * Double(small), "\(unit.debugDescription): \(small) → \(large) steps")
            #expect(large <= 16 * 8_000 * unit.utf8.count, "\(unit.debugDescription): \(large) steps")
        }
    }
}
