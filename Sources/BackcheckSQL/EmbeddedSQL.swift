import BackcheckLexer

/// SQL written in string literals of code: a string whose text starts with SELECT, UPDATE,
/// DELETE, INSERT or WITH, together with the strings concatenated to it (`"…" + "…"`, PHP
/// `"…" . "…"`, adjacent literals) and interpolations, which become `?` placeholders.
enum EmbeddedSQL {
    /// One assembled query text and the token of the string it starts in.
    struct Query {
        var text: [UInt8]
        var token: Int
    }

    /// The query texts of a lexed code file.
    static func queries(in file: LexedFile) -> [Query] {
        let tokens = file.buffer.tokens
        var result: [Query] = []
        var index = 0
        while index < tokens.count {
            guard let (first, next) = literal(at: index, in: file), startsQuery(first) else {
                index += 1
                continue
            }
            var text = first
            var cursor = next
            // `+ "…"`, `. "…"`, `"…"`, or `+ operand + "…"` (the operand becomes a placeholder).
            while cursor < tokens.count {
                var probe = cursor
                if isJoiner(probe, file) { probe += 1 }
                if let (more, after) = literal(at: probe, in: file) {
                    text += more
                    cursor = after
                    continue
                }
                guard probe > cursor, let operandEnd = operand(from: probe, file), isJoiner(operandEnd, file),
                      let (more, after) = literal(at: operandEnd + 1, in: file) else { break }
                text += Array(" ? ".utf8) + more
                cursor = after
            }
            result.append(Query(text: text, token: index))
            index = cursor
        }
        return result
    }

    /// The text of the string literal at `index` (interpolations as ` ? `, escapes as blanks) and
    /// the index after it; nil when no literal starts there.
    private static func literal(at index: Int, in file: LexedFile) -> ([UInt8], Int)? {
        let tokens = file.buffer.tokens
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        if token.kind == .string {
            return (unescaped(file.bytes[file.buffer.contentRange(of: index)]), index + 1)
        }
        guard token.kind == .stringStart, token.hasPartner, Int(token.partner) > index else { return nil }
        var text: [UInt8] = []
        var inner = index + 1
        let close = Int(token.partner)
        while inner < close {
            let part = tokens[inner]
            if part.kind == .stringSegment {
                text += unescaped(file.bytes[part.range])
                inner += 1
            } else if part.kind == .interpolationOpen, part.hasPartner, Int(part.partner) > inner {
                text += Array(" ? ".utf8)
                inner = Int(part.partner) + 1
            } else {
                inner += 1
            }
        }
        return (text, close + 1)
    }

    /// Backslash escapes (`\n`, `\t`, `\"`) become blanks so the SQL lexer sees whitespace.
    private static func unescaped(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var result = Array(bytes)
        var index = 0
        while index + 1 < result.count {
            if result[index] == UInt8(ascii: "\\") {
                result[index] = UInt8(ascii: " ")
                if [UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "r")].contains(result[index + 1]) {
                    result[index + 1] = UInt8(ascii: " ")
                }
                index += 2
            } else {
                index += 1
            }
        }
        return result
    }

    private static func isJoiner(_ index: Int, _ file: LexedFile) -> Bool {
        guard index < file.buffer.tokens.count, file.buffer.tokens[index].kind == .punctuation else { return false }
        let text = file.bytes[file.buffer.tokens[index].range]
        return text.elementsEqual("+".utf8) || text.elementsEqual(".".utf8) || text.elementsEqual("..".utf8)
    }

    /// An operand `a`, `a.b`, `a.b(…)`, `a[…]` from `index`: the index after it.
    private static func operand(from index: Int, _ file: LexedFile) -> Int? {
        let tokens = file.buffer.tokens
        guard index < tokens.count, tokens[index].kind == .identifier || tokens[index].kind == .number else { return nil }
        var cursor = index + 1
        while cursor < tokens.count {
            let token = tokens[cursor]
            let text = file.bytes[token.range]
            if token.kind == .punctuation, token.hasPartner, Int(token.partner) > cursor,
               text.first == UInt8(ascii: "(") || text.first == UInt8(ascii: "[") {
                cursor = Int(token.partner) + 1
            } else if token.kind == .punctuation, text.elementsEqual(".".utf8) || text.elementsEqual("->".utf8),
                      cursor + 1 < tokens.count, tokens[cursor + 1].kind == .identifier {
                cursor += 2
            } else {
                break
            }
        }
        return cursor
    }

    /// Whether the text starts (after blanks) with a query keyword followed by a blank.
    static func startsQuery(_ text: [UInt8]) -> Bool {
        guard let start = text.firstIndex(where: { !isBlank($0) }) else { return false }
        for word in QueryParser.queryStarts {
            let length = word.utf8.count
            guard start + length < text.count, isBlank(text[start + length]) else { continue }
            if text[start..<(start + length)].map({ $0 | 0x20 }).elementsEqual(word.utf8) { return true }
        }
        return false
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
}
