import BackcheckLexer
import Testing

struct PHPLexerTests {
    @Test func onlyCodeBetweenTagsIsLexed() {
        let lexed = Lexed("<html>$x 'a'<?php echo $a; ?>\n<b>\"</b><?= $b ?>tail", .php)
        #expect(lexed.rendered == ["id echo", "id $a", "punct ;", "id $b"])
        #expect(Lexed("<p>no code $x \"y\" /* z */</p>", .php).tokens.isEmpty)
        #expect(Lexed("<p>no code</p>", .php).buffer.comments.isEmpty)
    }

    @Test func patternModeNeedsNoTag() {
        let lexed = Lexed("mysqli_query($DB, \"SELECT $S\")", .php, mode: .pattern)
        #expect(lexed.rendered == ["id mysqli_query", "punct (", "id $DB", "punct ,", "str \"SELECT $S\"", "punct )"])
        #expect(Lexed("<?php $x;", .php, mode: .pattern).rendered == ["id $x", "punct ;"])
    }

    @Test func commentsAndAttributes() {
        let lexed = Lexed("<?php\n# one\n#[Route('/a')]\n// two ?> after", .php)
        #expect(lexed.commentTexts == ["# one", "// two "])
        #expect(lexed.rendered == ["punct #", "punct [", "id Route", "punct (", "str '/a'", "punct )", "punct ]"])
    }

    @Test func doubleQuotedInterpolationForms() {
        let lexed = Lexed(#"<?php "a $v b $o->p[0] $arr[1] $m[k] $n[$i] {$x->y()} ${z}";"#, .php)
        #expect(lexed.rendered == [
            "sstart \"", "seg a ", "iopen ", "id $v", "iclose ", "seg  b ", "iopen ", "id $o", "punct ->", "id p",
            "iclose ", "seg [0] ", "iopen ", "id $arr", "punct [", "num 1", "punct ]", "iclose ", "seg  ", "iopen ",
            "id $m", "punct [", "id k", "punct ]", "iclose ", "seg  ", "iopen ", "id $n", "punct [", "id $i", "punct ]",
            "iclose ", "seg  ", "iopen {", "id $x", "punct ->", "id y", "punct (", "punct )", "iclose }", "seg  ",
            "iopen ${", "id z", "iclose }", "send \"", "punct ;",
        ])
    }

    @Test func singleQuotesDoNotInterpolateAndCloseTagInStringStaysCode() {
        let lexed = Lexed(#"<?php $s = '$a {$b} ?>' . "?>";"#, .php)
        #expect(lexed.rendered == ["id $s", "punct =", "str '$a {$b} ?>'", "punct .", "str \"?>\"", "punct ;"])
    }

    @Test func heredocAndNowdocWithIndentedClosingMarkers() {
        let source = "<?php\n$a = <<<EOT\n  Hi $name\n  EOT;\n$b = <<<'SQL'\n    SELECT 1\n    SQL . \"x\";\n$c = <<<\"Q\"\nq\nQ\n;"
        let lexed = Lexed(source, .php)
        #expect(lexed.rendered == [
            "id $a", "punct =", "str <<<EOT\n  Hi $name\n  EOT", "punct ;", "id $b", "punct =",
            "str <<<'SQL'\n    SELECT 1\n    SQL", "punct .", "str \"x\"", "punct ;", "id $c", "punct =", "str <<<\"Q\"\nq\nQ",
            "punct ;",
        ])
        #expect(lexed.content(2) == "  Hi $name")
        #expect(lexed.content(6) == "    SELECT 1")
        #expect(lexed.content(12) == "q")
        #expect(lexed.tokens[2].flags.contains(.heredoc))
        #expect(lexed.lines == [2, 2, 2, 4, 5, 5, 5, 7, 7, 7, 8, 8, 8, 11])
    }

    @Test func unterminatedHeredocAndString() {
        let heredoc = Lexed("<?php $a = <<<EOT\nbody\n", .php)
        #expect(heredoc.tokens.last.map { $0.flags.contains(.unterminated) && $0.flags.contains(.heredoc) } == true)
        #expect(heredoc.content(2) == "body\n")
        let string = Lexed("<?php \"a {$b", .php)
        #expect(string.rendered == ["sstart \"", "seg a ", "iopen {", "id $b", "iclose ", "send "])
    }

    @Test func operatorsAndUppercaseTagWithCRLF() {
        let lexed = Lexed("<?PHP\r\n$a?->b ?? $c <=> $d; $e .= 'x' ?: 1;\r\nfn($x) => $x ** 2;", .php)
        #expect(lexed.rendered.filter { $0.hasPrefix("punct") } == [
            "punct ?->", "punct ??", "punct <=>", "punct ;", "punct .=", "punct ?:", "punct ;", "punct (", "punct )",
            "punct =>", "punct **", "punct ;",
        ])
        #expect(lexed.lines.first == 2 && lexed.lines.last == 3)
    }
}
