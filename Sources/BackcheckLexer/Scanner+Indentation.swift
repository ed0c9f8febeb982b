/// Python indentation as virtual `blockOpen`/`blockClose` tokens, so blocks are bracketed like
/// `{ }` in other languages. The first line's indentation is the baseline, so a uniformly
/// indented snippet (a rule pattern) has no blocks.
extension Scanner {
    /// Called for the first token of a logical line, before it is appended.
    mutating func indent(line: Int, at start: Int) {
        let column = indentColumn(from: lines.start(ofLine: line), to: start)
        guard let top = indentColumns.last else {
            indentColumns.append(column)
            return
        }
        if column > top {
            indentColumns.append(column)
            indentOpens.append(UInt32(truncatingIfNeeded: emit(.blockOpen, start, start)))
            return
        }
        while indentColumns.count > 1, column < indentColumns[indentColumns.count - 1] {
            indentColumns.removeLast()
            let open = Int(indentOpens.removeLast())
            pair(open, emit(.blockClose, start, start))
        }
    }

    mutating func closeAllBlocks(at offset: Int) {
        while let open = indentOpens.popLast() {
            pair(Int(open), emit(.blockClose, offset, offset))
        }
        indentColumns.removeAll()
    }

    /// Tabs advance to the next multiple of 8; a form feed resets the column, as in CPython.
    private func indentColumn(from lineStart: Int, to start: Int) -> Int {
        var column = 0
        var i = lineStart
        while i < start {
            switch p[i] {
            case ASCII.tab: column = (column / 8 + 1) * 8
            case 0x0C: column = 0
            default: column += 1
            }
            i += 1
        }
        return column
    }
}
