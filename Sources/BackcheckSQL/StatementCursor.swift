/// A read position inside one statement's tokens, with the small vocabulary DDL parsing needs:
/// optional keyword sequences, names, bracket groups and comma-separated elements.
struct StatementCursor {
    let sql: SQLTokens
    var index: Int
    let end: Int

    init(_ sql: SQLTokens, _ range: Range<Int>) {
        self.sql = sql
        index = range.lowerBound
        end = range.upperBound
    }

    var atEnd: Bool { index >= end }

    /// Whether the next tokens are `words`, without moving.
    func peek(_ words: String...) -> Bool {
        for (offset, word) in words.enumerated() where index + offset >= end || !sql.isWord(index + offset, word) {
            return false
        }
        return true
    }

    /// Moves past `words` when the next tokens are exactly them.
    mutating func accept(_ words: String...) -> Bool {
        for (offset, word) in words.enumerated() where index + offset >= end || !sql.isWord(index + offset, word) {
            return false
        }
        index += words.count
        return true
    }

    /// Moves past the punctuation `symbol` when it is next.
    mutating func accept(symbol: String) -> Bool {
        guard !atEnd, sql.isSymbol(index, symbol) else { return false }
        index += 1
        return true
    }

    /// A possibly qualified name (`schema.table`, `"Quoted"`), as its parts; nil when no name is next.
    mutating func qualifiedName() -> [String]? {
        guard !atEnd, sql.isName(index) else { return nil }
        var parts = [sql.name(index)]
        index += 1
        while index + 1 < end, sql.isSymbol(index, "."), sql.isName(index + 1) {
            parts.append(sql.name(index + 1))
            index += 2
        }
        return parts
    }

    /// A table name as the schema model keys it (see ``SchemaNames/tableKey(_:)``).
    mutating func tableName() -> String? {
        qualifiedName().map(SchemaNames.tableKey)
    }

    /// The token range inside the bracket group opening here, moving past it; nil when no group opens.
    mutating func group() -> Range<Int>? {
        guard !atEnd, sql.opensGroup(index) else { return nil }
        let close = Int(sql.tokens[index].partner)
        guard close < end else { return nil }
        defer { index = close + 1 }
        return (index + 1)..<close
    }

    /// Moves to the next token, jumping over a whole bracket group.
    mutating func skip() {
        index = min(end, sql.skipGroup(index))
    }

    /// The top-level comma-separated elements of `range`.
    static func elements(_ sql: SQLTokens, _ range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            if sql.isSymbol(index, ",") {
                if index > start { result.append(start..<index) }
                start = index + 1
                index += 1
            } else {
                index = min(range.upperBound, sql.skipGroup(index))
            }
        }
        if range.upperBound > start { result.append(start..<range.upperBound) }
        return result
    }
}
