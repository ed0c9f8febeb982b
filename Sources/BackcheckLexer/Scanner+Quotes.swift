/// Which string literal a quote (or a prefix before it) opens, per language.
extension Scanner {
    /// At `"`, `'` or a back-tick.
    mutating func lexQuote(at start: Int) {
        let q = p[start]
        let triple = at(start + 1) == q && at(start + 2) == q
        var style = StringStyle.quoted(q)
        switch language {
        case .python:
            return lexPythonString(from: start, quoteAt: start)
        case .javascript, .typescript:
            if q == ASCII.backtick {
                style.multiline = true
                style.interpolation = .dollarBrace
            }
        case .go:
            if q == ASCII.backtick {
                style.multiline = true
                style.escape = .none
            }
        case .java:
            if q == ASCII.backtick { return lexOperator() }
            if triple { return lexTripleQuoted(from: start, escape: .backslash, interpolation: .none) }
        case .kotlin:
            if q == ASCII.backtick { return lexQuotedIdentifier(from: start) }
            if triple { return lexTripleQuoted(from: start, escape: .none, interpolation: .kotlin, runEnd: true) }
            if q == ASCII.dquote { style.interpolation = .kotlin }
        case .csharp:
            if q == ASCII.backtick { return lexOperator() }
            if triple { return lexCSharpRaw(from: start, bodyQuote: start, dollars: 0) }
        case .php:
            style.multiline = true
            if q != ASCII.squote { style.interpolation = .php }
        case .ruby:
            style.multiline = true
            if q != ASCII.squote { style.interpolation = .hashBrace }
        case .swift:
            if q == ASCII.backtick { return lexQuotedIdentifier(from: start) }
            if triple { return lexTripleQuoted(from: start, escape: .backslash, interpolation: .swift) }
            style.interpolation = .swift
        case .sql:
            if q != ASCII.squote { return lexQuotedIdentifier(from: start) }
            style.multiline = true
            style.escape = .doubled
        }
        lexString(from: start, bodyStart: start + 1, style)
    }

    /// `"""…"""` (Java text blocks, Kotlin and Swift multi-line strings).
    private mutating func lexTripleQuoted(
        from start: Int, escape: StringStyle.Escape, interpolation: StringStyle.Interpolation, runEnd: Bool = false
    ) {
        var style = StringStyle.quoted(p[start], multiline: true)
        style.quoteCount = 3
        style.escape = escape
        style.interpolation = interpolation
        style.closeAtRunEnd = runEnd
        lexString(from: start, bodyStart: start + 3, style)
    }

    /// Kotlin/Swift/SQL back-tick identifiers and SQL `"identifiers"`.
    private mutating func lexQuotedIdentifier(from start: Int) {
        var style = StringStyle.quoted(p[start])
        style.escape = .doubled
        style.kind = .identifier
        lexString(from: start, bodyStart: start + 1, style)
    }

    /// An identifier, or the prefix of a string literal glued to its quote (`rb"…"`, `E'…'`).
    mutating func lexIdentifierOrPrefixedString() {
        let start = pos
        // The hot path: one loop finds the end and whether any byte needs UTF-8 validation.
        var stop = start + 1
        var high = p[start]
        while stop < end {
            let b = p[stop]
            guard ByteClass.isIdentContinue(b) || (b == ASCII.dollar && traits.dollarIdentifiers) else { break }
            high |= b
            stop += 1
        }
        let next = at(stop)
        if next == ASCII.dquote || next == ASCII.squote {
            switch language {
            case .python where stop - start <= 2 && isPythonPrefix(start, stop):
                return lexPythonString(from: start, quoteAt: stop)
            case .sql where stop - start == 1 && next == ASCII.squote:
                let letter = p[start] | 0x20
                if letter == UInt8(ascii: "e") || letter == UInt8(ascii: "n") || letter == UInt8(ascii: "x") || letter == UInt8(ascii: "b") {
                    var style = StringStyle.quoted(ASCII.squote, multiline: true)
                    style.escape = letter == UInt8(ascii: "e") ? .backslashAndDoubled : .doubled
                    return lexString(from: start, bodyStart: stop + 1, style)
                }
            default:
                break
            }
        }
        pos = stop
        if language == .ruby { return lexRubyIdentifierTail(from: start) }
        emit(.identifier, start, stop, high < 0x80 || UTF8Check.isValid(p, start, stop) ? [] : .invalidUTF8)
    }
}
