import BackcheckLexer
import Testing

struct KotlinLexerTests {
    @Test func simpleAndBlockTemplates() {
        let lexed = Lexed(#"val s = "$name: ${a.b("x")}!""#, .kotlin)
        #expect(lexed.rendered == [
            "id val", "id s", "punct =", "sstart \"", "iopen ", "id name", "iclose ", "seg : ", "iopen ${", "id a",
            "punct .", "id b", "punct (", "str \"x\"", "punct )", "iclose }", "seg !", "send \"",
        ])
        #expect(lexed.tokens[4].length == 0 && lexed.tokens[4].start == lexed.tokens[5].start)
        #expect(lexed.tokens[4].partner == 6 && lexed.tokens[8].partner == 15 && lexed.tokens[3].partner == 17)
    }

    @Test func rawStringsTemplateAndCloseAtTheLastQuotes() {
        let lexed = Lexed("val r = \"\"\"a\\d \"q\" $x\n\"\"\"\" + \"\"\"plain\"\"\"", .kotlin)
        #expect(lexed.rendered == [
            "id val", "id r", "punct =", "sstart \"\"\"", "seg a\\d \"q\" ", "iopen ", "id x", "iclose ", "seg \n\"",
            "send \"\"\"", "punct +", "str \"\"\"plain\"\"\"",
        ])
        #expect(lexed.content(11) == "plain")
    }

    @Test func nestedBlockComments() {
        let lexed = Lexed("a /* x /* y */ z */ b /* open /* inner */", .kotlin)
        #expect(lexed.rendered == ["id a", "id b"])
        #expect(lexed.commentTexts == ["/* x /* y */ z */", "/* open /* inner */"])
        #expect(lexed.buffer.comments[1].flags.contains(.unterminated))
    }

    @Test func operatorsAndBacktickNames() {
        let lexed = Lexed("x!!.`fun name` ?: y?.z ?: 0..<n; a::class; 1..2", .kotlin)
        #expect(lexed.rendered == [
            "id x", "punct !!", "punct .", "id `fun name`", "punct ?:", "id y", "punct ?.", "id z", "punct ?:", "num 0",
            "punct ..<", "id n", "punct ;", "id a", "punct ::", "id class", "punct ;", "num 1", "punct ..", "num 2",
        ])
    }

    @Test func patternModeKeepsDollarNamesLiteralInStrings() {
        let lexed = Lexed(#"log.info("$S", $X)"#, .kotlin, mode: .pattern)
        #expect(lexed.rendered == ["id log", "punct .", "id info", "punct (", "str \"$S\"", "punct ,", "id $X", "punct )"])
        #expect(lexed.content(4) == "$S")
        #expect(Lexed(#""$s""#, .kotlin, mode: .pattern).rendered == ["sstart \"", "iopen ", "id s", "iclose ", "send \""])
    }

    @Test func unterminatedTemplateInterpolation() {
        let lexed = Lexed("\"a${b", .kotlin)
        #expect(lexed.rendered == ["sstart \"", "seg a", "iopen ${", "id b", "iclose ", "send "])
        #expect(lexed.tokens[0].flags.contains(.unterminated))
    }
}
