import BackcheckLexer
import Testing

struct RubyLexerTests {
    @Test func heredocTokenSitsAtTheMarkerAndTheBodyIsSkipped() {
        let source = "x = <<~EOS.strip + f(<<-'RAW', 1)\n  Hi #{name}\n  EOS\n  raw #{no}\n    RAW\ny = 2\n"
        let lexed = Lexed(source, .ruby)
        #expect(lexed.rendered == [
            "id x", "punct =", "str <<~EOS", "punct .", "id strip", "punct +", "id f", "punct (", "str <<-'RAW'",
            "punct ,", "num 1", "punct )", "id y", "punct =", "num 2",
        ])
        #expect(lexed.content(2) == "  Hi #{name}\n")
        #expect(lexed.content(8) == "  raw #{no}\n")
        #expect(lexed.tokens[2].flags.contains(.heredoc) && lexed.tokens[8].flags.contains(.heredoc))
        #expect(lexed.buffer.heredocContents.map(\.token) == [2, 8])
        #expect(lexed.lines.suffix(3) == [6, 6, 6])
        #expect(lexed.lineStarts == ["x", "y"])
    }

    @Test func shiftIsNotAHeredoc() {
        let lexed = Lexed("a << b\nclass << self; x <<lower; end", .ruby)
        #expect(lexed.rendered == [
            "id a", "punct <<", "id b", "id class", "punct <<", "id self", "punct ;", "id x", "punct <<", "id lower",
            "punct ;", "id end",
        ])
    }

    @Test func unterminatedHeredocRunsToEOF() {
        let lexed = Lexed("a = <<EOS\nbody\nEOSX", .ruby)
        #expect(lexed.rendered == ["id a", "punct =", "str <<EOS"])
        #expect(lexed.tokens[2].flags.contains(.unterminated) && lexed.content(2) == "body\nEOSX")
    }

    @Test func interpolationFormsAndNestedStrings() {
        let lexed = Lexed(#""a #{b["c#{d}"]} #@iv #@@cv #$g""#, .ruby)
        #expect(lexed.rendered == [
            "sstart \"", "seg a ", "iopen #{", "id b", "punct [", "sstart \"", "seg c", "iopen #{", "id d", "iclose }",
            "send \"", "punct ]", "iclose }", "seg  ", "iopen ", "id @iv", "iclose ", "seg  ", "iopen ", "id @@cv",
            "iclose ", "seg  ", "iopen ", "id $g", "iclose ", "send \"",
        ])
        // The `#` of a simple form belongs to no token: the zero-length open sits at the sigil.
        #expect(lexed.tokens[14].start == 18 && lexed.tokens[13].end == 17)
    }

    @Test func percentLiteralsNestTheirBracketDelimiter() {
        let lexed = Lexed("a = %w(x (y) z) + %q[a[b]c] + %i<p> + %(s) + %r{a/b}i + %Q|#{v}| + %s!sym!", .ruby)
        #expect(lexed.rendered == [
            "id a", "punct =", "str %w(x (y) z)", "punct +", "str %q[a[b]c]", "punct +", "str %i<p>", "punct +",
            "str %(s)", "punct +", "regex %r{a/b}i", "punct +", "sstart %Q|", "iopen #{", "id v", "iclose }", "send |",
            "punct +", "str %s!sym!",
        ])
        #expect(lexed.content(2) == "x (y) z" && lexed.content(10) == "a/b")
        #expect(Lexed("x = y % 3 %(z)", .ruby).rendered == ["id x", "punct =", "id y", "punct %", "num 3", "punct %", "punct (", "id z", "punct )"])
    }

    @Test(arguments: [
        ("a = b / c / d", ["id a", "punct =", "id b", "punct /", "id c", "punct /", "id d"]),
        ("s.split /,/", ["id s", "punct .", "id split", "regex /,/"]),
        ("x = y /2", ["id x", "punct =", "id y", "regex /2"]),
        ("x = y / 2", ["id x", "punct =", "id y", "punct /", "num 2"]),
        ("if /ab/ =~ s", ["id if", "regex /ab/", "punct =~", "id s"]),
        ("when /x/i then", ["id when", "regex /x/i", "id then"]),
        ("x unless /y/", ["id x", "id unless", "regex /y/"]),
    ])
    func regexOrDivision(source: String, expected: [String]) {
        #expect(Lexed(source, .ruby).rendered == expected)
    }

    @Test func sigilsSymbolsAndMethodNames() {
        let lexed = Lexed("@a = @@b || $c; f(:sym, a ? b : c, {k: 1, :j => x?}, Foo::Bar, save!, $!)", .ruby)
        #expect(lexed.rendered == [
            "id @a", "punct =", "id @@b", "punct ||", "id $c", "punct ;", "id f", "punct (", "id :sym", "punct ,", "id a",
            "punct ?", "id b", "punct :", "id c", "punct ,", "punct {", "id k", "punct :", "num 1", "punct ,", "id :j",
            "punct =>", "id x?", "punct }", "punct ,", "id Foo", "punct ::", "id Bar", "punct ,", "id save!", "punct ,",
            "id $!", "punct )",
        ])
    }

    @Test func blockCommentsAndEndMarker() {
        let lexed = Lexed("a\n=begin\nx = 1\n=end\nb # c\n__END__\nnot code \"", .ruby)
        #expect(lexed.rendered == ["id a", "id b"])
        #expect(lexed.commentTexts == ["=begin\nx = 1\n=end", "# c"])
        #expect(lexed.lines == [1, 5])
        let open = Lexed("=begin\nnever closed", .ruby)
        #expect(open.tokens.isEmpty && open.buffer.comments[0].flags.contains(.unterminated))
    }

    @Test func unterminatedInterpolationAndCRLFHeredoc() {
        let lexed = Lexed("\"a#{b", .ruby)
        #expect(lexed.rendered == ["sstart \"", "seg a", "iopen #{", "id b", "iclose ", "send "])
        let crlf = Lexed("x = <<~E\r\n  a\r\n  E\r\ny", .ruby)
        #expect(crlf.rendered == ["id x", "punct =", "str <<~E", "id y"])
        #expect(crlf.content(2) == "  a\r\n" && crlf.lines == [1, 1, 1, 4])
    }
}
