/// Bracket matching: a stack of open brackets. A closer pairs with the nearest matching opener
/// a few levels down (the openers it skips become `.unbalanced`), so one stray bracket does not
/// shift every later pair; a closer with no such opener is `.unbalanced` and leaves the stack alone.
extension Scanner {
    /// How far down the stack a closer may look for its opener.
    static let bracketSearchDepth = 8

    mutating func openBracket(at start: Int) {
        let index = emit(.punctuation, start, start + 1)
        brackets.append(UInt32(truncatingIfNeeded: index))
        pos = start + 1
    }

    mutating func closeBracket(at start: Int) {
        let closer = p[start]
        let opener = closer == ASCII.rparen ? ASCII.lparen : closer == ASCII.rbracket ? ASCII.lbracket : ASCII.lbrace
        let base = frames.last?.bracketBase ?? 0
        let limit = max(base, brackets.count - Self.bracketSearchDepth)
        var k = brackets.count - 1
        while k >= limit, p[Int(tokens[Int(brackets[k])].start)] != opener { k -= 1 }
        if k >= limit {
            let openIndex = Int(brackets[k])
            dropBrackets(downTo: k + 1)
            brackets.removeLast()
            let index = emit(.punctuation, start, start + 1)
            pair(openIndex, index)
            pos = start + 1
        } else if let top = frames.last, top.kind == .interpolation, closer == top.closer {
            closeInterpolation(at: start)
        } else {
            emit(.punctuation, start, start + 1, .unbalanced)
            pos = start + 1
        }
    }

    /// Pops openers above `height`, marking them unbalanced.
    mutating func dropBrackets(downTo height: Int) {
        while brackets.count > height {
            tokens[Int(brackets.removeLast())].flags.insert(.unbalanced)
        }
    }
}
