import BackcheckModel

/// String bodies. A string is scanned once: with no interpolation it becomes one `.string`
/// token; at its first interpolation it becomes `stringStart`, and a `.string` frame takes over
/// the rest (segments, interpolations, `stringEnd`) from the main loop.
extension Scanner {
    enum BodyStop {
        /// Closed; `pos` is past the closing delimiter.
        case closed(contentEnd: Int)
        /// Ran into the end of the input, or a line break in a single-line string; `pos` is there.
        case unterminated
        /// An interpolation starts at `pos`.
        case interpolation
    }

    /// A string whose body starts at `bodyStart` (after prefix and opening delimiter).
    mutating func lexString(from start: Int, bodyStart: Int, _ style: StringStyle) {
        pos = bodyStart
        var depth = 0
        switch scanBody(style, depth: &depth) {
        case .closed(let contentEnd):
            emit(style.kind, start, pos, UTF8Check.flags(p, bodyStart, contentEnd),
                 contentStart: bodyStart - start, contentTrim: pos - contentEnd)
        case .unterminated:
            emit(style.kind, start, pos, UTF8Check.flags(p, bodyStart, pos).union(.unterminated),
                 contentStart: bodyStart - start)
        case .interpolation:
            let at = pos
            let index = emit(.stringStart, start, bodyStart)
            frames.append(Frame(kind: .string, style: style, token: UInt32(truncatingIfNeeded: index),
                                bracketBase: brackets.count, depth: depth))
            emitSegment(bodyStart, at)
            beginInterpolation(style)
        }
    }

    /// Continues the string on top of the frame stack after an interpolation.
    mutating func continueString() {
        let top = frames.count - 1
        let frame = frames[top]
        let segmentStart = pos
        var depth = frame.depth
        let stop = scanBody(frame.style, depth: &depth)
        frames[top].depth = depth
        switch stop {
        case .closed(let contentEnd):
            emitSegment(segmentStart, contentEnd)
            pair(Int(frame.token), emit(.stringEnd, contentEnd, pos))
            frames.removeLast()
        case .unterminated:
            emitSegment(segmentStart, pos)
            tokens[Int(frame.token)].flags.insert(.unterminated)
            pair(Int(frame.token), emit(.stringEnd, pos, pos, .unterminated))
            frames.removeLast()
        case .interpolation:
            emitSegment(segmentStart, pos)
            beginInterpolation(frame.style)
        }
    }

    /// Scans literal text from `pos` to the closing delimiter or an interpolation.
    mutating func scanBody(_ s: StringStyle, depth: inout Int) -> BodyStop {
        let backslashEscapes = s.escape == .backslash || s.escape == .backslashAndDoubled
        while pos < end {
            let b = p[pos]
            if b == s.close {
                if depth > 0 {
                    depth -= 1
                    pos += 1
                } else if let stop = scanClose(s) {
                    return stop
                }
                continue
            }
            switch b {
            case ASCII.backslash:
                if s.interpolation == .swift || s.hashes > 0 {
                    if scanSwiftBackslash(s) { return .interpolation }
                } else if backslashEscapes {
                    pos += 1
                    // `\{` escapes nothing in f-strings: the brace still opens or doubles.
                    if s.interpolation == .brace, at(pos) == ASCII.lbrace || at(pos) == ASCII.rbrace { continue }
                    if pos < end {
                        pos += (p[pos] == ASCII.cr && at(pos + 1) == ASCII.lf) ? 2 : 1
                    }
                } else {
                    pos += 1
                }
            case ASCII.lf, ASCII.cr:
                if !s.multiline { return .unterminated }
                pos += 1
            case ASCII.dollar, ASCII.lbrace, ASCII.rbrace, ASCII.hash:
                if b == s.open { depth += 1 }
                if s.interpolation == .none {
                    pos += 1
                } else if startsInterpolation(s) {
                    if b == s.open { depth -= 1 }
                    return .interpolation
                }
            default:
                if b == s.open, s.open != 0 { depth += 1 }
                pos += 1
            }
        }
        return .unterminated
    }

