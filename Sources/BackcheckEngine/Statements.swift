import BackcheckLexer

/// The statement model of one file: where statements begin and end, and which line breaks do not
/// end one. The engine's one answer to "which statement is this token in", used by suppressions
/// (a comment above a statement covers a match anywhere in it, however a formatter wrapped it),
/// the matcher (a trailing `$...X` takes the rest of the statement) and taint (the two sides of an
/// assignment). Built once per file by ``TokenIndex``.
package struct Statements: Sendable {
    /// Per token: a statement begins at it (the first token, one after `;`, `{`, `}` or a block
    /// token, or one that starts a line the previous line does not continue).
    private let begins: [Bool]

    /// Bytes after which a line break continues the statement rather than ending it: an operator,
    /// a comma, a member access or an open bracket at the end of a line asks for more.
    private static let continuingLast: [Bool] = table("+-*/%=&|^<>!?:,.([{\\")
    /// Bytes that continue the previous line when a line starts with them (`.method()`, `+ rest`,
    /// `? a : b`, `&& more`, `|| more`).
    private static let continuingFirst: [Bool] = table(".+?&|:")

    init(tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>) {
        var begins = [Bool](repeating: false, count: tokens.count)
        for index in tokens.indices {
            begins[index] = index == 0 || Self.breaks(before: index, tokens: tokens, bytes: bytes)
        }
        self.begins = begins
    }

    /// Whether a statement begins at token `index`.
    package func begins(at index: Int) -> Bool { begins[index] }

    /// The first token of the statement holding token `index`. A call's arguments belong to the
    /// statement around the call; a block's statements are their own.
    package func start(of index: Int, tokens: UnsafeBufferPointer<Token>, limit: Int = 0) -> Int {
        var current = index
        while current > limit, !begins[current] {
            let previous = tokens[current - 1]
            // Jump over a whole group that ends right before, in one step.
            if previous.hasPartner, Int(previous.partner) < current - 1 {
                current = max(limit, Int(previous.partner))
            } else {
                current -= 1
            }
        }
        return current
    }

    /// The first token of the statement holding token `index` of `file`.
    package func start(of index: Int, in file: LexedFile) -> Int {
        file.buffer.tokens.withUnsafeBufferPointer { start(of: index, tokens: $0) }
    }

    /// Where the statement that goes on at token `index` ends (exclusive): before the next token
    /// that begins a statement, a `;`, or the closer of the group it stands in; nested groups are
    /// skipped whole. With `atComma`, a `,` at this depth ends it too (one argument of a list).
    package func end(from index: Int, limit: Int, atComma: Bool = false,
                     tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var cursor = index
        while cursor < limit {
            let token = tokens[cursor]
            if cursor > index, begins[cursor] { return cursor }
            if Self.isCloser(token, at: cursor, bytes: bytes) { return cursor }
            if token.kind == .punctuation, token.length == 1 {
                let byte = bytes[Int(token.start)]
                if byte == UInt8(ascii: ";") || (atComma && byte == UInt8(ascii: ",")) { return cursor }
            }
            if token.hasPartner, Int(token.partner) > cursor {
                let close = Int(token.partner)
                guard close < limit else { return cursor }
                cursor = close + 1
            } else {
                cursor += 1
            }
        }
        return limit
    }

    /// Whether a statement ends between tokens `index - 1` and `index`.
    private static func breaks(before index: Int, tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let previous = tokens[index - 1]
        switch previous.kind {
        case .blockOpen, .blockClose:
            return true
        case .punctuation:
            let byte = bytes[Int(previous.start)]
            if previous.length == 1, byte == UInt8(ascii: ";") { return true }
            if previous.hasPartner {
                // After a block's `{` a new statement begins; after `(` or `[` the arguments go
                // on. After a `}` one begins too, unless punctuation goes on with the braces as
                // a value: `} = req.body` (destructuring), `}.bind(this)`, `}, next)`.
                if byte == UInt8(ascii: "{") && Int(previous.partner) > index - 1 { return true }
                if byte == UInt8(ascii: "}") && Int(previous.partner) < index - 1
                    && (tokens[index].kind != .punctuation || tokens[index].flags.contains(.startsLine)) {
                    return true
                }
            }
        default:
            break
        }
        let token = tokens[index]
        return token.flags.contains(.startsLine) && !continuesAfter(previous, bytes: bytes) && !continuesBefore(token, bytes: bytes)
    }

    /// A token that ends its line but asks for more (an operator, a comma, an open bracket).
    private static func continuesAfter(_ token: Token, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard token.kind == .punctuation else { return false }
        let last = bytes[Int(token.end) - 1]
        if last == UInt8(ascii: ")") || last == UInt8(ascii: "]") || last == UInt8(ascii: "}") { return false }
        return continuingLast[Int(last)]
    }

    /// A token that starts a line but continues the previous one (`.method()`, `+ rest`).
    private static func continuesBefore(_ token: Token, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        token.kind == .punctuation && continuingFirst[Int(bytes[Int(token.start)])]
    }

    /// A token closing the group it stands in (a bracket, a block, the end of an interpolated
    /// string or of an interpolation).
    static func isCloser(_ token: Token, at index: Int, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if token.hasPartner { return Int(token.partner) < index }
        switch token.kind {
        case .blockClose, .stringEnd, .interpolationClose: return true
        case .punctuation:
            guard token.length == 1 else { return false }
            let byte = bytes[Int(token.start)]
            return byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}")
        default: return false
        }
    }

    private static func table(_ characters: String) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for byte in characters.utf8 { table[Int(byte)] = true }
        return table
    }
}
