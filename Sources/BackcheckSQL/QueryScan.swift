/// The left-to-right walk behind ``QueryParser``: a clause state per bracket depth, table
/// references as they are declared, and column uses at comparison operators.
struct QueryScan {
    let parser: QueryParser
    let end: Int
    var sql: SQLTokens { parser.sql }

    enum Clause: Equatable {
        case other, from, filter, on(Int), orderBy, groupBy
    }

    var clause = Clause.other
    var stack: [(Clause, Bool)] = []
    var expectTable = false
    var expectItem = false
    var joinCount = 0
    var currentJoin: Int?
    var tables: [TableReference] = []
    var uses: [ColumnUse] = []
    var derivedNames: Set<String> = []
    var hasLimit = false
    /// The conditions of the clause being read: where its uses start, whether an OR joined them;
    /// the enclosing brackets' below.
    var disjunction = (start: 0, sawOr: false)
    var disjunctions: [(start: Int, sawOr: Bool)] = []

    static let comparisons: [String: Bool] = ["=": true, "==": true, "<": false, ">": false, "<=": false, ">=": false]

    mutating func run(from start: Int) {
        var index = start
        if sql.isWord(index, "with") { index = commonTableExpressions(from: index + 1) }
        while index < end {
            index = step(index)
        }
        while true {
            closeDisjunction()
            guard let outer = disjunctions.popLast() else { break }
            disjunction = outer
        }
    }

    /// Marks the uses of the conditions just read as disjuncts when an OR joined them (uses in
    /// brackets inside them included: `(a = 1 AND b = 2) OR c = 3`).
    private mutating func closeDisjunction() {
        if disjunction.sawOr {
            for index in disjunction.start..<uses.count { uses[index].isDisjunct = true }
        }
        disjunction = (uses.count, false)
    }

    /// `WITH [RECURSIVE] name [(cols)] AS [NOT] [MATERIALIZED] ( … ), …`: records the names and
    /// returns where the scan continues (inside the first body, so its clauses are read too).
    private mutating func commonTableExpressions(from start: Int) -> Int {
        var index = start
        if sql.isWord(index, "recursive") { index += 1 }
        while index < end, sql.isName(index) {
            derivedNames.insert(sql.name(index))
            index += 1
            if sql.opensGroup(index) { index = sql.skipGroup(index) }
            guard sql.isWord(index, "as") else { break }
            index += 1
            while sql.isWord(index, "not") || sql.isWord(index, "materialized") { index += 1 }
            guard sql.opensGroup(index) else { break }
            let after = sql.skipGroup(index)
            guard sql.isSymbol(after, ",") else { return index }
            index = after + 1
        }
        return index
    }

    private mutating func step(_ index: Int) -> Int {
        let token = sql.tokens[index]
        if token.kind == .punctuation {
            if sql.opensGroup(index) {
                stack.append((clause, expectTable))
                disjunctions.append(disjunction)
                disjunction = (uses.count, false)
                expectTable = false
                return index + 1
            }
            if token.hasPartner, let (saved, wasTableExpected) = stack.popLast() {
                closeDisjunction()
                if let outer = disjunctions.popLast() { disjunction = outer }
                clause = saved
                expectTable = false
                if saved == .from, wasTableExpected { return derivedTable(after: index) }
                return index + 1
            }
            if sql.isSymbol(index, ",") {
                if clause == .from { expectTable = true }
                if clause == .orderBy || clause == .groupBy { expectItem = true }
                return index + 1
            }
            if let isEquality = Self.comparisons[String(decoding: sql.bytes(index), as: UTF8.self)] {
                comparison(at: index, isEquality: isEquality, rightEnd: index + 1)
            }
            return index + 1
        }
        guard token.kind == .identifier, !sql.isQuoted(index) else { return index + 1 }
        let word = sql.name(index)
        switch word {
        case "from", "update", "into":
            clause = .from
            currentJoin = nil
            expectTable = true
        case "join", "straight_join":
            clause = .from
            joinCount += 1
            currentJoin = joinCount
            expectTable = true
        case "using" where clause == .from:
            if sql.opensGroup(index + 1) { return sql.skipGroup(index + 1) }
            expectTable = true
        case "on" where clause == .from:
            closeDisjunction()
            clause = .on(currentJoin ?? 0)
        case "where", "having":
            closeDisjunction()
            clause = .filter
        case "or":
            switch clause {
            case .filter, .on: disjunction.sawOr = true
            default: break
            }
        case "order" where sql.isWord(index + 1, "by"):
            clause = .orderBy
            expectItem = true
            return index + 2
        case "group" where sql.isWord(index + 1, "by"):
            clause = .groupBy
            expectItem = true
            return index + 2
        case "limit":
            hasLimit = true
            clause = .other
        case "select", "set", "returning", "values", "union", "except", "intersect", "offset", "window":
            clause = .other
        case "in" where !sql.isWord(index - 1, "not"):
            comparison(at: index, isEquality: true, rightEnd: sql.skipGroup(index + 1))
        case "is" where sql.isWord(index + 1, "null"):
            comparison(at: index, isEquality: true, rightEnd: index + 2)
        case "between" where !sql.isWord(index - 1, "not"):
            comparison(at: index, isEquality: false, rightEnd: index + 2)
        case "like" where !sql.isWord(index - 1, "not") && prefixPattern(index + 1):
            comparison(at: index, isEquality: false, rightEnd: index + 2)
        default:
            if clause == .from, expectTable { return tableReference(at: index) }
            if clause == .orderBy || clause == .groupBy, expectItem { return listItem(at: index) }
        }
        return index + 1
    }

