import BackcheckLexer
import Testing

struct SQLLexerTests {
    @Test func quotesIdentifiersAndParameters() {
        let lexed = Lexed("SELECT \"Col\", `c`, [Order Details], 'it''s', $1, ?, :name, @v, a::int FROM t", .sql)
        #expect(lexed.rendered == [
            "id SELECT", "id \"Col\"", "punct ,", "id `c`", "punct ,", "id [Order Details]", "punct ,", "str 'it''s'",
            "punct ,", "id $1", "punct ,", "punct ?", "punct ,", "id :name", "punct ,", "id @v", "punct ,", "id a",
            "punct ::", "id int", "id FROM", "id t",
        ])
        #expect(lexed.content(7) == "it''s")
    }

    @Test func subscriptsAreNotBracketIdentifiers() {
        let lexed = Lexed("SELECT a[1], ARRAY['x']", .sql)
        #expect(lexed.rendered == [
            "id SELECT", "id a", "punct [", "num 1", "punct ]", "punct ,", "id ARRAY", "punct [", "str 'x'", "punct ]",
        ])
    }

    @Test func escapeAndDollarQuotedStrings() {
        let lexed = Lexed("E'a\\'b' || $$x 'y' $$ || $fn$ body $ $fn$ || N'n'", .sql)
        #expect(lexed.rendered == [
            "str E'a\\'b'", "punct ||", "str $$x 'y' $$", "punct ||", "str $fn$ body $ $fn$", "punct ||", "str N'n'",
        ])
        #expect(lexed.content(0) == "a\\'b" && lexed.content(2) == "x 'y' " && lexed.content(4) == " body $ ")
    }

    @Test func commentsNestInBlocks() {
        let lexed = Lexed("a -- x\n# y\n/* b /* c */ d */ e /* f", .sql)
        #expect(lexed.rendered == ["id a", "id e"])
        #expect(lexed.commentTexts == ["-- x", "# y", "/* b /* c */ d */", "/* f"])
        #expect(lexed.buffer.comments[3].flags.contains(.unterminated))
    }

    @Test func multiLineStringsCountLinesWithCRLF() {
        let lexed = Lexed("INSERT INTO t VALUES ('a\r\nb');\r\nSELECT 1;", .sql)
        #expect(lexed.rendered.suffix(3) == ["id SELECT", "num 1", "punct ;"])
        #expect(lexed.lines.suffix(6) == [1, 2, 2, 3, 3, 3])
    }

    @Test func unterminatedDollarQuoteAndString() {
        let dollar = Lexed("SELECT $$abc", .sql)
        #expect(dollar.rendered == ["id SELECT", "str $$abc"] && dollar.tokens[1].flags.contains(.unterminated))
        let quote = Lexed("SELECT 'abc", .sql)
        #expect(quote.rendered == ["id SELECT", "str 'abc"] && quote.tokens[1].flags.contains(.unterminated))
    }

    @Test func patternMode() {
        let lexed = Lexed("SELECT * FROM $T WHERE $C LIKE '%...'", .sql, mode: .pattern)
        #expect(lexed.rendered == ["id SELECT", "punct *", "id FROM", "id $T", "id WHERE", "id $C", "id LIKE", "str '%...'"])
    }

    @Test func hashIsACommentOnlyWhenItStandsApart() {
        let lexed = Lexed("# top\nSELECT a #> '{b}', c #>> '{d}' # note\nALTER OPERATOR #<=# (h, h); x <#> y; CREATE OPERATOR # (", .sql)
        #expect(lexed.commentTexts == ["# top", "# note"])
        #expect(lexed.rendered == [
            "id SELECT", "id a", "punct #", "punct >", "str '{b}'", "punct ,", "id c", "punct #", "punct >>", "str '{d}'",
            "id ALTER", "id OPERATOR", "punct #", "punct <=", "punct #", "punct (", "id h", "punct ,", "id h", "punct )",
            "punct ;", "id x", "punct <", "punct #", "punct >", "id y", "punct ;", "id CREATE", "id OPERATOR", "punct #",
            "punct (",
        ])
    }
}
