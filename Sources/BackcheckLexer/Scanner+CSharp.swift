import BackcheckModel

/// C# verbatim, interpolated and raw string literals.
extension Scanner {
    /// C# `@"…"`, `$"…"`, `$@"…"`, `@$"…"`, `$"""…"""`, `$$"""…"""`; false if `pos` starts none.
    mutating func lexCSharpSpecialString() -> Bool {
        let start = pos
        // Inside a run of `$`/`@` already found to open nothing, no later byte of it opens anything.
        guard start >= plainPrefixRunEnd else { return false }
        var i = start
        var dollars = 0
        var verbatim = false
        while i < end {
            if p[i] == ASCII.dollar { dollars += 1 } else if p[i] == ASCII.at, !verbatim { verbatim = true } else { break }
            i += 1
        }
        WorkMeter.tick(i - start)
        guard at(i) == ASCII.dquote, dollars > 0 || verbatim else {
            // A second `@` ended the run: the string may still start after the first one.
            if at(i) != ASCII.at { plainPrefixRunEnd = i }
            return false
        }
        if !verbatim, at(i + 1) == ASCII.dquote, at(i + 2) == ASCII.dquote {
            lexCSharpRaw(from: start, bodyQuote: i, dollars: dollars)
            return true
        }
        var style = StringStyle.quoted(ASCII.dquote, multiline: verbatim)
        style.escape = verbatim ? .doubled : .backslash
        if dollars > 0 {
            style.interpolation = .brace
            style.formatSpecs = true
        }
        lexString(from: start, bodyStart: i + 1, style)
        return true
    }

    /// C# raw strings: n >= 3 quotes close with n quotes; with m `$`, m braces open an interpolation.
    mutating func lexCSharpRaw(from start: Int, bodyQuote: Int, dollars: Int) {
        var quotes = 0
        while at(bodyQuote + quotes) == ASCII.dquote { quotes += 1 }
        var style = StringStyle.quoted(ASCII.dquote, multiline: true)
        style.quoteCount = UInt8(truncatingIfNeeded: min(quotes, 255))
        style.escape = .none
        style.closeAtRunEnd = true
        if dollars > 0 {
            style.interpolation = .brace
            style.braces = UInt8(truncatingIfNeeded: min(dollars, 255))
            style.formatSpecs = true
        }
        lexString(from: start, bodyStart: bodyQuote + quotes, style)
    }
}
