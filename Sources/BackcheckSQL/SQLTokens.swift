import BackcheckLexer
import BackcheckModel

/// A lexed SQL text seen as words: names folded to lower case and unquoted, keywords compared
/// case-insensitively, brackets skipped through their partners. Parsers read statements with it.
struct SQLTokens {
    let file: LexedFile
    var tokens: [Token] { file.buffer.tokens }

    init(_ file: LexedFile) {
        self.file = file
    }

    var count: Int { file.buffer.tokens.count }

    /// The raw bytes of token `index`.
    func bytes(_ index: Int) -> ArraySlice<UInt8> { file.bytes[tokens[index].range] }

    /// Whether token `index` is an unquoted word equal to `word` (lower-case ASCII), ignoring case.
    func isWord(_ index: Int, _ word: String) -> Bool {
        WorkMeter.tick()
        guard index < count, tokens[index].kind == .identifier else { return false }
        let text = bytes(index)
        guard text.count == word.utf8.count else { return false }
        return zip(text, word.utf8).allSatisfy { ($0 | 0x20) == $1 || $0 == $1 }
    }

    /// Whether token `index` is the punctuation `symbol`.
    func isSymbol(_ index: Int, _ symbol: String) -> Bool {
        WorkMeter.tick()
        guard index < count, tokens[index].kind == .punctuation else { return false }
        return bytes(index).elementsEqual(symbol.utf8)
    }

    /// Whether token `index` can name something: an identifier (quoted or not) that is not a
    /// placeholder (`$1`, `:name`, `@p`).
    func isName(_ index: Int) -> Bool {
        WorkMeter.tick()
        guard index < count, tokens[index].kind == .identifier else { return false }
        let first = file.bytes[Int(tokens[index].start)]
        return first != UInt8(ascii: "$") && first != UInt8(ascii: ":") && first != UInt8(ascii: "@")
    }

    /// Whether token `index` is a quoted identifier (`"x"`, `` `x` ``, `[x]`).
    func isQuoted(_ index: Int) -> Bool {
        let first = file.bytes[Int(tokens[index].start)]
        return first == UInt8(ascii: "\"") || first == UInt8(ascii: "`") || first == UInt8(ascii: "[")
    }

    /// The name token `index` spells: unquoted and lower-cased (backcheck folds every identifier,
    /// which is what MySQL and SQLite do and what PostgreSQL does for unquoted ones).
    func name(_ index: Int) -> String {
        let token = tokens[index]
        var text = file.bytes[token.range]
        if isQuoted(index), text.count >= 2 {
            text = text.dropFirst().dropLast()
        }
        return String(decoding: text, as: UTF8.self).lowercased()
    }

    /// The source text of tokens `range`, as written.
    func text(_ range: Range<Int>) -> String { file.text(ofTokens: range) }

    /// The index after the bracket group opening at `index`, or `index + 1` for other tokens.
    func skipGroup(_ index: Int) -> Int {
        WorkMeter.tick()
        // A statement may end right before (`WHERE id IN ` + a clause built at run time).
        guard index < count else { return count }
        let token = tokens[index]
        guard token.kind == .punctuation, token.hasPartner, Int(token.partner) > index else { return index + 1 }
        return Int(token.partner) + 1
    }

    /// Whether token `index` opens a bracket group with a partner.
    func opensGroup(_ index: Int) -> Bool {
        WorkMeter.tick()
        guard index < count, tokens[index].kind == .punctuation, tokens[index].hasPartner else { return false }
        return Int(tokens[index].partner) > index
    }

    /// 1-based line and column of token `index`.
    func position(_ index: Int) -> SourcePosition {
        file.position(ofByte: Int(tokens[index].start))
    }
}
