extension QueryScan {
    /// Records the bare columns on either side of the comparison operator at `index`; the right
    /// operand ends before `rightEnd` for `IN (…)`, `IS NULL`, `BETWEEN`, `LIKE`.
    mutating func comparison(at index: Int, isEquality: Bool, rightEnd: Int) {
        let kind: ColumnUse.Clause
        switch clause {
        case .filter: kind = .filter
        case .on(let join): kind = .join(join)
        default: return
        }
        let left = leftOperand(endingAt: index)
        let right = sql.isSymbol(index, "=") || sql.isSymbol(index, "==") ? rightOperand(from: index + 1) : nil
        switch (left, right) {
        case let (left?, right?):
            for (side, other) in [(left, right), (right, left)] {
                uses.append(ColumnUse(qualifier: side.qualifier, column: side.column, clause: kind,
                                      isEquality: isEquality, comparedToColumn: true,
                                      partner: ColumnUse.Partner(qualifier: other.qualifier, column: other.column)))
            }
        case let (left?, nil):
            guard !rightIsColumnExpression(from: index + 1, to: rightEnd) else { return }
            uses.append(ColumnUse(qualifier: left.qualifier, column: left.column, clause: kind,
                                  isEquality: isEquality, comparedToColumn: false))
        case let (nil, right?) where isValue(index - 1):
            uses.append(ColumnUse(qualifier: right.qualifier, column: right.column, clause: kind,
                                  isEquality: isEquality, comparedToColumn: false))
        default:
            break
        }
    }

    /// `col` or `q.col` ending just before `index`, preceded by a clause boundary.
    private func leftOperand(endingAt index: Int) -> (qualifier: String?, column: String)? {
        for length in [3, 1] {
            let start = index - length
            guard start >= 0, let reference = parser.columnReference(start..<index) else { continue }
            return isBoundary(before: start) ? reference : nil
        }
        return nil
    }

    /// `col` or `q.col` starting at `index`, followed by a boundary (not `(`, `.`, an operator).
    private func rightOperand(from index: Int) -> (qualifier: String?, column: String)? {
        for length in [3, 1] {
            let stop = index + length
            guard stop <= end, let reference = parser.columnReference(index..<stop) else { continue }
            return isBoundary(after: stop) ? reference : nil
        }
        return nil
    }

    private func isBoundary(before index: Int) -> Bool {
        guard index >= 1 else { return true }
        return sql.opensGroup(index - 1)
            || ["where", "and", "or", "on", "having", "when"].contains { sql.isWord(index - 1, $0) }
    }

    private func isBoundary(after index: Int) -> Bool {
        index >= end || sql.isSymbol(index, ")") || sql.isSymbol(index, ",") || sql.isSymbol(index, ";")
            || (sql.tokens[index].kind == .identifier && !sql.isQuoted(index)
                && QueryParser.reserved.contains(sql.name(index)))
    }

    /// A literal or placeholder token: a number, a string, `$1`, `:name`, `@p`, `?`.
    private func isValue(_ index: Int) -> Bool {
        guard index >= 0 else { return false }
        let token = sql.tokens[index]
        switch token.kind {
        case .number, .string: return true
        case .identifier: return !sql.isName(index)
        case .punctuation: return sql.isSymbol(index, "?")
        default: return false
        }
    }

    /// Whether the right operand of a comparison is an expression over columns of the same row
    /// (`a = b + 1`), which no index on the left column alone makes cheap to evaluate row by row:
    /// kept simple, only a leading bare column followed by an operator counts.
    private func rightIsColumnExpression(from index: Int, to stop: Int) -> Bool {
        guard stop - index > 1, index < end else { return false }
        return parser.columnReference(index..<(index + 1)) != nil && !sql.opensGroup(index + 1)
            && sql.tokens[index + 1].kind == .punctuation && !sql.isSymbol(index + 1, ".")
            && !sql.isSymbol(index + 1, ")") && !sql.isSymbol(index + 1, ",")
    }
}
