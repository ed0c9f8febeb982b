/// SQL: `$1` parameters, dollar-quoted strings, `[bracket identifiers]`.
extension Scanner {
    /// `$1` (an identifier) or `$$…$$` / `$tag$…$tag$` (a string); false for a lone `$`.
    mutating func lexSQLDollar() -> Bool {
        let start = pos
        let next = at(start + 1)
        if ByteClass.isDigit(next) {
            var i = start + 1
            while ByteClass.isDigit(at(i)) { i += 1 }
            pos = i
            emit(.identifier, start, i)
            return true
        }
        var i = start + 1
        if next != ASCII.dollar {
            guard next < 0x80, ByteClass.isIdentStart(next) else { return false }
            while at(i) < 0x80, ByteClass.isIdentContinue(at(i)) { i += 1 }
            guard at(i) == ASCII.dollar else { return false }
        }
        let tagLength = i + 1 - start
        var j = i + 1
        while j < end {
            if p[j] == ASCII.dollar, j + tagLength <= end, bytesEqual(j, start, tagLength) {
                pos = j + tagLength
                emit(.string, start, pos, UTF8Check.flags(p, i + 1, j), contentStart: tagLength, contentTrim: tagLength)
                return true
            }
            j += 1
        }
        pos = end
        emit(.string, start, end, UTF8Check.flags(p, i + 1, end).union(.unterminated), contentStart: tagLength)
        return true
    }

    /// `[Order Details]` (SQL Server, SQLite) unless glued to a name or `)` as a PostgreSQL
    /// subscript (`a[1]`, `ARRAY[…]`).
    mutating func lexSQLBracketIdentifier() -> Bool {
        let start = pos
        if let last = tokens.last, Int(last.end) == start {
            let b = p[Int(last.start)]
            guard last.kind == .punctuation, b == ASCII.dot || b == ASCII.comma || b == ASCII.lparen else { return false }
        }
        guard ByteClass.isIdentStart(at(start + 1)) else { return false }
        var i = start + 1
        while i < end {
            let b = p[i]
            if b == ASCII.rbracket || b == ASCII.lbracket || b == ASCII.squote || b == ASCII.dquote || ByteClass.isNewline(b) { break }
            i += 1
        }
        guard at(i) == ASCII.rbracket else { return false }
        pos = i + 1
        emit(.identifier, start, pos, highBytes(start, pos), contentStart: 1, contentTrim: 1)
        return true
    }
}
