@testable import BackcheckSQL

/// A large realistic schema, generated from a seed: tables with primary keys, composite UNIQUE
/// keys, single and composite foreign keys declared inline, at table level or (PostgreSQL) by
/// ALTER TABLE, and every kind of index that does or does not cover a foreign key (exact,
/// reordered, longer, wrong leading column, expression, partial, hash).
struct GeneratedSchema {
    var sql = ""
    private var random: SplitMix

    init(tables: Int, seed: UInt64, dialect: SQLDialect) {
        random = SplitMix(seed: seed)
        let postgres = dialect == .postgresql
        let integer = postgres ? "bigint" : "INTEGER"
        var alters: [String] = []
        var indexes: [String] = []
        for table in 0..<tables {
            let name = postgres && table % 7 == 3 ? "\"t\(table)\"" : "t\(table)"
            var lines = ["    id \(integer) PRIMARY KEY", "    region integer NOT NULL", "    code integer NOT NULL",
                         "    title text", "    deleted_at timestamp", "    UNIQUE (region, code)"]
            if table > 0 {
                for fk in 0..<random.next(4) {
                    let parent = random.next(table)
                    let form = random.next(postgres ? 4 : 3)
                    let single = "p\(fk)_id"
                    let pair = ["p\(fk)_region", "p\(fk)_code"]
                    let composite = random.next(3) == 0
                    if composite {
                        lines.insert("    \(pair[0]) integer", at: 1)
                        lines.insert("    \(pair[1]) integer", at: 2)
                        let clause = "FOREIGN KEY (\(pair.joined(separator: ", "))) REFERENCES t\(parent) (region, code)"
                        if form == 3 { alters.append("ALTER TABLE ONLY t\(table) ADD CONSTRAINT t\(table)_fk\(fk) \(clause);") }
                        else { lines.append("    CONSTRAINT t\(table)_fk\(fk) \(clause)\(cascade())") }
                    } else {
                        if form == 0 {
                            lines.insert("    \(single) \(integer) REFERENCES t\(parent) (id)\(cascade())", at: 1)
                        } else {
                            lines.insert("    \(single) \(integer)", at: 1)
                            let clause = "FOREIGN KEY (\(single)) REFERENCES t\(parent) (id)"
                            if form == 3 { alters.append("ALTER TABLE t\(table) ADD CONSTRAINT t\(table)_fk\(fk) \(clause);") }
                            else { lines.append("    \(clause)\(cascade())") }
                        }
                    }
                    if let index = index(table: table, number: fk, columns: composite ? pair : [single], postgres: postgres) {
                        indexes.append(index)
                    }
                }
            }
            sql += "-- table \(table)\nCREATE TABLE \(table % 5 == 0 ? "IF NOT EXISTS " : "")\(name) (\n"
                + lines.joined(separator: ",\n") + "\n);\n"
        }
        sql += indexes.joined(separator: "\n") + "\n" + alters.joined(separator: "\n") + "\n"
    }

    private mutating func cascade() -> String {
        [" ON DELETE CASCADE", " ON DELETE SET NULL", "", ""][random.next(4)]
    }

    /// One of the index shapes around a foreign key's columns, or nil (no index).
    private mutating func index(table: Int, number: Int, columns: [String], postgres: Bool) -> String? {
        let name = "t\(table)_i\(number)"
        let on = "ON t\(table)"
        switch random.next(postgres ? 9 : 8) {
        case 0, 1: return nil
        case 2: return "CREATE INDEX \(name) \(on) (\(columns.joined(separator: ", ")));"
        case 3: return "CREATE INDEX \(name) \(on) (\(columns.reversed().joined(separator: ", ")), title);"
        case 4: return "CREATE INDEX \(name) \(on) (title, \(columns.joined(separator: ", ")));"
        case 5: return "CREATE INDEX \(name) \(on) ((\(columns[0]) + 0)\(columns.dropFirst().map { ", " + $0 }.joined()));"
        case 6: return "CREATE INDEX \(name) \(on) (\(columns.joined(separator: ", "))) WHERE deleted_at IS NULL;"
        case 7: return "CREATE UNIQUE INDEX \(name) \(on) (\(columns.joined(separator: ", ")), id);"
        default: return "CREATE INDEX \(name) \(on) USING hash (\(columns[0]));"
        }
    }
}

/// A small deterministic generator (SplitMix64).
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A number in `0..<bound`.
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
