/// Guesses a file's dialect from words only one engine uses (`ENGINE=`, back-ticks and
/// `AUTO_INCREMENT` for MySQL; `AUTOINCREMENT`, `WITHOUT ROWID`, `PRAGMA` for SQLite; `SERIAL`,
/// `JSONB`, `::`, `$$` and `CONCURRENTLY` for PostgreSQL).
enum DialectDetector {
    private static let signals: [String: SQLDialect] = [
        "engine": .mysql, "auto_increment": .mysql, "unsigned": .mysql, "charset": .mysql, "tinyint": .mysql,
        "mediumtext": .mysql, "longtext": .mysql, "datetime": .mysql,
        "autoincrement": .sqlite, "rowid": .sqlite, "pragma": .sqlite, "sqlite_sequence": .sqlite,
        "serial": .postgresql, "bigserial": .postgresql, "jsonb": .postgresql, "timestamptz": .postgresql,
        "concurrently": .postgresql, "plpgsql": .postgresql, "nextval": .postgresql, "bytea": .postgresql,
        "search_path": .postgresql, "owner": .postgresql, "uuid": .postgresql, "inet": .postgresql,
    ]

    static func detect(_ sql: SQLTokens) -> SQLDialect {
        var votes: [SQLDialect: Int] = [:]
        for index in 0..<sql.count {
            let token = sql.tokens[index]
            switch token.kind {
            case .identifier:
                let first = sql.file.bytes[Int(token.start)]
                if first == UInt8(ascii: "`") {
                    votes[.mysql, default: 0] += 1
                } else if first != UInt8(ascii: "\""), token.length <= 16, let dialect = signals[sql.name(index)] {
                    votes[dialect, default: 0] += 1
                }
            case .string where sql.file.bytes[Int(token.start)] == UInt8(ascii: "$"):
                votes[.postgresql, default: 0] += 1
            case .punctuation where sql.isSymbol(index, "::"):
                votes[.postgresql, default: 0] += 1
            default:
                break
            }
        }
        guard let best = votes.max(by: { $0.value < $1.value }) else { return .unknown }
        return votes.values.filter { $0 == best.value }.count > 1 ? .unknown : best.key
    }
}
