import BackcheckLexer
import Testing

struct CSharpLexerTests {
    @Test func verbatimStringsDoubleTheirQuotes() {
        let lexed = Lexed("var p = @\"C:\\dir \"\"q\"\"\n2\";", .csharp)
        #expect(lexed.rendered == ["id var", "id p", "punct =", "str @\"C:\\dir \"\"q\"\"\n2\"", "punct ;"])
        #expect(lexed.content(3) == "C:\\dir \"\"q\"\"\n2")
    }

    @Test func interpolatedStringWithFormatSpecAndEscapedBraces() {
        let lexed = Lexed(#"$"{{x}} {a,5:N2} {(b ? c : d)}""#, .csharp)
        #expect(lexed.rendered == [
            "sstart $\"", "seg {{x}} ", "iopen {", "id a", "punct ,", "num 5", "seg :N2", "iclose }", "seg  ", "iopen {",
            "punct (", "id b", "punct ?", "id c", "punct :", "id d", "punct )", "iclose }", "send \"",
        ])
    }

    @Test(arguments: ["$@\"a{b}\"", "@$\"a{b}\""])
    func verbatimInterpolated(source: String) {
        #expect(Lexed(source, .csharp).rendered == ["sstart \(source.prefix(3))", "seg a", "iopen {", "id b", "iclose }", "send \""])
    }

    @Test func rawStringLiterals() {
        let lexed = Lexed("var r = \"\"\"\n  a \"\" b\n  \"\"\"; var i = $$\"\"\"{x} {{y}}\"\"\";", .csharp)
        #expect(lexed.rendered == [
            "id var", "id r", "punct =", "str \"\"\"\n  a \"\" b\n  \"\"\"", "punct ;", "id var", "id i", "punct =",
            "sstart $$\"\"\"", "seg {x} ", "iopen {{", "id y", "iclose }}", "send \"\"\"", "punct ;",
        ])
        #expect(lexed.content(3) == "\n  a \"\" b\n  ")
    }

    @Test func charLiteralsPreprocessorAndOperators() {
        let lexed = Lexed("#region R\nchar c = '\\n'; a ??= b?.c => d; global::X", .csharp)
        #expect(lexed.rendered == [
            "punct #", "id region", "id R", "id char", "id c", "punct =", "str '\\n'", "punct ;", "id a", "punct ??=",
            "id b", "punct ?.", "id c", "punct =>", "id d", "punct ;", "id global", "punct ::", "id X",
        ])
    }

    @Test func unterminatedInterpolatedString() {
        let lexed = Lexed("$\"a{b} c\nx", .csharp)
        #expect(lexed.rendered == ["sstart $\"", "seg a", "iopen {", "id b", "iclose }", "seg  c", "send ", "id x"])
        #expect(lexed.tokens[6].flags.contains(.unterminated) && lexed.tokens[6].length == 0)
    }
}
