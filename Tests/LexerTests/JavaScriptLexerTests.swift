import BackcheckLexer
import Testing

struct JavaScriptLexerTests {
    @Test func templateInsideTemplateInterpolation() {
        let lexed = Lexed("`a${ `b${c}` }d`", .javascript)
        #expect(lexed.rendered == [
            "sstart `", "seg a", "iopen ${", "sstart `", "seg b", "iopen ${", "id c", "iclose }", "send `", "iclose }",
            "seg d", "send `",
        ])
        #expect(lexed.tokens[0].partner == 11 && lexed.tokens[2].partner == 9 && lexed.tokens[3].partner == 8)
        #expect(lexed.buffer.contentRange(of: 0) == 1..<15)
    }

    @Test func objectLiteralBracesInsideInterpolation() {
        let lexed = Lexed("`${ {a: 1}.a }`", .typescript)
        #expect(lexed.rendered == [
            "sstart `", "iopen ${", "punct {", "id a", "punct :", "num 1", "punct }", "punct .", "id a", "iclose }", "send `",
        ])
        #expect(lexed.tokens[2].partner == 6)
    }

    @Test func templateWithoutInterpolationIsOneStringAcrossLines() {
        let lexed = Lexed("x = `a\n$b {c} \\${d}`;\ny", .javascript)
        #expect(lexed.rendered == ["id x", "punct =", "str `a\n$b {c} \\${d}`", "punct ;", "id y"])
        #expect(lexed.content(2) == "a\n$b {c} \\${d}")
        #expect(lexed.lines == [1, 1, 1, 2, 3])
    }

    @Test(arguments: [
        ("a = b / c / d", ["id a", "punct =", "id b", "punct /", "id c", "punct /", "id d"]),
        ("x = /ab+c/gi.test(s)", ["id x", "punct =", "regex /ab+c/gi", "punct .", "id test", "punct (", "id s", "punct )"]),
        ("return /[/]\\//", ["id return", "regex /[/]\\//"]),
        ("a[0] / 2 / (b) / 3", ["id a", "punct [", "num 0", "punct ]", "punct /", "num 2", "punct /", "punct (", "id b", "punct )", "punct /", "num 3"]),
        ("f(/=/, x) || /y/", ["id f", "punct (", "regex /=/", "punct ,", "id x", "punct )", "punct ||", "regex /y/"]),
        ("a /= 2", ["id a", "punct /=", "num 2"]),
        ("typeof /x/", ["id typeof", "regex /x/"]),
    ])
    func regexOrDivision(source: String, expected: [String]) {
        #expect(Lexed(source, .javascript).rendered == expected)
    }

    @Test func regexLiteralContentExcludesSlashesAndFlags() {
        let lexed = Lexed("r = /a\\/b/gi", .javascript)
        #expect(lexed.content(2) == "a\\/b")
    }

    @Test func unterminatedRegexStopsAtLineEnd() {
        let lexed = Lexed("x = /abc\ny", .javascript)
        #expect(lexed.rendered == ["id x", "punct =", "regex /abc", "id y"])
        #expect(lexed.tokens[2].flags.contains(.unterminated))
    }

    @Test func privateNamesDollarsAndDecorators() {
        let lexed = Lexed("@Component class A { #x = $el._y$; }", .typescript)
        #expect(lexed.rendered == [
            "punct @", "id Component", "id class", "id A", "punct {", "id #x", "punct =", "id $el", "punct .", "id _y$",
            "punct ;", "punct }",
        ])
    }

    @Test func operatorsAreLongestMatch() {
        let lexed = Lexed("a === b !== c ?. d ?? e ??= f => ...g ** h >>> i && j a?.5:1", .javascript)
        #expect(lexed.rendered.filter { $0.hasPrefix("punct") } == [
            "punct ===", "punct !==", "punct ?.", "punct ??", "punct ??=", "punct =>", "punct ...", "punct **",
            "punct >>>", "punct &&", "punct ?", "punct :",
        ])
        #expect(lexed.rendered.contains("num .5"))
    }

    @Test func typeScriptKeepsGenericClosersApart() {
        let lexed = Lexed("let m: Map<string, Array<number>>", .typescript)
        #expect(lexed.rendered.suffix(2) == ["punct >", "punct >"])
    }

    @Test func commentsGoToTheirOwnList() {
        let lexed = Lexed("a // one\n/* two\n */ b /* three", .javascript)
        #expect(lexed.rendered == ["id a", "id b"])
        #expect(lexed.commentTexts == ["// one", "/* two\n */", "/* three"])
        #expect(lexed.buffer.comments.map(\.line) == [1, 2, 3])
        #expect(lexed.buffer.comments[2].flags.contains(.unterminated))
        #expect(lexed.lineStarts == ["a", "b"])
    }

    @Test func unterminatedTemplateAndInterpolation() {
        let template = Lexed("`abc", .javascript)
        #expect(template.rendered == ["str `abc"] && template.tokens[0].flags.contains(.unterminated))

        let interpolation = Lexed("`a${b", .javascript)
        #expect(interpolation.rendered == ["sstart `", "seg a", "iopen ${", "id b", "iclose ", "send "])
        #expect(interpolation.tokens[2].partner == 4 && interpolation.tokens[0].partner == 5)
        #expect(interpolation.tokens[4].flags.contains(.unterminated) && interpolation.tokens[5].flags.contains(.unterminated))
    }

    @Test func bracketPartnersSurviveAMismatchedCloser() {
        let lexed = Lexed("f(a[1) { x) }", .javascript)
        #expect(lexed.rendered == [
            "id f", "punct (", "id a", "punct [", "num 1", "punct )", "punct {", "id x", "punct )", "punct }",
        ])
        #expect(lexed.tokens[1].partner == 5)
        #expect(lexed.tokens[3].flags.contains(.unbalanced) && !lexed.tokens[3].hasPartner)
        #expect(lexed.tokens[8].flags.contains(.unbalanced))
        #expect(lexed.tokens[6].partner == 9)
    }

    @Test func unclosedOpenersAreUnbalancedAtEOF() {
        let lexed = Lexed("f({[", .javascript)
        #expect(lexed.tokens.dropFirst().allSatisfy { $0.flags.contains(.unbalanced) && !$0.hasPartner })
    }

    @Test func crlfInsideTemplateKeepsLineNumbers() {
        let lexed = Lexed("a\r\n`x\r\n${b}\r\n`\r\nc", .javascript)
        #expect(lexed.rendered.last == "id c")
        #expect(lexed.lines == [1, 2, 2, 3, 3, 3, 3, 4, 5])
        // Segments end with their line break, so tokens inside the template can start lines too.
        #expect(lexed.lineStarts == ["a", "`", "${", "`", "c"])
    }

    @Test func invalidUTF8InStringsAndIdentifiers() {
        let input: [UInt8] = Array("x".utf8) + [0xC3] + Array(" = '".utf8) + [0xFF, 0xFE] + Array("' // ".utf8) + [0xED, 0xA0, 0x80]
        let lexed = Lexed(bytes: input, .javascript)
        #expect(lexed.tokens.map(\.kind) == [.identifier, .punctuation, .string])
        #expect(lexed.tokens[0].flags.contains(.invalidUTF8) && lexed.tokens[0].length == 2)
        #expect(lexed.tokens[2].flags.contains(.invalidUTF8))
        #expect(lexed.buffer.comments[0].flags.contains(.invalidUTF8))
    }

    @Test func patternModeMetavariablesAndEllipsis() {
        let lexed = Lexed("$FUNC(..., $X_1)", .javascript, mode: .pattern)
        #expect(lexed.rendered == ["id $FUNC", "punct (", "punct ...", "punct ,", "id $X_1", "punct )"])
    }

    @Test func regexAfterAStatementHeadParenthesis() {
        let lexed = Lexed("if (ok) /x/.test(s); while (a) /y/; f(a) / 2", .javascript)
        #expect(lexed.rendered.filter { $0.hasPrefix("regex") } == ["regex /x/", "regex /y/"])
        #expect(lexed.rendered.suffix(2) == ["punct /", "num 2"])
    }
}
