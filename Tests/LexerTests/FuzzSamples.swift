/// Dense multi-language snippets whose every prefix the fuzz test lexes, so truncation lands
/// inside each kind of construct (kept short: every prefix runs in every language and mode).
enum FuzzSamples {
    static let all = [
        #"""
        <?php $q = "a {$id[0]} $n->x ${b}"; $h = <<<EOT
          hi {$a}
          EOT;
        # c ?>t
        """#,
        #"""
        def f(x):
            s = f"{x!r:>{w}} {{l}} {f'{y}'}" + rb'\d' + """t
        p"""
            return [i for i in a]  # c
        """#,
        #"""
        t = `a ${ `b ${c}` } d` / 2; re = /[/]x\//gi;
        class A { #p = 1; @d m() { return a?.b ?? c } } /* e
        """#,
        #"""
        x = <<~EOS + %Q[a #{b[1]}] + 'c'
          #{z}
        EOS
        y = s.split /,/ ; z = :sym ? @iv : $g
        =begin
        =end
        """#,
        ##"""
        let s = #"r \#(x) "# + "\(f("\(y)"))" /* a /* b */ */
        v = $@"{a:N2} {{b}}" + """
        t \(q)
        """
        """##,
        #"""
        SELECT "C", `c`, [O D], $1, $t$ b $t$, E'a\'' -- c
        FROM t /* x /* y */ */ WHERE a::int > :p AND b = 'i''s';
        """#,
    ]
}