    /// `name [AS] alias` after FROM/JOIN/UPDATE/`,`: records the reference; `(subquery) alias`
    /// never reaches here (its alias is read as a derived name).
    private mutating func tableReference(at index: Int) -> Int {
        expectTable = false
        var cursor = StatementCursor(sql, index..<end)
        _ = cursor.accept("only")
        _ = cursor.accept("lateral")
        guard !cursor.atEnd, parser.isPlainName(cursor.index), let parts = cursor.qualifiedName() else { return index + 1 }
        if cursor.atEnd == false, sql.opensGroup(cursor.index) { return index + 1 }  // a table function
        let key = SchemaNames.tableKey(parts)
        var alias = parts.last ?? key
        if cursor.accept("as") || (!cursor.atEnd && parser.isPlainName(cursor.index)) {
            if !cursor.atEnd, parser.isPlainName(cursor.index) {
                alias = sql.name(cursor.index)
                cursor.index += 1
            }
        }
        tables.append(TableReference(table: key, alias: alias, join: currentJoin, depth: stack.count))
        return cursor.index
    }

    /// `(subquery) [AS] alias`, the subquery's `)` at `index`: a table the schema cannot know.
    private mutating func derivedTable(after index: Int) -> Int {
        var next = index + 1
        if sql.isWord(next, "as") { next += 1 }
        guard next < end, parser.isPlainName(next) else { return index + 1 }
        tables.append(TableReference(table: nil, alias: sql.name(next), join: currentJoin, depth: stack.count))
        return next + 1
    }

    /// One ORDER BY / GROUP BY item: recorded when it is a bare column.
    private mutating func listItem(at index: Int) -> Int {
        expectItem = false
        var after = index + 1
        if sql.isSymbol(after, "."), after + 1 < end { after += 2 }
        let boundary = after >= end || sql.isSymbol(after, ",") || sql.isSymbol(after, ")")
            || (sql.tokens[after].kind == .identifier && !sql.isQuoted(after) && QueryParser.reserved.contains(sql.name(after)))
        if boundary, let reference = parser.columnReference(index..<after) {
            uses.append(ColumnUse(qualifier: reference.qualifier, column: reference.column,
                                  clause: clause == .orderBy ? .orderBy : .groupBy, isEquality: false, comparedToColumn: false))
        }
        return after
    }

    /// Whether the LIKE pattern at `index` is a string that starts with a literal character.
    private func prefixPattern(_ index: Int) -> Bool {
        guard index < end, sql.tokens[index].kind == .string else { return false }
        let content = sql.file.buffer.contentRange(of: index)
        guard let first = content.first.map({ sql.file.bytes[$0] }) else { return false }
        return first != UInt8(ascii: "%") && first != UInt8(ascii: "_")
    }
}
