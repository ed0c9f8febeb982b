/// Whitespace and comments between tokens.
extension Scanner {
    /// Skips whitespace and comments; returns false at the end of the input.
    @inline(__always)
    mutating func skipTrivia() -> Bool {
        while pos < end {
            let b = p[pos]
            if !ByteClass.mayStartTrivia(b) { return true }
            switch b {
            case ASCII.space, ASCII.tab, 0x0B, 0x0C:
                pos += 1
                while pos < end, p[pos] == ASCII.space || p[pos] == ASCII.tab { pos += 1 }
            case ASCII.lf, ASCII.cr:
                pos += (b == ASCII.cr && at(pos + 1) == ASCII.lf) ? 2 : 1
                if !pendingHeredocs.isEmpty { readHeredocBodies() }
            case ASCII.hash:
                guard traits.hashComments || (pos == bodyStart && at(pos + 1) == ASCII.bang) else { return true }
                if language == .php, at(pos + 1) == ASCII.lbracket { return true }
                if language == .sql, !isSQLHashComment() { return true }
                skipLineComment()
            case ASCII.slash:
                let next = at(pos + 1)
                if next == ASCII.slash, traits.slashLineComments {
                    skipLineComment()
                } else if next == ASCII.star, traits.blockComments {
                    skipBlockComment()
                } else {
                    return true
                }
            case ASCII.minus:
                guard traits.dashDashComments, at(pos + 1) == ASCII.minus else { return true }
                skipLineComment()
            case ASCII.backslash:
                // A backslash before a line break joins lines (Python, Ruby).
                guard language == .python || language == .ruby else { return true }
                let next = at(pos + 1)
                guard next == ASCII.lf || next == ASCII.cr else { return true }
                pos += (next == ASCII.cr && at(pos + 2) == ASCII.lf) ? 3 : 2
                continuationLine = true
            case ASCII.equal:
                guard language == .ruby, isLineStart(pos), startsWord("=begin", at: pos) else { return true }
                skipRubyBlockComment()
            default:
                return true
            }
        }
        return false
    }

    /// To the end of the line (PHP: or to `?>`, which leaves code even inside a comment).
    mutating func skipLineComment() {
        let start = pos
        var i = pos
        if language == .php, !patternMode {
            while i < end, p[i] != ASCII.lf, p[i] != ASCII.cr {
                if p[i] == ASCII.question, at(i + 1) == ASCII.gt { break }
                i += 1
            }
        } else {
            while i < end, p[i] != ASCII.lf, p[i] != ASCII.cr { i += 1 }
        }
        emitComment(start, i)
        pos = i
    }

    mutating func skipBlockComment() {
        let start = pos
        var i = pos + 2
        var depth = 1
        while i < end {
            let b = p[i]
            if b == ASCII.star, at(i + 1) == ASCII.slash {
                i += 2
                depth -= 1
                if depth == 0 || !traits.nestedBlockComments { break }
            } else if b == ASCII.slash, at(i + 1) == ASCII.star, traits.nestedBlockComments {
                i += 2
                depth += 1
            } else {
                i += 1
            }
        }
        emitComment(start, min(i, end), depth == 0 ? [] : .unterminated)
        pos = min(i, end)
    }

    /// Ruby `=begin` … `=end`, both at the start of a line.
    mutating func skipRubyBlockComment() {
        let start = pos
        var i = pos
        var closed = false
        while i < end {
            while i < end, p[i] != ASCII.lf, p[i] != ASCII.cr { i += 1 }
            while i < end, p[i] == ASCII.lf || p[i] == ASCII.cr { i += 1 }
            if startsWord("=end", at: i) {
                while i < end, p[i] != ASCII.lf, p[i] != ASCII.cr { i += 1 }
                closed = true
                break
            }
        }
        emitComment(start, i, closed ? [] : .unterminated)
        pos = i
    }

    /// MySQL `# comment` versus PostgreSQL operators (`#>`, `#<=#`, `<#>`): a comment `#` stands
    /// apart from what precedes it, and is followed by a space or starts its line.
    private func isSQLHashComment() -> Bool {
        var i = pos
        while i > bodyStart, ByteClass.isHorizontalSpace(p[i - 1]) { i -= 1 }
        if i == bodyStart || ByteClass.isNewline(p[i - 1]) { return true }
        guard ByteClass.isHorizontalSpace(p[pos - 1]) else { return false }
        if let last = tokens.last, last.length == 8, tokenIsCaseInsensitive(last, "operator") { return false }
        let next = at(pos + 1)
        return pos + 1 == end || ByteClass.isSpace(next)
    }

    func isLineStart(_ i: Int) -> Bool {
        i == bodyStart || p[i - 1] == ASCII.lf || p[i - 1] == ASCII.cr
    }

    /// Whether `word` sits at `i`, followed by something that cannot continue it.
    func startsWord(_ word: StaticString, at i: Int) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= end else { return false }
        let w = word.utf8Start
        for k in 0..<n where p[i + k] != w[k] { return false }
        return i + n == end || !ByteClass.isIdentContinue(p[i + n])
    }
}
