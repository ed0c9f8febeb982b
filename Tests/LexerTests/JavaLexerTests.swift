import BackcheckLexer
import Testing

struct JavaLexerTests {
    @Test func textBlock() {
        let lexed = Lexed("String q = \"\"\"\n    SELECT \"x\" \\\"\"\"\n    \"\"\";\nint y;", .java)
        #expect(lexed.rendered.map { $0.prefix(4) } == ["id S", "id q", "punc", "str ", "punc", "id i", "id y", "punc"])
        #expect(lexed.content(3) == "\n    SELECT \"x\" \\\"\"\"\n    ")
        #expect(lexed.lines == [1, 1, 1, 1, 3, 4, 4, 4])
    }

    @Test func charLiteralsAnnotationsAndLambdas() {
        let lexed = Lexed("@Override char c = '\\''; list.forEach(x -> f(x)); String::valueOf; a >>= 1;", .java)
        #expect(lexed.rendered == [
            "punct @", "id Override", "id char", "id c", "punct =", "str '\\''", "punct ;", "id list", "punct .", "id forEach",
            "punct (", "id x", "punct ->", "id f", "punct (", "id x", "punct )", "punct )", "punct ;", "id String", "punct ::",
            "id valueOf", "punct ;", "id a", "punct >", "punct >=", "num 1", "punct ;",
        ])
    }

    @Test func genericClosersStaySeparate() {
        let lexed = Lexed("Map<String, List<Integer>> m;", .java)
        #expect(lexed.rendered.contains("punct >") && !lexed.rendered.contains("punct >>"))
    }

    @Test func dollarIdentifiersAndNumbers() {
        let lexed = Lexed("int a$b = 0x1F + 1_000L + 1.5e-3f;", .java)
        #expect(lexed.rendered == [
            "id int", "id a$b", "punct =", "num 0x1F", "punct +", "num 1_000L", "punct +", "num 1.5e-3f", "punct ;",
        ])
    }

    @Test func unterminatedTextBlockAndComment() {
        let block = Lexed("s = \"\"\"\nabc", .java)
        #expect(block.rendered == ["id s", "punct =", "str \"\"\"\nabc"])
        #expect(block.tokens[2].flags.contains(.unterminated))
        let comment = Lexed("a /* b /* c */ d", .java)
        #expect(comment.rendered == ["id a", "id d"])
        #expect(comment.commentTexts == ["/* b /* c */"])
    }
}
