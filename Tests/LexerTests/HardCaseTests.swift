import BackcheckLexer
import Testing
import BackcheckModel

/// The hard cases every language shares, spelled in each language's syntax.
struct HardCaseTests {
    @Test(arguments: LanguageSyntax.all)
    func invalidUTF8InIdentifiersStringsAndComments(syntax: LanguageSyntax) {
        let bytes = Array("\(syntax.prefix)a".utf8) + [0xFF] + Array(" = \(syntax.quote)".utf8) + [0xC0, 0xAF]
            + Array("\(syntax.quote) \(syntax.lineComment) ".utf8) + [0xF8] + Array("\nb \(syntax.quote)\u{E9}\(syntax.quote)".utf8)
        let lexed = Lexed(bytes: bytes, syntax.language)
        #expect(lexed.tokens.map(\.kind) == [.identifier, .punctuation, .string, .identifier, .string])
        #expect(lexed.tokens[0].flags.contains(.invalidUTF8) && lexed.tokens[0].length == 2)
        #expect(lexed.tokens[2].flags.contains(.invalidUTF8) && lexed.content(2).utf8.count == 6)
        #expect(!lexed.tokens[4].flags.contains(.invalidUTF8))
        #expect(lexed.buffer.comments.count == 1 && lexed.buffer.comments[0].flags.contains(.invalidUTF8))
        #expect(lexed.lines == [1, 1, 1, 2, 2])
    }

    @Test(arguments: LanguageSyntax.all)
    func unterminatedStringEndsAtEOF(syntax: LanguageSyntax) {
        let lexed = Lexed("\(syntax.prefix)x = \(syntax.quote)abc", syntax.language)
        #expect(lexed.rendered == ["id x", "punct =", "str \(syntax.quote)abc"])
        #expect(lexed.tokens[2].flags.contains(.unterminated) && lexed.content(2) == "abc")
    }

    @Test(arguments: LanguageSyntax.all.filter { $0.blockComment != nil })
    func unterminatedBlockCommentEndsAtEOF(syntax: LanguageSyntax) {
        let (open, _) = syntax.blockComment!
        let lexed = Lexed("\(syntax.prefix)x \(open) never\r\nclosed", syntax.language)
        #expect(lexed.rendered == ["id x"])
        #expect(lexed.commentTexts == ["\(open) never\r\nclosed"])
        #expect(lexed.buffer.comments[0].flags.contains(.unterminated))
    }

    @Test(arguments: LanguageSyntax.all.filter { $0.blockComment != nil })
    func blockCommentSpansLines(syntax: LanguageSyntax) {
        let (open, close) = syntax.blockComment!
        let lexed = Lexed("\(syntax.prefix)x \(open) a\r\nb\rc \(close) y\nz", syntax.language)
        #expect(lexed.rendered == ["id x", "id y", "id z"])
        #expect(lexed.lines == [1, 3, 4])
        #expect(lexed.lineStarts == ["x", "y", "z"])
    }

    @Test(arguments: LanguageSyntax.all)
    func multiLineStringWithCRLFKeepsLineNumbers(syntax: LanguageSyntax) {
        let lexed = Lexed("\(syntax.prefix)x = \(syntax.multiLineString)\r\ny", syntax.language)
        #expect(lexed.rendered == ["id x", "punct =", "str \(syntax.multiLineString)", "id y"])
        #expect(lexed.lines == [1, 1, 1, 3])
        #expect(lexed.content(2).hasSuffix("\r\nb"))
    }

    @Test(arguments: [
        (Language.kotlin, #""${"${a}"}""#),
        (.csharp, #"$"{$"{a}"}""#),
        (.php, #"<?php "{$x["{$a}"]}""#),
        (.typescript, "`${`${a}`}`"),
    ])
    func interpolationInsideInterpolation(language: Language, source: String) {
        let lexed = Lexed(source, language)
        let kinds = lexed.tokens.map(\.kind).filter { $0 != .punctuation && $0 != .identifier }
        #expect(kinds == [.stringStart, .interpolationOpen, .stringStart, .interpolationOpen, .interpolationClose,
                          .stringEnd, .interpolationClose, .stringEnd])
        #expect(lexed.rendered.contains("id a") || lexed.rendered.contains("id $a"))
        #expect(TokenInvariants.violation(in: lexed.buffer, count: lexed.bytes.count) == nil)
        #expect(lexed.pairs.count == lexed.tokens.filter { $0.hasPartner }.count / 2)
    }
}
