/// Splits SQL tokens into statements at top-level `;` (brackets are jumped over through their
/// partners, strings and `$$` bodies are single tokens, so a `;` inside them never splits).
enum StatementSplitter {
    /// Token ranges of the non-empty statements, in order, without their `;`.
    static func statements(_ sql: SQLTokens) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < sql.count {
            if sql.isSymbol(index, ";") {
                if index > start { ranges.append(start..<index) }
                index += 1
                start = index
            } else {
                index = sql.skipGroup(index)
            }
        }
        if sql.count > start { ranges.append(start..<min(sql.count, index)) }
        return ranges
    }
}
