/// Python string prefixes (`rb`, `f`, `t`, …) and the styles they select.
extension Scanner {
    /// `r b u f t` and pairs of `r` with `b`, `f` or `t` (Python 3.14 template strings), in any case.
    func isPythonPrefix(_ start: Int, _ stop: Int) -> Bool {
        func letter(_ i: Int) -> UInt8 { p[i] | 0x20 }
        let r = UInt8(ascii: "r"), b = UInt8(ascii: "b"), f = UInt8(ascii: "f"), u = UInt8(ascii: "u"), t = UInt8(ascii: "t")
        let x = letter(start)
        if stop - start == 1 { return x == r || x == b || x == f || x == u || x == t }
        let y = letter(start + 1)
        return (x == r && (y == b || y == f || y == t)) || (y == r && (x == b || x == f || x == t))
    }

    mutating func lexPythonString(from start: Int, quoteAt: Int) {
        let q = p[quoteAt]
        let triple = at(quoteAt + 1) == q && at(quoteAt + 2) == q
        var style = StringStyle.quoted(q, multiline: triple)
        style.quoteCount = triple ? 3 : 1
        var i = start
        while i < quoteAt {
            if p[i] | 0x20 == UInt8(ascii: "f") || p[i] | 0x20 == UInt8(ascii: "t") {
                style.interpolation = .brace
                style.formatSpecs = true
            }
            i += 1
        }
        lexString(from: start, bodyStart: quoteAt + (triple ? 3 : 1), style)
    }
}
