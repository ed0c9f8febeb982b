import BackcheckLexer
import BackcheckModel

/// What an operand is, token-wise: where one may start (a name, literal or bracketed expression
/// that is not an argument list), where its chain of members, calls and indexes may end, and,
/// backwards, where the chain ending at a token began. Shared by the per-file `TokenIndex`,
/// which precomputes it once for every rule, and the matcher.
struct OperandGrammar {
    let tokens: UnsafeBufferPointer<Token>
    let bytes: UnsafeBufferPointer<UInt8>
    let language: Language

    /// Whether an operand may begin at `index`: a name, literal, or a bracketed expression that is
    /// not a call's or index's argument list.
    func isOperandStart(_ index: Int) -> Bool {
        let token = tokens[index]
        switch token.kind {
        case .identifier:
            if Keywords.isStatementKeyword(bytes[token.range], language: language) { return false }
        case .number, .string, .stringStart, .regex:
            break
        case .punctuation:
            guard token.hasPartner, Int(token.partner) > index else { return false }
            let byte = bytes[Int(token.start)]
            guard byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") else { return false }
            if index > 0, isCallee(index - 1) { return false }
        default:
            return false
        }
        return true
    }

    /// Whether the token at `index` is the member part of a longer chain (`b` in `a.b`): a match
    /// never starts there, so `$X.f()` binds the whole receiver once.
    func continuesChain(_ index: Int) -> Bool {
        guard index > 0 else { return false }
        let previous = tokens[index - 1]
        return previous.kind == .punctuation && isMemberAccess(previous)
    }

    /// Whether a bracket right after the token at `index` would be a call or an index. A member
    /// named like a keyword is called too (`p.catch(f)`), as `operandEnds` reads it.
    func isCallee(_ index: Int) -> Bool {
        let token = tokens[index]
        switch token.kind {
        case .identifier: return !Keywords.isStatementKeyword(bytes[token.range], language: language) || continuesChain(index)
        case .string, .stringEnd: return true
        case .punctuation: return token.hasPartner && Int(token.partner) < index
        default: return false
        }
    }

    /// Where an operand starting at `index` ends at the shortest, or nil when it cannot end
    /// before `limit`.
    func firstEnd(from index: Int, limit: Int) -> Int? {
        let first = tokens[index]
        if first.kind == .stringStart || first.kind == .punctuation {
            guard first.hasPartner, Int(first.partner) < limit else { return nil }
            return Int(first.partner) + 1
        }
        // `new Foo(...)`: the constructor name belongs to the operand.
        if first.kind == .identifier, bytes[first.range].elementsEqual("new".utf8),
           index + 1 < limit, tokens[index + 1].kind == .identifier {
            return index + 2
        }
        return index + 1
    }

    /// Pushes `first`, an operand's shortest end (``firstEnd(from:limit:)``), and every later
    /// index where it may end: they depend on `first` alone.
    func operandEnds(from first: Int, limit: Int, into ends: inout [Int32]) {
        var cursor = first
        ends.append(Int32(cursor))
        while let next = nextEnd(after: cursor, limit: limit) {
            cursor = next
            ends.append(Int32(cursor))
        }
    }

    /// The longest end of the operand whose shortest end is `first`.
    func lastEnd(from first: Int, limit: Int) -> Int {
        var cursor = first
        while let next = nextEnd(after: cursor, limit: limit) { cursor = next }
        return cursor
    }

    /// The next end after `cursor`: past a member (`.b`), a call or an index; nil where the chain stops.
    private func nextEnd(after cursor: Int, limit: Int) -> Int? {
        guard cursor < limit else { return nil }
        let token = tokens[cursor]
        guard token.kind == .punctuation else { return nil }
        if isMemberAccess(token), cursor + 1 < limit, tokens[cursor + 1].kind == .identifier { return cursor + 2 }
        if token.hasPartner, Int(token.partner) > cursor, Int(token.partner) < limit,
           bytes[Int(token.start)] == UInt8(ascii: "(") || bytes[Int(token.start)] == UInt8(ascii: "[") {
            return Int(token.partner) + 1
        }
        return nil
    }

    /// ``isMemberAccess(_:bytes:language:)`` in this file.
    func isMemberAccess(_ token: Token) -> Bool {
        Self.isMemberAccess(token, bytes: bytes, language: language)
    }

    /// Whether `token` reaches a member: `.`, `?.`, `::`, `&.`, and PHP's `->` and `?->` (PHP's
    /// `.` concatenates instead; elsewhere `->` is an arrow: Java and Kotlin lambdas and switch
    /// cases, Ruby lambdas, Swift and Python return types). The engine's one definition, for
    /// operands and taint alike.
    static func isMemberAccess(_ token: Token, bytes: UnsafeBufferPointer<UInt8>, language: Language) -> Bool {
        guard token.kind == .punctuation else { return false }
        let start = Int(token.start)
        switch token.length {
        case 1:
            return bytes[start] == UInt8(ascii: ".") && language != .php
        case 2:
            let first = bytes[start]
            let second = bytes[start + 1]
            switch (first, second) {
            case (UInt8(ascii: "?"), UInt8(ascii: ".")), (UInt8(ascii: ":"), UInt8(ascii: ":")), (UInt8(ascii: "&"), UInt8(ascii: ".")):
                return true
            case (UInt8(ascii: "-"), UInt8(ascii: ">")):
                return language == .php
            default:
                return false
            }
        case 3:
            return bytes[start] == UInt8(ascii: "?") && bytes[start + 1] == UInt8(ascii: "-") && bytes[start + 2] == UInt8(ascii: ">")
        default:
            return false
        }
    }

    /// Per token t: the first token of the operand chain ending with t (`a.b(c)[d]` → `a`),
    /// mirroring `operandEnds` backwards. Filled from the front, each from a head already
    /// known, so every head of a file costs O(1), however long its chain: a walk back for each
    /// `.` of a minified chain is quadratic.
    func chainHeads() -> [Int32] {
        var heads = [Int32](repeating: 0, count: tokens.count)
        for cursor in tokens.indices {
            let token = tokens[cursor]
            var head = cursor
            if token.hasPartner, Int(token.partner) < cursor {
                // A closing bracket: a call's or index's arguments, a parenthesised operand, or
                // an interpolated string.
                head = Int(token.partner)
                if tokens[head].kind == .punctuation, head > 0, isCallee(head - 1) {
                    heads[cursor] = heads[head - 1]
                    continue
                }
            }
            if head > 0, tokens[head - 1].kind == .identifier, bytes[tokens[head - 1].range].elementsEqual("new".utf8) {
                heads[cursor] = Int32(head - 1)
            } else if head >= 2, tokens[head - 1].kind == .punctuation, isMemberAccess(tokens[head - 1]) {
                heads[cursor] = heads[head - 2]
            } else {
                heads[cursor] = Int32(head)
            }
        }
        return heads
    }
}
