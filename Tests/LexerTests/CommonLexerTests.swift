import BackcheckLexer
import Testing
import BackcheckModel

/// Behaviour shared by every language.
struct CommonLexerTests {
    @Test(arguments: Language.allCases)
    func ellipsisAndMetavariablesInPatternMode(language: Language) {
        let lexed = Lexed("foo($ARG_1, ...)", language, mode: .pattern)
        #expect(lexed.rendered == ["id foo", "punct (", "id $ARG_1", "punct ,", "punct ...", "punct )"])
        #expect(Lexed("$_ + $X", language, mode: .pattern).rendered == ["id $_", "punct +", "id $X"])
    }

    @Test(arguments: Language.allCases)
    func byteOrderMarkIsSkipped(language: Language) {
        let lexed = Lexed(bytes: [0xEF, 0xBB, 0xBF] + Array("x = 1".utf8), language, mode: .pattern)
        #expect(lexed.rendered == ["id x", "punct =", "num 1"])
        #expect(lexed.tokens[0].start == 3 && lexed.tokens[0].line == 1 && lexed.tokens[0].flags.contains(.startsLine))
    }

    @Test(arguments: Language.allCases)
    func lineBreaksAreLFCRLFAndLoneCR(language: Language) {
        let lexed = Lexed("a\nb\r\nc\rd\n\ne", language, mode: .pattern)
        #expect(lexed.buffer.lineStarts.offsets == [0, 2, 5, 7, 9, 10])
        #expect(lexed.lines == [1, 2, 3, 4, 6])
        #expect(lexed.lineStarts == ["a", "b", "c", "d", "e"])
    }

    @Test(arguments: Language.allCases)
    func emptyAndDegenerateInputs(language: Language) {
        #expect(Lexed("", language).tokens.isEmpty)
        #expect(Lexed("", language).buffer.lineStarts.offsets == [0])
        for input: [UInt8] in [[0], [0xFF, 0xFE], [0xEF, 0xBB], [0x22], [0x5C], [0x24, 0x7B], [0x3C, 0x3C, 0x3C]] {
            let buffer = Lexer.tokenize(input, language: language)
            #expect(TokenInvariants.violation(in: buffer, count: input.count) == nil)
        }
    }

    @Test(arguments: Language.allCases)
    func bracketsPairInBothDirections(language: Language) {
        let lexed = Lexed("f(a[b{c}]) ]", language, mode: .pattern)
        #expect(lexed.pairs.map { "\($0.0)-\($0.1)" } == ["1-9", "3-8", "5-7"])
        #expect(lexed.tokens[10].flags.contains(.unbalanced) && !lexed.tokens[10].hasPartner)
    }

    @Test func languageFromExtensionAndShebang() {
        #expect(Language.forExtension("PY") == .python && Language.forExtension("tsx") == .typescript)
        #expect(Language.forExtension("txt") == nil)
        #expect(Language.forShebang(Array("#!/usr/bin/env python3".utf8)) == .python)
        #expect(Language.forShebang(Array("#!/bin/sh".utf8)) == nil)
    }
}
