/// Swift raw strings and extended regex literals, both opened by `#`.
extension Scanner {
    /// Swift `#"…"#`, `##"""…"""##`, `#/regex/#`; false if the hashes open neither.
    mutating func lexSwiftRawString() -> Bool {
        let start = pos
        // Inside a run of hashes already found to open nothing, no later hash of it opens anything.
        guard start >= plainPrefixRunEnd else { return false }
        var i = start
        while at(i) == ASCII.hash { i += 1 }
        if at(i) == ASCII.slash { return lexSwiftRegex(from: start, slash: i) }
        guard at(i) == ASCII.dquote else {
            plainPrefixRunEnd = i
            return false
        }
        let triple = at(i + 1) == ASCII.dquote && at(i + 2) == ASCII.dquote
        var style = StringStyle.quoted(ASCII.dquote, multiline: triple)
        style.quoteCount = triple ? 3 : 1
        style.hashes = UInt8(truncatingIfNeeded: min(i - start, 255))
        style.interpolation = .swift
        lexString(from: start, bodyStart: i + (triple ? 3 : 1), style)
        return true
    }

    /// `#/…/#` (extended delimiters may span lines): ends at `/` followed by as many `#`.
    private mutating func lexSwiftRegex(from start: Int, slash: Int) -> Bool {
        let hashes = slash - start
        var i = slash + 1
        while i < end {
            if p[i] == ASCII.backslash {
                i += 2
                continue
            }
            if p[i] == ASCII.slash, (0..<hashes).allSatisfy({ at(i + 1 + $0) == ASCII.hash }) {
                pos = i + 1 + hashes
                emit(.regex, start, pos, UTF8Check.flags(p, slash + 1, i), contentStart: hashes + 1, contentTrim: hashes + 1)
                return true
            }
            i += 1
        }
        pos = end
        emit(.regex, start, end, UTF8Check.flags(p, slash + 1, end).union(.unterminated), contentStart: hashes + 1)
        return true
    }
}
