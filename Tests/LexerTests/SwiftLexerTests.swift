import BackcheckLexer
import Testing

struct SwiftLexerTests {
    @Test func nestedBlockComments() {
        let lexed = Lexed("a /* x /* y */ z */ b", .swift)
        #expect(lexed.rendered == ["id a", "id b"])
        #expect(lexed.commentTexts == ["/* x /* y */ z */"])
    }

    @Test func interpolationNestsStringsAndParentheses() {
        let lexed = Lexed(#""a\(f("b\(c)", (d)))e""#, .swift)
        #expect(lexed.rendered == [
            "sstart \"", "seg a", "iopen \\(", "id f", "punct (", "sstart \"", "seg b", "iopen \\(", "id c", "iclose )",
            "send \"", "punct ,", "punct (", "id d", "punct )", "punct )", "iclose )", "seg e", "send \"",
        ])
        #expect(lexed.tokens[2].partner == 16 && lexed.tokens[4].partner == 15 && lexed.tokens[12].partner == 14)
    }

    @Test func rawStringsNeedMatchingHashes() {
        let lexed = Lexed(###"x = #"a "b" \(no) \#(yes)"# + ##"q"#r"##"###, .swift)
        #expect(lexed.rendered == [
            "id x", "punct =", "sstart #\"", "seg a \"b\" \\(no) ", "iopen \\#(", "id yes", "iclose )", "send \"#",
            "punct +", "str ##\"q\"#r\"##",
        ])
        #expect(lexed.content(9) == "q\"#r")
    }

    @Test func multiLineStrings() {
        let lexed = Lexed("let s = \"\"\"\n  a \"quoted\" \\(b)\n  \"\"\"\nlet t = 1", .swift)
        #expect(lexed.rendered == [
            "id let", "id s", "punct =", "sstart \"\"\"", "seg \n  a \"quoted\" ", "iopen \\(", "id b", "iclose )",
            "seg \n  ", "send \"\"\"", "id let", "id t", "punct =", "num 1",
        ])
        #expect(lexed.lines == [1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 4, 4, 4, 4])
    }

    @Test func attributesDirectivesAndClosureArguments() {
        let lexed = Lexed("@MainActor #if DEBUG\nxs.map { $0 ?? 1 }...; a..<b; a === b -> c", .swift)
        #expect(lexed.rendered == [
            "punct @", "id MainActor", "punct #", "id if", "id DEBUG", "id xs", "punct .", "id map", "punct {", "id $0",
            "punct ??", "num 1", "punct }", "punct ...", "punct ;", "id a", "punct ..<", "id b", "punct ;", "id a",
            "punct ===", "id b", "punct ->", "id c",
        ])
    }

    @Test func unterminatedInterpolationAndRawString() {
        let lexed = Lexed(#""a\(b"#, .swift)
        #expect(lexed.rendered == ["sstart \"", "seg a", "iopen \\(", "id b", "iclose ", "send "])
        let raw = Lexed(##"#"abc"##, .swift)
        #expect(raw.rendered == [##"str #"abc"##] && raw.tokens[0].flags.contains(.unterminated))
    }

    @Test func extendedRegexLiterals() {
        let lexed = Lexed("let r = #/a/b\\/c/# + ##/x/#y/##; let q = #/open", .swift)
        #expect(lexed.rendered == [
            "id let", "id r", "punct =", "regex #/a/b\\/c/#", "punct +", "regex ##/x/#y/##", "punct ;", "id let", "id q",
            "punct =", "regex #/open",
        ])
        #expect(lexed.content(3) == "a/b\\/c" && lexed.content(5) == "x/#y")
        #expect(lexed.tokens[10].flags.contains(.unterminated))
    }
}
