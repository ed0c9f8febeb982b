import BackcheckLexer

/// The statement model of one file: where statements begin and end, and which line breaks do not
/// end one. The engine's one answer to "which statement is this token in", used by suppressions
/// (a comment above a statement covers a match anywhere in it, however a formatter wrapped it),
/// the matcher (a trailing `$...X` takes the rest of the statement) and taint (the two sides of an
/// assignment). Built once per file by ``TokenIndex``.
package struct Statements: Sendable {
    /// Per token: the first token of the statement holding it. A statement begins at a token that
    /// is its own start (the first token, one after `;`, `{`, `}` or a block token, or one that
    /// starts a line the previous line does not continue). Precomputed, so that asking for every
    /// match of a long minified line costs O(1), not a walk back to the line's start.
    private let starts: [Int32]
    /// Per token: where the statement going on at it ends, with no limit (see ``end(from:limit:atComma:tokens:bytes:)``);
    /// `argumentEnds` also stops at a `,` at that depth. Precomputed for the same reason.
    private let ends: [Int32]
    private let argumentEnds: [Int32]

    /// Bytes after which a line break continues the statement rather than ending it: an operator,
    /// a comma, a member access or an open bracket at the end of a line asks for more.
    private static let continuingLast: [Bool] = table("+-*/%=&|^<>!?:,.([{\\")
    /// Bytes that continue the previous line when a line starts with them (`.method()`, `+ rest`,
    /// `? a : b`, `&& more`, `|| more`).
    private static let continuingFirst: [Bool] = table(".+?&|:")

    init(tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>) {
        let count = tokens.count
        // A walk back from a token steps over a whole group that ends right before it, else one
        // token, until a token that begins a statement: the start of token i is that of the
        // token the walk steps to, already known.
        var starts = [Int32](repeating: 0, count: count)
        for index in tokens.indices where index > 0 {
            if Self.breaks(before: index, tokens: tokens, bytes: bytes) {
                starts[index] = Int32(index)
            } else {
                let previous = tokens[index - 1]
                let step = previous.hasPartner && Int(previous.partner) < index - 1 ? Int(previous.partner) : index - 1
                starts[index] = starts[step]
            }
        }
        // The walk forward steps over whole groups: the end from token i is i itself or the
        // end from the token the walk steps to, already known when filled from the back.
        var ends = [Int32](repeating: Int32(count), count: count)
        var argumentEnds = ends
        for index in tokens.indices.reversed() {
            let token = tokens[index]
            if Self.isCloser(token, at: index, bytes: bytes) || Self.isPunctuation(token, ";", bytes: bytes) {
                ends[index] = Int32(index)
                argumentEnds[index] = Int32(index)
                continue
            }
            let next = token.hasPartner && Int(token.partner) > index ? Int(token.partner) + 1 : index + 1
            if next < count {
                let beginsNext = Int(starts[next]) == next
                ends[index] = beginsNext ? Int32(next) : ends[next]
                argumentEnds[index] = beginsNext ? Int32(next) : argumentEnds[next]
            }
            if Self.isPunctuation(token, ",", bytes: bytes) { argumentEnds[index] = Int32(index) }
        }
        self.starts = starts
        self.ends = ends
        self.argumentEnds = argumentEnds
    }

    /// Whether a statement begins at token `index`.
    package func begins(at index: Int) -> Bool { Int(starts[index]) == index }

    /// The first token of the statement holding token `index`, not before `limit`. A call's
    /// arguments belong to the statement around the call; a block's statements are their own.
    package func start(of index: Int, limit: Int = 0) -> Int {
        index <= limit ? index : max(limit, Int(starts[index]))
    }

    /// Where the statement that goes on at token `index` ends (exclusive): before the next token
    /// that begins a statement, a `;`, or the closer of the group it stands in; nested groups are
    /// skipped whole. With `atComma`, a `,` at this depth ends it too (one argument of a list).
    package func end(from index: Int, limit: Int, atComma: Bool = false,
                     tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard index < limit else { return limit }
        let known = Int(atComma ? argumentEnds[index] : ends[index])
        // Within the limit the walk never met a group reaching past it, so the table's answer
        // holds; a statement running on past a limit inside the file (a Ruby body closed by
        // `end` on the same line) is walked to see where the limit cuts it.
        if known < limit || limit == tokens.count { return min(known, limit) }
        return walkEnd(from: index, limit: limit, atComma: atComma, tokens: tokens, bytes: bytes)
    }

    /// ``end(from:limit:atComma:tokens:bytes:)`` by walking, for a limit the tables do not know.
    private func walkEnd(from index: Int, limit: Int, atComma: Bool,
                         tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var cursor = index
        while cursor < limit {
            let token = tokens[cursor]
            if cursor > index, begins(at: cursor) { return cursor }
            if Self.isCloser(token, at: cursor, bytes: bytes) || Self.isPunctuation(token, ";", bytes: bytes)
                || (atComma && Self.isPunctuation(token, ",", bytes: bytes)) {
                return cursor
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

    private static func isPunctuation(_ token: Token, _ character: Unicode.Scalar, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        token.kind == .punctuation && token.length == 1 && bytes[Int(token.start)] == UInt8(ascii: character)
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
