import BackcheckLexer
import Testing

struct GoLexerTests {
    @Test func backTickRawStringSpansLinesWithoutEscapes() {
        let lexed = Lexed("q := `SELECT \\n\n* FROM t`\nx", .go)
        #expect(lexed.rendered == ["id q", "punct :=", "str `SELECT \\n\n* FROM t`", "id x"])
        #expect(lexed.content(2) == "SELECT \\n\n* FROM t")
        #expect(lexed.lines == [1, 1, 1, 3])
    }

    @Test func runesAndEscapedStrings() {
        let lexed = Lexed(#"c := '\'' + "a\"b" + 'x'"#, .go)
        #expect(lexed.rendered == ["id c", "punct :=", #"str '\''"#, "punct +", #"str "a\"b""#, "punct +", "str 'x'"])
        #expect(lexed.content(4) == #"a\"b"#)
    }

    @Test func channelAndPointerOperators() {
        let lexed = Lexed("v := <-ch; **p &^= m; f(a...)", .go)
        #expect(lexed.rendered == [
            "id v", "punct :=", "punct <-", "id ch", "punct ;", "punct *", "punct *", "id p", "punct &^=", "id m",
            "punct ;", "id f", "punct (", "id a", "punct ...", "punct )",
        ])
    }

    @Test func commentsAndUnterminatedRawString() {
        let lexed = Lexed("// a\n/* b */ x := `open", .go)
        #expect(lexed.commentTexts == ["// a", "/* b */"])
        #expect(lexed.rendered == ["id x", "punct :=", "str `open"])
        #expect(lexed.tokens[2].flags.contains(.unterminated) && lexed.content(2) == "open")
    }

    @Test func patternModeDollarIsMetavariable() {
        let lexed = Lexed("db.Query($Q + $X)", .go, mode: .pattern)
        #expect(lexed.rendered == ["id db", "punct .", "id Query", "punct (", "id $Q", "punct +", "id $X", "punct )"])
        #expect(Lexed("a $b", .go, mode: .pattern).rendered == ["id a", "punct $", "id b"])
    }
}
