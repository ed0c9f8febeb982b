/// Interpolations: `${…}`, `#{…}`, `{…}`, `\(…)` push an `.interpolation` frame whose code is
/// lexed normally until its closer; simple forms (`$name`, `#@ivar`, PHP `$a->b`, `$a[0]`) are
/// emitted at once between zero-length open/close tokens.
extension Scanner {
    /// At `pos`, where `scanBody` found an interpolation of `style`.
    mutating func beginInterpolation(_ style: StringStyle) {
        let start = pos
        let b = p[start]
        let next = at(start + 1)
        switch style.interpolation {
        case .dollarBrace:
            openInterpolation(start, length: 2, closer: ASCII.rbrace)
        case .brace:
            openInterpolation(start, length: Int(style.braces), closer: ASCII.rbrace,
                              closeCount: style.braces, formatSpecs: style.formatSpecs)
        case .hashBrace:
            if next == ASCII.lbrace {
                openInterpolation(start, length: 2, closer: ASCII.rbrace)
            } else {
                simpleInterpolation(nameStart: start + 1)
            }
        case .kotlin:
            if next == ASCII.lbrace {
                openInterpolation(start, length: 2, closer: ASCII.rbrace)
            } else {
                simpleInterpolation(nameStart: start + 1)
            }
        case .php:
            if b == ASCII.lbrace {
                openInterpolation(start, length: 1, closer: ASCII.rbrace)
            } else if next == ASCII.lbrace {
                openInterpolation(start, length: 2, closer: ASCII.rbrace)
            } else {
                phpSimpleInterpolation()
            }
        case .swift:
            openInterpolation(start, length: 2 + Int(style.hashes), closer: ASCII.rparen)
        case .none:
            pos += 1
        }
    }

    private mutating func openInterpolation(
        _ start: Int, length: Int, closer: UInt8, closeCount: UInt8 = 1, formatSpecs: Bool = false
    ) {
        let index = emit(.interpolationOpen, start, start + length)
        var style = frames[frames.count - 1].style
        style.formatSpecs = formatSpecs
        frames.append(Frame(kind: .interpolation, style: style, token: UInt32(truncatingIfNeeded: index),
                            bracketBase: brackets.count, closer: closer, closeCount: closeCount))
        pos = start + length
    }

    /// `$name` (Kotlin: the name without `$`), `#@ivar`, `#@@cvar`, `#$global` (the name with its sigil).
    private mutating func simpleInterpolation(nameStart: Int) {
        var i = nameStart
        while i < end, p[i] == ASCII.at || p[i] == ASCII.dollar { i += 1 }
        let stop = i < end ? identifierEnd(from: i) : i
        let open = emit(.interpolationOpen, nameStart, nameStart)
        emit(.identifier, nameStart, stop, highBytes(nameStart, stop))
        pair(open, emit(.interpolationClose, stop, stop))
        pos = stop
    }

    /// PHP `"$var"`, `"$var->prop"`, `"$var[0]"`, `"$var[key]"`, `"$var[$i]"`.
    private mutating func phpSimpleInterpolation() {
        let start = pos
        let nameEnd = identifierEnd(from: start + 1)
        let open = emit(.interpolationOpen, start, start)
        emit(.identifier, start, nameEnd, highBytes(start, nameEnd))
        var stop = nameEnd
        if at(nameEnd) == ASCII.minus, at(nameEnd + 1) == ASCII.gt, ByteClass.isIdentStart(at(nameEnd + 2)) {
            emit(.punctuation, nameEnd, nameEnd + 2)
            stop = identifierEnd(from: nameEnd + 2)
            emit(.identifier, nameEnd + 2, stop)
        } else if at(nameEnd) == ASCII.lbracket {
            let keyStart = nameEnd + 1
            let key = at(keyStart)
            var keyEnd = keyStart
            var kind = TokenKind.identifier
            if key == ASCII.dollar, ByteClass.isIdentStart(at(keyStart + 1)) {
                keyEnd = identifierEnd(from: keyStart + 1)
            } else if ByteClass.isDigit(key) || (key == ASCII.minus && ByteClass.isDigit(at(keyStart + 1))) {
                kind = .number
                keyEnd = keyStart + 1
                while ByteClass.isDigit(at(keyEnd)) { keyEnd += 1 }
            } else if ByteClass.isIdentStart(key) {
                keyEnd = identifierEnd(from: keyStart)
            }
            if keyEnd > keyStart, at(keyEnd) == ASCII.rbracket {
                let openBracket = emit(.punctuation, nameEnd, keyStart)
                emit(kind, keyStart, keyEnd)
                pair(openBracket, emit(.punctuation, keyEnd, keyEnd + 1))
                stop = keyEnd + 1
            }
        }
        pair(open, emit(.interpolationClose, stop, stop))
        pos = stop
    }

    /// The closer of the innermost interpolation at `start`.
    mutating func closeInterpolation(at start: Int) {
        let frame = frames.removeLast()
        dropBrackets(downTo: frame.bracketBase)
        var length = 1
        while length < Int(frame.closeCount), at(start + length) == frame.closer { length += 1 }
        pair(Int(frame.token), emit(.interpolationClose, start, start + length))
        pos = start + length
    }

    /// The input ended inside an interpolation: a zero-length unterminated closer.
    mutating func closeInterpolationAtEOF() {
        let frame = frames.removeLast()
        dropBrackets(downTo: frame.bracketBase)
        tokens[Int(frame.token)].flags.insert(.unterminated)
        pair(Int(frame.token), emit(.interpolationClose, end, end, .unterminated))
        pos = end
    }

    /// Python/C#: `:` (or Python `!`) at the top level of an interpolation starts a format spec.
    mutating func beginFormatSpec() -> Bool {
        guard let top = frames.last, top.kind == .interpolation, top.style.formatSpecs,
              brackets.count == top.bracketBase, at(pos + 1) != ASCII.colon else { return false }
        frames.append(Frame(kind: .formatSpec, style: top.style, token: top.token, bracketBase: brackets.count))
        return true
    }

    /// Literal format-spec text up to the interpolation's `}`; Python nests `{width}` fields.
    mutating func continueFormatSpec() {
        let style = frames[frames.count - 1].style
        let start = pos
        while pos < end {
            let b = p[pos]
            if b == ASCII.rbrace {
                emitSegment(start, pos)
                frames.removeLast()
                closeInterpolation(at: pos)
                return
            }
            if b == ASCII.lbrace, style.interpolation == .brace, style.braces == 1 {
                emitSegment(start, pos)
                openInterpolation(pos, length: 1, closer: ASCII.rbrace, formatSpecs: true)
                return
            }
            // The string's own quote or line end: the interpolation was never closed.
            if b == style.close || (!style.multiline && (b == ASCII.lf || b == ASCII.cr)) {
                emitSegment(start, pos)
                frames.removeLast()
                let frame = frames.removeLast()
                dropBrackets(downTo: frame.bracketBase)
                tokens[Int(frame.token)].flags.insert(.unterminated)
                pair(Int(frame.token), emit(.interpolationClose, pos, pos, .unterminated))
                return
            }
            pos += 1
        }
        emitSegment(start, pos)
        frames.removeLast()
    }
}
