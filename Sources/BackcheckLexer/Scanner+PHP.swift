/// PHP: code lives between `<?php`/`<?=` and `?>`; heredocs and nowdocs.
extension Scanner {
    /// Skips template text up to the next open tag; false if there is none.
    mutating func skipPHPText() -> Bool {
        var i = pos
        while i + 1 < end {
            if p[i] == ASCII.lt, p[i + 1] == ASCII.question {
                if at(i + 2) == ASCII.equal {
                    pos = i + 3
                    phpInCode = true
                    return true
                }
                if isPHPOpenTag(at: i) {
                    pos = i + 5
                    phpInCode = true
                    return true
                }
            }
            i += 1
        }
        pos = end
        return false
    }

    /// `<?php` in any case, followed by whitespace or the end of the input.
    func isPHPOpenTag(at i: Int) -> Bool {
        guard i + 5 <= end, p[i] == ASCII.lt, p[i + 1] == ASCII.question,
              p[i + 2] | 0x20 == UInt8(ascii: "p"), p[i + 3] | 0x20 == UInt8(ascii: "h"), p[i + 4] | 0x20 == UInt8(ascii: "p")
        else { return false }
        return i + 5 == end || ByteClass.isSpace(p[i + 5])
    }

    /// `<<<EOT`, `<<<"EOT"` (heredoc) and `<<<'EOT'` (nowdoc): one `.string` token with `.heredoc`,
    /// from `<<<` through the closing marker, which may be indented (PHP 7.3+) and followed by
    /// more code on its line. Also skips a stray `<?php` inside code (patterns may start with one).
    mutating func lexPHPHeredoc() -> Bool {
        let start = pos
        if isPHPOpenTag(at: start) {
            pos = start + 5
            return true
        }
        guard at(start + 1) == ASCII.lt, at(start + 2) == ASCII.lt else { return false }
        var i = start + 3
        while ByteClass.isHorizontalSpace(at(i)) { i += 1 }
        let quote = at(i)
        let quoted = quote == ASCII.squote || quote == ASCII.dquote
        if quoted { i += 1 }
        guard ByteClass.isIdentStart(at(i)) else { return false }
        let nameStart = i
        let nameEnd = identifierEnd(from: i)
        i = nameEnd
        if quoted {
            guard at(i) == quote else { return false }
            i += 1
        }
        guard i == end || ByteClass.isNewline(p[i]) else { return false }
        i += (at(i) == ASCII.cr && at(i + 1) == ASCII.lf) ? 2 : (i < end ? 1 : 0)
        let bodyStart = i
        let nameLength = nameEnd - nameStart
        var lineStart = bodyStart
        while lineStart < end {
            var s = lineStart
            while s < end, ByteClass.isHorizontalSpace(p[s]) { s += 1 }
            if s + nameLength <= end, bytesEqual(s, nameStart, nameLength), !ByteClass.isIdentContinue(at(s + nameLength)) {
                // The line break before the closing marker is not part of the content.
                var contentEnd = lineStart
                if contentEnd > bodyStart, p[contentEnd - 1] == ASCII.lf { contentEnd -= 1 }
                if contentEnd > bodyStart, p[contentEnd - 1] == ASCII.cr { contentEnd -= 1 }
                return finishPHPHeredoc(start, s + nameLength, bodyStart..<contentEnd, [])
            }
            while s < end, !ByteClass.isNewline(p[s]) { s += 1 }
            lineStart = s + ((at(s) == ASCII.cr && at(s + 1) == ASCII.lf) ? 2 : (s < end ? 1 : 0))
        }
        return finishPHPHeredoc(start, end, bodyStart..<end, .unterminated)
    }

    private mutating func finishPHPHeredoc(_ start: Int, _ stop: Int, _ content: Range<Int>, _ flags: TokenFlags) -> Bool {
        let index = emit(.string, start, stop, flags.union(.heredoc).union(UTF8Check.flags(p, content.lowerBound, content.upperBound)))
        heredocContents.append((UInt32(truncatingIfNeeded: index),
                                UInt32(truncatingIfNeeded: content.lowerBound)..<UInt32(truncatingIfNeeded: content.upperBound)))
        pos = stop
        return true
    }
}
