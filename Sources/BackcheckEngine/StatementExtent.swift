import BackcheckLexer

/// Where the statement holding a token begins, so that a suppression comment above a statement
/// covers a match anywhere inside it, however a formatter wrapped it.
package enum StatementExtent {
    /// Bytes after which a line break continues the statement rather than ending it.
    private static let continuing: Set<UInt8> = Set("+-*/%=&|^<>!?:,.([{\\".utf8)

    /// Index of the first token of the statement containing token `index`.
    package static func start(of index: Int, in file: LexedFile) -> Int {
        let tokens = file.buffer.tokens
        var current = index
        while current > 0 {
            let previous = tokens[current - 1]
            switch previous.kind {
            case .blockOpen, .blockClose:
                return current
            case .punctuation:
                let byte = file.bytes[Int(previous.start)]
                if previous.length == 1, byte == UInt8(ascii: ";") { return current }
                if previous.hasPartner, Int(previous.partner) > current - 1 {
                    // An opening bracket: a block's statements start inside it; a call's
                    // arguments belong to the statement around it.
                    if byte == UInt8(ascii: "{") { return current }
                    current -= 1
                    continue
                }
                if previous.hasPartner, byte == UInt8(ascii: "}") { return current }
            default:
                break
            }
            let token = tokens[current]
            if token.flags.contains(.startsLine), !continues(previous, file: file), !isContinuation(token, file: file) {
                return current
            }
            // Jump over a whole group in one step.
            if previous.hasPartner, Int(previous.partner) < current - 1 {
                current = Int(previous.partner)
            } else {
                current -= 1
            }
        }
        return 0
    }

    /// A token that ends its line but asks for more (an operator, a comma, an open bracket).
    private static func continues(_ token: Token, file: LexedFile) -> Bool {
        guard token.kind == .punctuation else { return false }
        let last = file.bytes[Int(token.end) - 1]
        if last == UInt8(ascii: ")") || last == UInt8(ascii: "]") || last == UInt8(ascii: "}") { return false }
        return continuing.contains(last)
    }

    /// A token that starts a line but continues the previous one (`.method()`, `+ rest`).
    private static func isContinuation(_ token: Token, file: LexedFile) -> Bool {
        guard token.kind == .punctuation else { return false }
        let first = file.bytes[Int(token.start)]
        return first == UInt8(ascii: ".") || first == UInt8(ascii: "+") || first == UInt8(ascii: "?")
            || first == UInt8(ascii: "&") || first == UInt8(ascii: "|") || first == UInt8(ascii: ":")
    }
}
