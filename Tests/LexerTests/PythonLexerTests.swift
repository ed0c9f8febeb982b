import BackcheckLexer
import Testing

struct PythonLexerTests {
    @Test func fStringWithConversionAndNestedFormatSpec() {
        let lexed = Lexed(#"f"{x!r:>{width}} {{lit}}""#, .python)
        #expect(lexed.rendered == [
            "sstart f\"", "iopen {", "id x", "seg !r:>", "iopen {", "id width", "iclose }", "iclose }",
            "seg  {{lit}}", "send \"",
        ])
        #expect(lexed.pairs.map { lexed.rendered[$0.0] + "|" + lexed.rendered[$0.1] }
            == ["sstart f\"|send \"", "iopen {|iclose }", "iopen {|iclose }"])
        #expect(lexed.tokens[1].partner == 7 && lexed.tokens[4].partner == 6)
    }

    @Test func fStringInsideFString() {
        let lexed = Lexed(#"f"{f'{x}'}""#, .python)
        #expect(lexed.rendered == [
            "sstart f\"", "iopen {", "sstart f'", "iopen {", "id x", "iclose }", "send '", "iclose }", "send \"",
        ])
    }

    @Test func stringsWithoutInterpolationAreOneToken() {
        let lexed = Lexed(#"f"plain {{x}}" F'' rb'\d+' BR"\"" u'u' Rb"""a"b""""#, .python)
        #expect(lexed.rendered == [
            #"str f"plain {{x}}""#, "str F''", #"str rb'\d+'"#, #"str BR"\"""#, "str u'u'", #"str Rb"""a"b""""#,
        ])
        #expect((0..<6).map(lexed.content) == ["plain {{x}}", "", #"\d+"#, #"\""#, "u", #"a"b"#])
    }

    @Test func tripleQuotedStringSpansLines() {
        let lexed = Lexed("s = '''a\n'b'\n'''\nx = \"\"\"\"\"\"", .python)
        #expect(lexed.rendered == ["id s", "punct =", "str '''a\n'b'\n'''", "id x", "punct =", #"str """""""#])
        #expect(lexed.lines == [1, 1, 1, 4, 4, 4])
        #expect(lexed.content(2) == "a\n'b'\n")
        #expect(lexed.content(5) == "")
    }

    @Test func indentationBlocks() {
        let lexed = Lexed("def f():\n    if x:\n        a\n    b\nc\n", .python)
        #expect(lexed.rendered == [
            "id def", "id f", "punct (", "punct )", "punct :", "bopen ", "id if", "id x", "punct :", "bopen ", "id a",
            "bclose ", "id b", "bclose ", "id c",
        ])
        #expect(lexed.tokens[5].partner == 13 && lexed.tokens[9].partner == 11)
        #expect(lexed.tokens[11].start == lexed.tokens[12].start && lexed.tokens[11].line == 4)
        #expect(lexed.tokens[5].length == 0 && lexed.tokens[5].line == 2)
    }

    @Test func blocksStillOpenAtEndCloseThere() {
        let lexed = Lexed("if a:\n  if b:\n    c", .python)
        #expect(lexed.rendered.suffix(3) == ["id c", "bclose ", "bclose "])
        #expect(lexed.tokens.last?.start == 19)
    }

    @Test func noIndentationInsideBracketsOrAfterBackslash() {
        let lexed = Lexed("x = (1,\n        2)\ny = 1 + \\\n      2\nz", .python)
        #expect(!lexed.rendered.contains("bopen "))
        #expect(lexed.lineStarts == ["x", "2", "y", "2", "z"])
    }

    @Test func blankAndCommentLinesDoNotDedent() {
        let lexed = Lexed("if x:\n    a\n\n# c\n  # d\n    b\n", .python)
        #expect(lexed.rendered == ["id if", "id x", "punct :", "bopen ", "id a", "id b", "bclose "])
        #expect(lexed.commentTexts == ["# c", "# d"])
    }

    @Test func tabsIndentToMultiplesOfEight() {
        let lexed = Lexed("if x:\n\ta\n        b\n   \tc\n", .python)
        #expect(lexed.rendered == ["id if", "id x", "punct :", "bopen ", "id a", "id b", "id c", "bclose "])
    }

    @Test func uniformlyIndentedPatternHasNoBlocks() {
        let lexed = Lexed("    $X = foo(...)\n    bar($X)", .python, mode: .pattern)
        #expect(lexed.rendered == [
            "id $X", "punct =", "id foo", "punct (", "punct ...", "punct )", "id bar", "punct (", "id $X", "punct )",
        ])
    }

    @Test func operators() {
        let lexed = Lexed("a // b ** c; (d := e) -> f ... x--1 @dec", .python)
        #expect(lexed.rendered == [
            "id a", "punct //", "id b", "punct **", "id c", "punct ;", "punct (", "id d", "punct :=", "id e", "punct )",
            "punct ->", "id f", "punct ...", "id x", "punct -", "punct -", "num 1", "punct @", "id dec",
        ])
    }

    @Test func unterminatedConstructsEndAtEOF() {
        let string = Lexed("s = 'abc", .python)
        #expect(string.rendered == ["id s", "punct =", "str 'abc"])
        #expect(string.tokens[2].flags.contains(.unterminated))
        #expect(string.content(2) == "abc")

        let interpolation = Lexed("f\"{x", .python)
        #expect(interpolation.rendered == ["sstart f\"", "iopen {", "id x", "iclose ", "send "])
        #expect(interpolation.tokens.allSatisfy { $0.kind == .identifier || $0.flags.contains(.unterminated) })

        let triple = Lexed("'''abc\ndef", .python)
        #expect(triple.rendered == ["str '''abc\ndef"] && triple.tokens[0].flags.contains(.unterminated))
    }

    @Test func singleQuotedStringStopsAtLineBreak() {
        let lexed = Lexed("s = 'abc\nt = 1", .python)
        #expect(lexed.rendered == ["id s", "punct =", "str 'abc", "id t", "punct =", "num 1"])
        #expect(lexed.tokens[2].flags.contains(.unterminated))
    }

    @Test func crlfBOMAndInvalidUTF8() {
        let input: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("if a:\r\n    b".utf8) + [0xFF] + Array(" = '\u{e9}'\r\n# \r".utf8)
            + [0x80] + Array("\nc".utf8)
        let lexed = Lexed(bytes: input, .python)
        #expect(lexed.tokens.map(\.kind) == [
            .identifier, .identifier, .punctuation, .blockOpen, .identifier, .punctuation, .string, .blockClose,
            .identifier, .identifier,
        ])
        #expect(lexed.lines == [1, 1, 1, 2, 2, 2, 2, 4, 4, 5])
        #expect(lexed.tokens[0].start == 3)
        #expect(lexed.tokens[4].flags.contains(.invalidUTF8) && lexed.tokens[4].length == 2)
        #expect(lexed.tokens[8].flags.contains(.invalidUTF8) && lexed.tokens[8].length == 1)
        #expect(!lexed.tokens[6].flags.contains(.invalidUTF8) && lexed.content(6) == "\u{e9}")
        #expect(lexed.buffer.comments.count == 1 && lexed.buffer.comments[0].line == 3)
        #expect(lexed.buffer.lineStarts.offsets == [0, 10, 25, 28, 30])
    }

    @Test func templateStringsInterpolateLikeFStrings() {
        let lexed = Lexed("t'{a}' Rt'{b}' tb'x'", .python)
        #expect(lexed.rendered == [
            "sstart t'", "iopen {", "id a", "iclose }", "send '", "sstart Rt'", "iopen {", "id b", "iclose }", "send '",
            "id tb", "str 'x'",
        ])
    }

    @Test func backslashDoesNotEscapeBracesInFStrings() {
        let lexed = Lexed(#"fr'\{{\}}' f'\{x}' rf"\{{{1}""#, .python)
        #expect(lexed.rendered == [
            #"str fr'\{{\}}'"#, "sstart f'", #"seg \"#, "iopen {", "id x", "iclose }", "send '", "sstart rf\"",
            #"seg \{{"#, "iopen {", "num 1", "iclose }", "send \"",
        ])
    }
}
