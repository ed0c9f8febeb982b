/// Ruby: heredocs, `%` literals, symbols, method names ending in `?`/`!`, `__END__`.
extension Scanner {
    /// `<<~EOS`, `<<-EOS`, `<<EOS`, quoted forms; a bare name must start upper-case (else `<<` shifts).
    /// The token sits at the marker; the body is read at the next line break.
    mutating func lexRubyHeredocMarker() -> Bool {
        let start = pos
        guard at(start + 1) == ASCII.lt else { return false }
        var i = start + 2
        let squiggly = at(i) == ASCII.tilde
        let dash = at(i) == ASCII.minus
        if squiggly || dash { i += 1 }
        let quote = at(i)
        let nameStart: Int
        let nameEnd: Int
        if quote == ASCII.squote || quote == ASCII.dquote || quote == ASCII.backtick {
            nameStart = i + 1
            i = nameStart
            while i < end, p[i] != quote, !ByteClass.isNewline(p[i]) { i += 1 }
            guard at(i) == quote, i > nameStart else { return false }
            nameEnd = i
            i += 1
        } else {
            let first = at(i)
            guard ByteClass.isUpper(first) || (squiggly && ByteClass.isIdentStart(first)) else { return false }
            nameStart = i
            nameEnd = identifierEnd(from: i)
            i = nameEnd
        }
        let index = emit(.string, start, i, .heredoc)
        pendingHeredocs.append(PendingHeredoc(token: UInt32(truncatingIfNeeded: index), nameStart: nameStart,
                                              nameEnd: nameEnd, indented: squiggly || dash))
        pos = i
        return true
    }

    /// At the start of a line after heredoc markers: each body in turn, up to its terminator line.
    mutating func readHeredocBodies() {
        let pending = pendingHeredocs
        pendingHeredocs.removeAll()
        for heredoc in pending {
            let bodyStart = pos
            var lineStart = pos
            var found = false
            while lineStart < end {
                var lineEnd = lineStart
                while lineEnd < end, !ByteClass.isNewline(p[lineEnd]) { lineEnd += 1 }
                var s = lineStart
                if heredoc.indented { while s < lineEnd, ByteClass.isHorizontalSpace(p[s]) { s += 1 } }
                let next = lineEnd + ((at(lineEnd) == ASCII.cr && at(lineEnd + 1) == ASCII.lf) ? 2 : lineEnd < end ? 1 : 0)
                if lineEnd - s == heredoc.nameEnd - heredoc.nameStart, bytesEqual(s, heredoc.nameStart, lineEnd - s) {
                    heredocContents.append((heredoc.token, UInt32(truncatingIfNeeded: bodyStart)..<UInt32(truncatingIfNeeded: lineStart)))
                    pos = next
                    found = true
                    break
                }
                lineStart = next
            }
            if !found {
                tokens[Int(heredoc.token)].flags.insert(.unterminated)
                heredocContents.append((heredoc.token, UInt32(truncatingIfNeeded: bodyStart)..<UInt32(truncatingIfNeeded: end)))
                pos = end
            }
        }
    }

    func bytesEqual(_ a: Int, _ b: Int, _ count: Int) -> Bool {
        for k in 0..<count where p[a + k] != p[b + k] { return false }
        return true
    }

    /// `%q() %Q[] %w{} %i<> %r{} %()` with any delimiter; bracket delimiters nest.
    mutating func lexRubyPercentLiteral() -> Bool {
        let start = pos
        var i = start + 1
        let type = at(i)
        if ByteClass.isLetter(type) {
            guard "qQwWiIrsx".utf8.contains(type) else { return false }
            i += 1
        }
        let delimiter = at(i)
        guard i < end, delimiter < 0x80, !ByteClass.isIdentContinue(delimiter), !ByteClass.isSpace(delimiter),
              delimiter != 0, regexAllowed() else { return false }
        if !ByteClass.isLetter(type) {
            switch delimiter {
            case ASCII.lparen, ASCII.lbracket, ASCII.lbrace, ASCII.lt, ASCII.pipe, ASCII.bang: break
            default: return false
            }
        }
        let closer: UInt8
        switch delimiter {
        case ASCII.lparen: closer = ASCII.rparen
        case ASCII.lbracket: closer = ASCII.rbracket
        case ASCII.lbrace: closer = ASCII.rbrace
        case ASCII.lt: closer = ASCII.gt
        default: closer = delimiter
        }
        var style = StringStyle.quoted(closer, multiline: true)
        if closer != delimiter { style.open = delimiter }
        if type == UInt8(ascii: "r") {
            style.kind = .regex
        } else if !"qwis".utf8.contains(type) {
            style.interpolation = .hashBrace
        }
        lexString(from: start, bodyStart: i + 1, style)
        // Regex flags (`%r{a}i`) belong to the literal.
        if style.kind == .regex, let last = tokens.last, last.kind == .regex, Int(last.end) == pos {
            var stop = pos
            while stop < end, ByteClass.isLetter(p[stop]) { stop += 1 }
            tokens[tokens.count - 1].length += UInt32(truncatingIfNeeded: stop - pos)
            tokens[tokens.count - 1].contentEndTrim &+= UInt8(truncatingIfNeeded: min(stop - pos, 200))
            pos = stop
        }
        return true
    }

    /// After a Ruby name: `?`/`!` method suffixes, and `__END__`, after which the file is data.
    mutating func lexRubyIdentifierTail(from start: Int) {
        var stop = pos
        let next = at(stop)
        if next == ASCII.question || next == ASCII.bang, at(stop + 1) != ASCII.equal, !ByteClass.isUpper(p[start]) {
            stop += 1
        }
        if stop - start == 7, isLineStart(start), startsWord("__END__", at: start),
           stop == end || ByteClass.isNewline(p[stop]) {
            pos = end
            return
        }
        pos = stop
        emit(.identifier, start, stop, highBytes(start, stop))
    }

    /// Ruby `:symbol`, SQL `:name`; not `::`, not the `:` of `a ? b : c` or of a label `key:value`.
    mutating func lexColonName() -> Bool {
        let start = pos
        guard ByteClass.isIdentStart(at(start + 1)) else { return false }
        if let last = tokens.last, Int(last.end) == start, last.length > 0 {
            let b = p[Int(last.start)]
            let opener = last.kind == .punctuation && b != ASCII.rparen && b != ASCII.rbracket && b != ASCII.rbrace
            if !opener { return false }
        }
        pos = start + 1
        var stop = identifierEnd(from: pos)
        if language == .ruby, at(stop) == ASCII.question || at(stop) == ASCII.bang, at(stop + 1) != ASCII.equal { stop += 1 }
        pos = stop
        emit(.identifier, start, stop, highBytes(start, stop))
        return true
    }
}