    /// At a closing-delimiter byte: closes, or consumes it as text and returns nil.
    private mutating func scanClose(_ s: StringStyle) -> BodyStop? {
        let start = pos
        if s.quoteCount == 1, s.hashes == 0 {
            if s.escape == .doubled || s.escape == .backslashAndDoubled, at(start + 1) == s.close {
                pos = start + 2
                return nil
            }
            pos = start + 1
            return .closed(contentEnd: start)
        }
        let quotes = Int(s.quoteCount)
        // Only a closer that takes the whole run needs its end; counting further at every
        // attempt would make a long run of quotes (`""""""…`) quadratic.
        let limit = s.closeAtRunEnd ? end : min(end, start + quotes)
        var run = 1
        while start + run < limit, p[start + run] == s.close { run += 1 }
        WorkMeter.tick(run)
        guard run >= quotes else {
            pos = start + run
            return nil
        }
        let contentEnd = s.closeAtRunEnd ? start + run - quotes : start
        var hashEnd = contentEnd + quotes
        for _ in 0..<s.hashes {
            guard at(hashEnd) == ASCII.hash else {
                pos = start + 1
                return nil
            }
            hashEnd += 1
        }
        pos = hashEnd
        return .closed(contentEnd: contentEnd)
    }

    /// Swift: `\(` (or `\#(` in a raw string) interpolates; any other escape is skipped.
    private mutating func scanSwiftBackslash(_ s: StringStyle) -> Bool {
        var i = pos + 1
        for _ in 0..<s.hashes {
            guard at(i) == ASCII.hash else {
                pos += 1
                return false
            }
            i += 1
        }
        if at(i) == ASCII.lparen { return true }
        pos = min(i + 1, end)
        return false
    }

    /// At `$ { } #`: whether an interpolation starts at `pos`; if not, consumes literal text.
    private mutating func startsInterpolation(_ s: StringStyle) -> Bool {
        let b = p[pos]
        let next = at(pos + 1)
        switch s.interpolation {
        case .dollarBrace:
            if b == ASCII.dollar, next == ASCII.lbrace { return true }
        case .brace:
            if b == ASCII.lbrace {
                var run = 1
                while at(pos + run) == ASCII.lbrace { run += 1 }
                let needed = Int(s.braces)
                if needed == 1 {
                    if run == 1 { return true }
                    pos += 2
                    return false
                }
                if run >= needed {
                    pos += run - needed
                    return true
                }
                pos += run
                return false
            }
            if b == ASCII.rbrace, next == ASCII.rbrace, s.braces == 1 {
                pos += 2
                return false
            }
        case .hashBrace:
            if b == ASCII.hash {
                if next == ASCII.lbrace { return true }
                if next == ASCII.at {
                    let nameStart = at(pos + 2) == ASCII.at ? pos + 3 : pos + 2
                    if ByteClass.isIdentStart(at(nameStart)) { return true }
                }
                if next == ASCII.dollar, ByteClass.isIdentStart(at(pos + 2)), !isMetavariable(at: pos + 1) { return true }
            }
        case .kotlin:
            if b == ASCII.dollar {
                if next == ASCII.lbrace { return true }
                if ByteClass.isIdentStart(next), !isMetavariable(at: pos) { return true }
            }
        case .php:
            if b == ASCII.dollar {
                if next == ASCII.lbrace { return true }
                if ByteClass.isIdentStart(next), !isMetavariable(at: pos) { return true }
            }
            if b == ASCII.lbrace, next == ASCII.dollar { return true }
        case .none, .swift:
            break
        }
        pos += 1
        return false
    }

    /// Pattern mode: `$NAME` in a string stays literal text.
    func isMetavariable(at i: Int) -> Bool {
        guard patternMode, p[i] == ASCII.dollar else { return false }
        let first = at(i + 1)
        return ByteClass.isUpper(first) || first == ASCII.underscore
    }
}
