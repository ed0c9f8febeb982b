/// One significant token of code, chosen by its first byte.
extension Scanner {
    /// Lexes the next token; returns false at the end of the input.
    mutating func lexCodeToken() -> Bool {
        if !phpInCode, !skipPHPText() { return false }
        guard pos < end else { return false }
        if ByteClass.mayStartTrivia(p[pos]), !skipTrivia() { return false }
        let start = pos
        let b = p[start]
        if ByteClass.isIdentStart(b) {
            lexIdentifierOrPrefixedString()
            return true
        }
        switch b {
        case ASCII.lparen, ASCII.lbracket, ASCII.lbrace:
            if b == ASCII.lbracket, language == .sql, lexSQLBracketIdentifier() { return true }
            openBracket(at: start)
        case ASCII.rparen, ASCII.rbracket, ASCII.rbrace:
            closeBracket(at: start)
        case ASCII.dquote, ASCII.squote, ASCII.backtick:
            lexQuote(at: start)
        case _ where ByteClass.isDigit(b):
            lexNumber()
        case ASCII.dot:
            if ByteClass.isDigit(at(start + 1)) { lexNumber() } else { lexOperator() }
        case ASCII.dollar:
            lexDollar()
        case ASCII.at:
            lexAt()
        case ASCII.hash:
            lexHash()
        case ASCII.slash:
            if traits.regexLiterals, regexAllowed() { lexRegex() } else { lexOperator() }
        case ASCII.percent:
            if language == .ruby, lexRubyPercentLiteral() { return true }
            lexOperator()
        case ASCII.lt:
            if language == .ruby, lexRubyHeredocMarker() { return true }
            if language == .php, lexPHPHeredoc() { return true }
            lexOperator()
        case ASCII.colon:
            if beginFormatSpec() { return true }
            if (language == .ruby || language == .sql), lexColonName() { return true }
            lexOperator()
        case ASCII.bang:
            if language == .python, at(start + 1) != ASCII.equal, beginFormatSpec() { return true }
            lexOperator()
        case ASCII.question:
            if language == .php, !patternMode, frames.isEmpty, at(start + 1) == ASCII.gt {
                pos = start + 2
                phpInCode = false
                return true
            }
            lexOperator()
        default:
            lexOperator()
        }
        return true
    }

    mutating func lexOperator() {
        let start = pos
        pos = start + traits.operators.length(p, start, end)
        emit(.punctuation, start, pos)
    }

    mutating func lexNumber() {
        let start = pos
        let isHex = p[start] == UInt8(ascii: "0") && (at(start + 1) | 0x20) == UInt8(ascii: "x")
        var i = start + 1
        while i < end {
            let b = p[i]
            if b < 0x80, ByteClass.isIdentContinue(b) {
                let lower = b | 0x20
                let exponent = isHex ? lower == UInt8(ascii: "p") : lower == UInt8(ascii: "e")
                if exponent, at(i + 1) == ASCII.plus || at(i + 1) == ASCII.minus, ByteClass.isDigit(at(i + 2)) {
                    i += 2
                }
                i += 1
            } else if b == ASCII.dot, ByteClass.isDigit(at(i + 1)) {
                i += 1
            } else {
                break
            }
        }
        pos = i
        emit(.number, start, i)
    }

    /// An identifier from `pos`, where an identifier-start byte sits.
    mutating func lexIdentifier(from start: Int, _ flags: TokenFlags = []) {
        let stop = identifierEnd(from: pos)
        pos = stop
        emit(.identifier, start, stop, flags.union(highBytes(start, stop)))
    }

    /// End of the identifier characters starting at `i` (with `$` where the language allows it).
    @inline(__always)
    func identifierEnd(from i: Int) -> Int {
        var i = i
        if traits.dollarIdentifiers {
            while i < end, ByteClass.isIdentContinue(p[i]) || p[i] == ASCII.dollar { i += 1 }
        } else {
            while i < end, ByteClass.isIdentContinue(p[i]) { i += 1 }
        }
        return i
    }

    @inline(__always)
    func highBytes(_ start: Int, _ stop: Int) -> TokenFlags {
        var i = start
        while i < stop {
            if p[i] >= 0x80 { return UTF8Check.isValid(p, start, stop) ? [] : .invalidUTF8 }
            i += 1
        }
        return []
    }

    /// Pattern mode: `$NAME` (upper-case or `_`) is one metavariable identifier in every language.
    mutating func lexMetavariable() -> Bool {
        let start = pos
        let first = at(start + 1)
        guard patternMode, ByteClass.isUpper(first) || first == ASCII.underscore else { return false }
        var i = start + 2
        while i < end, ByteClass.isMetaContinue(p[i]) { i += 1 }
        pos = i
        emit(.identifier, start, i)
        return true
    }

    mutating func lexDollar() {
        if lexMetavariable() { return }
        let start = pos
        let next = at(start + 1)
        switch language {
        case .php, .swift:
            if ByteClass.isIdentContinue(next) {
                pos = start + 1
                return lexIdentifier(from: start)
            }
        case .javascript, .typescript, .java:
            return lexIdentifier(from: start)
        case .ruby:
            if ByteClass.isIdentContinue(next) {
                pos = start + 1
                return lexIdentifier(from: start)
            }
            if next == ASCII.bang || next == ASCII.at || next == ASCII.amp || next == ASCII.tilde
                || next == ASCII.question || next == ASCII.dollar {
                pos = start + 2
                emit(.identifier, start, pos)
                return
            }
        case .sql:
            if lexSQLDollar() { return }
        case .csharp:
            if lexCSharpSpecialString() { return }
        default:
            break
        }
        lexOperator()
    }

    mutating func lexAt() {
        let start = pos
        let next = at(start + 1)
        switch language {
        case .ruby, .sql:
            let nameStart = next == ASCII.at ? start + 2 : start + 1
            if ByteClass.isIdentStart(at(nameStart)) {
                pos = nameStart
                return lexIdentifier(from: start)
            }
        case .csharp:
            if lexCSharpSpecialString() { return }
        default:
            break
        }
        lexOperator()
    }

    mutating func lexHash() {
        let start = pos
        switch language {
        case .swift:
            if lexSwiftRawString() { return }
        case .javascript, .typescript:
            if ByteClass.isIdentStart(at(start + 1)) {
                pos = start + 1
                return lexIdentifier(from: start)
            }
        default:
            break
        }
        lexOperator()
    }
}
