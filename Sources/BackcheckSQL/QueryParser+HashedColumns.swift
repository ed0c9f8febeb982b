extension QueryParser {
    /// SQL functions whose result is a hash or ciphertext of their input: a column assigned one
    /// stores that, not the value itself (pgcrypto, MySQL and SQL Server).
    static let hashingFunctions: Set<String> = [
        "crypt", "gen_salt", "digest", "hmac", "pgp_sym_encrypt", "pgp_pub_encrypt", "encrypt", "aes_encrypt",
        "encryptbypassphrase", "encryptbykey", "hashbytes", "sha1", "sha2", "sha256", "sha512", "md5", "password",
    ]

    /// The columns the statement in `range` stores through a hashing function: targets of
    /// `SET col = …` and of `INSERT … (…, col, …) VALUES (…, value, …)` whose value calls one
    /// (`CRYPT($3, GEN_SALT('bf'))`, inside a CASE too), and the bare columns `crypt(…)` takes as an
    /// argument, which is pgcrypto's check against a stored hash (`crypt($2, password) = password`).
    func hashedColumns(_ range: Range<Int>) -> [HashedColumn] {
        var columns: [HashedColumn] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if sql.isWord(index, "set") {
                columns += assignedThroughHash(from: index + 1, end: range.upperBound).map { HashedColumn(table: nil, column: $0) }
            } else if sql.isWord(index, "into") {
                columns += insertedThroughHash(after: index + 1, end: range.upperBound)
            } else if sql.isWord(index, "crypt"), sql.opensGroup(index + 1) {
                columns += arguments(ofGroupAt: index + 1).compactMap { columnReference($0).map { HashedColumn(table: nil, column: $0.column) } }
            }
            index += 1
        }
        return columns
    }

    /// `col = value, …` from `start` up to the clause that ends the assignments.
    private func assignedThroughHash(from start: Int, end: Int) -> [String] {
        var columns: [String] = []
        var index = start
        while index < end {
            var target = index
            if sql.isSymbol(index + 1, "."), sql.isName(index + 2) { target = index + 2 }
            guard isPlainName(index), sql.isSymbol(target + 1, "=") else { break }
            var valueEnd = target + 2
            while valueEnd < end, !sql.isSymbol(valueEnd, ","), !Self.assignmentEnds.contains(where: { sql.isWord(valueEnd, $0) }) {
                valueEnd = sql.skipGroup(valueEnd)
            }
            if callsHashingFunction((target + 2)..<min(valueEnd, end)) { columns.append(sql.name(target)) }
            guard sql.isSymbol(valueEnd, ",") else { break }
            index = valueEnd + 1
        }
        return columns
    }

    private static let assignmentEnds = ["where", "from", "returning", "output", "limit", "order"]

    /// `table (col, …) VALUES (value, …)` after INTO: the columns whose value, in the first row,
    /// calls a hashing function.
    private func insertedThroughHash(after start: Int, end: Int) -> [HashedColumn] {
        var cursor = StatementCursor(sql, start..<end)
        guard isPlainName(start), let table = cursor.tableName() else { return [] }
        let index = cursor.index
        guard sql.opensGroup(index) else { return [] }
        let names = arguments(ofGroupAt: index)
        let afterNames = sql.skipGroup(index)
        guard afterNames < end, sql.isWord(afterNames, "values"), sql.opensGroup(afterNames + 1) else { return [] }
        let values = arguments(ofGroupAt: afterNames + 1)
        return zip(names, values).compactMap { name, value in
            callsHashingFunction(value) ? columnReference(name).map { HashedColumn(table: table, column: $0.column) } : nil
        }
    }

    /// The comma-separated items of the bracket group opening at `open`.
    private func arguments(ofGroupAt open: Int) -> [Range<Int>] {
        let close = sql.skipGroup(open) - 1
        var items: [Range<Int>] = []
        var itemStart = open + 1
        var index = itemStart
        while index < close {
            if sql.isSymbol(index, ",") {
                items.append(itemStart..<index)
                itemStart = index + 1
                index += 1
            } else {
                index = sql.skipGroup(index)
            }
        }
        if itemStart < close { items.append(itemStart..<close) }
        return items
    }

    /// Whether tokens `range` call a hashing function anywhere, brackets included.
    private func callsHashingFunction(_ range: Range<Int>) -> Bool {
        range.contains { index in
            sql.isName(index) && !sql.isQuoted(index) && sql.opensGroup(index + 1) && Self.hashingFunctions.contains(sql.name(index))
        }
    }
}

/// A column a query stores hashes in: of the named table (an INSERT's), or of whichever of the
/// query's tables has it (nil: `SET col = …`, `crypt(…, col)`).
struct HashedColumn: Sendable, Hashable, Codable {
    var table: String?
    var column: String
}
