/// Regex literals (JavaScript, TypeScript, Ruby), told apart from division by what precedes.
extension Scanner {
    /// A `/` starts a regex at the start of an expression: first token, after an operator or
    /// opening punctuation (and `}`), or after a keyword that takes an expression. After a name,
    /// number, string, `)` or `]` it divides. Ruby also reads `split /,/` (name, space, `/`,
    /// non-space) as a regex argument.
    func regexAllowed() -> Bool {
        guard let last = tokens.last else { return true }
        switch last.kind {
        case .number, .string, .regex, .stringEnd:
            return false
        case .identifier:
            if isRegexKeyword(last) { return true }
            guard language == .ruby, ByteClass.isIdentStart(p[Int(last.start)]), Int(last.end) < pos else { return false }
            let next = at(pos + 1)
            return ByteClass.isHorizontalSpace(p[pos - 1]) && !ByteClass.isSpace(next) && next != ASCII.equal
        case .punctuation:
            let b = p[Int(last.start)]
            guard last.length == 1, b == ASCII.rparen || b == ASCII.rbracket else { return true }
            // `if (x) /re/.test(s)`: a statement head's `)` ends no operand.
            guard b == ASCII.rparen, last.hasPartner, last.partner > 0 else { return false }
            let head = tokens[Int(last.partner) - 1]
            return head.kind == .identifier && Self.statementHeads.contains { tokenIs(head, $0) }
        default:
            return true
        }
    }

    private static let statementHeads: [StaticString] = ["if", "while", "for", "with"]

    private static let rubyRegexKeywords: [StaticString] = [
        "if", "elsif", "unless", "when", "and", "or", "not", "while", "until", "return", "then", "case", "in",
    ]
    private static let jsRegexKeywords: [StaticString] = [
        "return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "yield", "await",
        "instanceof",
    ]

    private func isRegexKeyword(_ token: Token) -> Bool {
        let words = language == .ruby ? Self.rubyRegexKeywords : Self.jsRegexKeywords
        for word in words where tokenIs(token, word) { return true }
        return false
    }

    /// `tokenIs` ignoring ASCII case; `word` is lower-case.
    func tokenIsCaseInsensitive(_ token: Token, _ word: StaticString) -> Bool {
        guard Int(token.length) == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for k in 0..<Int(token.length) where p[Int(token.start) + k] | 0x20 != w[k] { return false }
        return true
    }

    func tokenIs(_ token: Token, _ word: StaticString) -> Bool {
        guard Int(token.length) == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for k in 0..<Int(token.length) where p[Int(token.start) + k] != w[k] { return false }
        return true
    }

    /// `/body/flags`; `/` inside a `[…]` class does not end it; a line break leaves it unterminated.
    mutating func lexRegex() {
        let start = pos
        var i = start + 1
        var inClass = false
        var closed = false
        while i < end {
            let b = p[i]
            if b == ASCII.backslash {
                i += (at(i + 1) == ASCII.lf || at(i + 1) == ASCII.cr) ? 1 : 2
                continue
            }
            if b == ASCII.lf || b == ASCII.cr { break }
            if b == ASCII.lbracket {
                inClass = true
            } else if b == ASCII.rbracket {
                inClass = false
            } else if b == ASCII.slash, !inClass {
                closed = true
                i += 1
                break
            }
            i += 1
        }
        i = min(i, end)
        let bodyEnd = closed ? i - 1 : i
        var stop = i
        if closed { while stop < end, ByteClass.isLetter(p[stop]) { stop += 1 } }
        pos = stop
        emit(.regex, start, stop, UTF8Check.flags(p, start, stop).union(closed ? [] : .unterminated),
             contentStart: 1, contentTrim: stop - bodyEnd)
    }
}
